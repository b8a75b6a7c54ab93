package io.libres.spi;

/**
 * What a storage's own connection pool is doing, for metrics; only a storage that owns its pool
 * (one made from a {@code dsn}) has one. Values are read live on each call.
 */
public interface PoolStatistics {

    /**
     * Connections in use by units of work.
     *
     * @return the busy connections
     */
    int activeConnections();

    /**
     * Connections open and free.
     *
     * @return the idle connections
     */
    int idleConnections();

    /**
     * Threads waiting for a connection.
     *
     * @return the waiting threads
     */
    int pendingThreads();

    /**
     * The most connections the pool opens.
     *
     * @return the pool's maximum size
     */
    int maximumConnections();
}
