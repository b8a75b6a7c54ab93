package io.libres.context;

/**
 * Creates a service for a context.
 *
 * <p>A factory set on one context also serves the contexts that inherit from
 * it; it is always given the context the service was asked from, so a service
 * can read that context's settings (its name, its {@code uuid_namespace}, its
 * {@code dsn}).
 *
 * @param <S> the type of service created
 */
@FunctionalInterface
public interface ServiceFactory<S> {

    /**
     * Creates the service.
     *
     * @param context the context the service is asked from
     * @return the service, never {@code null}
     */
    S create(Context context);
}
