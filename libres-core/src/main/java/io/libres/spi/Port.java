package io.libres.spi;

import io.libres.context.Context;
import io.libres.context.ServiceKey;
import io.libres.errors.InvalidArgument;
import io.libres.errors.InvalidService;
import io.libres.internal.Arguments;
import java.util.function.BiFunction;

/**
 * A port declared once: the service it gives a context, the provider interface
 * adapters announce through {@link java.util.ServiceLoader}, how a provider makes
 * the service, and which Maven module to add when no provider is found.
 *
 * <p>A context resolves a port with {@link Context#getService(Port)}: the service
 * set explicitly under {@link #serviceName()} on the context (or one it inherits
 * from) wins; else the context discovers the providers of {@link #providerType()}
 * and takes the single usable one, else the one of highest priority.
 *
 * <p>To declare a port: write the service interface and a provider interface
 * extending {@link LibresProvider} in {@code io.libres.spi}, then add a constant
 * to {@link Ports}:
 *
 * <pre>{@code
 * public static final Port<StorageProvider, Storage> STORAGE = Port
 *         .builder("storage", StorageProvider.class, Storage.class)
 *         .creator((provider, context) -> provider.create(context))
 *         .missingModules("libres-jdbi-adapter or libres-jooq-adapter")
 *         .cached(true)
 *         .build();
 * }</pre>
 *
 * @param <P> the provider interface adapters implement
 * @param <S> the service the port gives a context
 */
public final class Port<P extends LibresProvider, S> {

    private final String serviceName;
    private final Class<P> providerType;
    private final Class<S> serviceType;
    private final BiFunction<? super P, ? super Context, ? extends S> creator;
    private final String missingModules;
    private final boolean cached;

    private Port(Builder<P, S> builder) {
        this.serviceName = builder.serviceName;
        this.providerType = builder.providerType;
        this.serviceType = builder.serviceType;
        this.creator = builder.creator;
        this.missingModules = builder.missingModules;
        this.cached = builder.cached;
    }

    /**
     * Starts declaring a port.
     *
     * @param serviceName the name of the service on a context, for example {@code "json"}
     * @param providerType the provider interface adapters announce
     * @param serviceType the type of the service
     * @param <P> the provider interface
     * @param <S> the service type
     * @return a builder; set {@link Builder#creator} and {@link Builder#missingModules} before building
     * @throws io.libres.errors.InvalidArgument if an argument is null
     * @throws io.libres.errors.InvalidArgument if the service name is blank
     */
    public static <P extends LibresProvider, S> Builder<P, S> builder(
            String serviceName, Class<P> providerType, Class<S> serviceType) {
        return new Builder<>(serviceName, providerType, serviceType);
    }

    /**
     * The name of the service on a context; setting a service under this name
     * overrides discovery.
     *
     * @return the service name
     */
    public String serviceName() {
        return serviceName;
    }

    /**
     * The provider interface adapters announce in {@code META-INF/services}.
     *
     * @return the provider interface
     */
    public Class<P> providerType() {
        return providerType;
    }

    /**
     * The type of the service.
     *
     * @return the service type
     */
    public Class<S> serviceType() {
        return serviceType;
    }

    /**
     * The key of the service, for setting it explicitly on a context:
     * {@code context.setService(Ports.JSON.key(), context -> myCodec, true)}.
     *
     * @return the key, with the service name and type
     */
    public ServiceKey<S> key() {
        return ServiceKey.of(serviceName, serviceType);
    }

    /**
     * The Maven module(s) that provide this port, named when none is found.
     *
     * @return for example {@code "libres-json-jackson or libres-json-gson"}
     */
    public String missingModules() {
        return missingModules;
    }

    /**
     * Whether a context keeps the service it got from a discovered provider
     * (made once per context) rather than asking the provider each time.
     *
     * @return {@code true} if cached per context
     */
    public boolean cached() {
        return cached;
    }

    /**
     * Makes the service of this port with a provider, for a context.
     *
     * @param provider the provider chosen for the context
     * @param context the context the service is asked from
     * @return the service
     * @throws InvalidService if the provider makes {@code null}
     */
    public S create(P provider, Context context) {
        S service = creator.apply(provider, context);
        if (service == null) {
            throw new InvalidService("Provider '" + provider.name() + "' (" + provider.getClass().getName()
                    + ") of the '" + serviceName + "' port made null for context '" + context.name()
                    + "'; a provider must make a " + serviceType.getName());
        }
        return service;
    }

    /**
     * Describes the port by its service name and provider interface.
     *
     * @return for example {@code Port[json: io.libres.spi.JsonCodecProvider]}
     */
    @Override
    public String toString() {
        return "Port[" + serviceName + ": " + providerType.getName() + "]";
    }

    /**
     * Declares a {@link Port}; immutable steps would be overkill for a one-off
     * constant, so the builder is mutable and not thread-safe.
     *
     * @param <P> the provider interface
     * @param <S> the service type
     */
    public static final class Builder<P extends LibresProvider, S> {

        private final String serviceName;
        private final Class<P> providerType;
        private final Class<S> serviceType;
        private BiFunction<? super P, ? super Context, ? extends S> creator;
        private String missingModules;
        private boolean cached = true;

        private Builder(String serviceName, Class<P> providerType, Class<S> serviceType) {
            this.serviceName = Arguments.requireNonNull(serviceName, "service name must not be null");
            this.providerType = Arguments.requireNonNull(providerType, "provider type must not be null");
            this.serviceType = Arguments.requireNonNull(serviceType, "service type must not be null");
            if (serviceName.isBlank()) {
                throw new InvalidArgument("service name must not be blank");
            }
        }

        /**
         * Says how a provider makes the service for a context.
         *
         * @param creator takes the provider and the context the service is asked from
         * @return this builder
         * @throws io.libres.errors.InvalidArgument if the creator is null
         */
        public Builder<P, S> creator(BiFunction<? super P, ? super Context, ? extends S> creator) {
            this.creator = Arguments.requireNonNull(creator, "creator must not be null");
            return this;
        }

        /**
         * Names the Maven module(s) to add when no provider is found.
         *
         * @param modules for example {@code "libres-json-jackson or libres-json-gson"}
         * @return this builder
         * @throws io.libres.errors.InvalidArgument if the modules are null
         * @throws io.libres.errors.InvalidArgument if the modules are blank
         */
        public Builder<P, S> missingModules(String modules) {
            Arguments.requireNonNull(modules, "modules must not be null");
            if (modules.isBlank()) {
                throw new InvalidArgument("modules must not be blank");
            }
            this.missingModules = modules;
            return this;
        }

        /**
         * Says whether a context keeps the service made by a discovered provider;
         * {@code true} unless set otherwise.
         *
         * @param cached {@code true} to make the service once per context
         * @return this builder
         */
        public Builder<P, S> cached(boolean cached) {
            this.cached = cached;
            return this;
        }

        /**
         * Declares the port.
         *
         * @return the port
         * @throws io.libres.errors.InvalidArgument if the creator or the missing modules were not given
         */
        public Port<P, S> build() {
            if (creator == null) {
                throw new InvalidArgument("port '" + serviceName + "' needs a creator");
            }
            if (missingModules == null) {
                throw new InvalidArgument("port '" + serviceName + "' needs the modules to suggest");
            }
            return new Port<>(this);
        }
    }
}
