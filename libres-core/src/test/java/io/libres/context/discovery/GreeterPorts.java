package io.libres.context.discovery;

import io.libres.spi.Port;

/** The test-only ports, declared like {@link io.libres.spi.Ports}. */
final class GreeterPorts {

    static final Port<GreeterProvider, Greeter> GREETER = Port
            .builder("greeter", GreeterProvider.class, Greeter.class)
            .creator((provider, context) -> provider.create(context))
            .missingModules("libres-greeter-test")
            .cached(true)
            .build();

    static final Port<GreeterProvider, Greeter> UNCACHED_GREETER = Port
            .builder("uncached_greeter", GreeterProvider.class, Greeter.class)
            .creator((provider, context) -> provider.create(context))
            .missingModules("libres-greeter-test")
            .cached(false)
            .build();

    private GreeterPorts() {
    }
}
