package io.libres.context;

/**
 * A service that holds resources (connections, threads, ...) to release when a
 * context discards it.
 *
 * <p>A context discards a service when it is replaced: when
 * {@link Context#setService(String, ServiceFactory, boolean)} sets a new factory
 * under the same name, the old factory and the old cached instance are stopped
 * if they implement this interface. A cached instance whose factory is
 * replaced in a context it inherits from is stopped too, the next time it is
 * asked for. Nothing is stopped when the JVM or the registry ends: this is not
 * a finaliser.
 */
public interface StoppableService {

    /**
     * Releases what the service holds. Called at most once per discarded
     * service, after the replacement is in place; an exception thrown here is
     * logged and does not undo the replacement.
     */
    void stopService();
}
