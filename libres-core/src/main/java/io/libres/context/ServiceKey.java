package io.libres.context;

import io.libres.errors.InvalidArgument;
import io.libres.internal.Arguments;

/**
 * The name of a service together with its type, so that setting and getting a
 * service needs no cast. {@link DefaultServices} holds the keys of the
 * built-in services; a {@link io.libres.spi.Port} has one too.
 *
 * @param name the service's name, as libres names it (for example {@code "email_validator"})
 * @param type the type every instance of the service has
 * @param <S> the type of the service
 */
public record ServiceKey<S>(String name, Class<S> type) {

    /**
     * Creates a key.
     *
     * @param name the service's name
     * @param type the service's type
     * @throws io.libres.errors.InvalidArgument if the name or the type is null
     * @throws io.libres.errors.InvalidArgument if the name is blank
     */
    public ServiceKey {
        Arguments.requireNonNull(name, "service name must not be null");
        Arguments.requireNonNull(type, "service type must not be null");
        if (name.isBlank()) {
            throw new InvalidArgument("service name must not be blank");
        }
    }

    /**
     * Creates a key.
     *
     * @param name the service's name
     * @param type the service's type
     * @param <S> the type of the service
     * @return the key
     * @throws io.libres.errors.InvalidArgument if the name or the type is null
     * @throws io.libres.errors.InvalidArgument if the name is blank
     */
    public static <S> ServiceKey<S> of(String name, Class<S> type) {
        return new ServiceKey<>(name, type);
    }
}
