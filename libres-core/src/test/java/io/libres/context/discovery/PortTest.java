package io.libres.context.discovery;

import io.libres.errors.InvalidArgument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.context.ServiceKey;
import io.libres.spi.JsonCodec;
import io.libres.spi.JsonCodecProvider;
import io.libres.spi.Port;
import io.libres.spi.Ports;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PortTest {

    @Test
    @DisplayName("the JSON port is declared with its service name, interfaces and the modules to add")
    void jsonPort() {
        assertThat(Ports.JSON.serviceName()).isEqualTo("json");
        assertThat(Ports.JSON.providerType()).isEqualTo(JsonCodecProvider.class);
        assertThat(Ports.JSON.serviceType()).isEqualTo(JsonCodec.class);
        assertThat(Ports.JSON.missingModules()).isEqualTo("libres-json-jackson3, libres-json-jackson or libres-json-gson");
        assertThat(Ports.JSON.cached()).isTrue();
        assertThat(Ports.JSON.key()).isEqualTo(ServiceKey.of("json", JsonCodec.class));
        assertThat(Ports.JSON).hasToString("Port[json: io.libres.spi.JsonCodecProvider]");
    }

    @Test
    @DisplayName("a port needs a creator and the modules to suggest")
    void incompleteDeclaration() {
        assertThatThrownBy(() -> Port.builder("x", GreeterProvider.class, Greeter.class)
                .missingModules("m").build())
                .isInstanceOf(InvalidArgument.class)
                .hasMessageContaining("creator");
        assertThatThrownBy(() -> Port.builder("x", GreeterProvider.class, Greeter.class)
                .creator((provider, context) -> provider.create(context)).build())
                .isInstanceOf(InvalidArgument.class)
                .hasMessageContaining("modules");
        assertThatThrownBy(() -> Port.builder(" ", GreeterProvider.class, Greeter.class))
                .isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> Port.builder("x", GreeterProvider.class, Greeter.class).missingModules(""))
                .isInstanceOf(InvalidArgument.class);
    }
}
