package io.libres.context.discovery;

import static io.libres.context.discovery.ServiceFilesClassLoader.entry;
import static io.libres.context.discovery.ServiceFilesClassLoader.listing;
import static org.assertj.core.api.Assertions.assertThat;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.context.discovery.TestProviders.English;
import io.libres.context.discovery.TestProviders.French;
import io.libres.context.discovery.TestProviders.German;
import io.libres.context.discovery.TestProviders.Shy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

@DisplayName("The provider a context chooses")
@ResourceLock(Resources.SYSTEM_ERR)
class ProviderChoiceLogTest {

    @TempDir
    Path dir;

    private String logOf(Runnable discovery) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            discovery.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private Context contextSeeing(String name, String... entries) {
        Context context = Registry.createDefault().registerContext(name);
        context.setDiscoveryClassLoader(listing(dir, entries));
        return context;
    }

    @Test
    @DisplayName("is logged at INFO with the others named when several providers are on the class path")
    void severalAreLogged() {
        Context app = contextSeeing("several", entry(English.class), entry(German.class), entry(Shy.class));

        String log = logOf(() -> app.getService(GreeterPorts.GREETER));

        assertThat(log).contains("INFO").contains("Context 'several' uses german (")
                .contains("of the highest priority").contains("also found: ")
                .contains("english (" + English.class.getName()).contains("shy (" + Shy.class.getName());
    }

    @Test
    @DisplayName("is logged at INFO, saying the setting chose it, when a setting names it")
    void namedIsLogged() {
        Context app = contextSeeing("named", entry(German.class), entry(French.class));
        app.setSetting(GreeterPorts.GREETER.serviceName(), "french");

        String log = logOf(() -> app.getService(GreeterPorts.GREETER));

        assertThat(log).contains("INFO").contains("uses french (").contains("named by its 'greeter' setting")
                .contains("also found: german (");
    }

    @Test
    @DisplayName("is not logged at INFO when it is the only one")
    void aloneIsQuiet() {
        Context app = contextSeeing("alone", entry(Shy.class));

        String log = logOf(() -> app.getService(GreeterPorts.GREETER));

        assertThat(log).doesNotContain("uses shy");
    }
}
