package io.libres.jdbi;

import java.sql.Connection;
import java.util.Optional;

/**
 * Where the application's own transaction lives, for a {@link JdbiStorage} whose units of work
 * join it: the connection bound to the transaction the current thread runs, if any. Spring's ships
 * with {@code libres-spring-boot-starter} ({@code io.libres.spring.boot.SpringTransactionBinding},
 * which the starter sets on the JDBI storage it builds); it is a few lines and needs nothing of
 * Spring in this adapter:
 *
 * <pre>{@code
 * TransactionBinding spring = new TransactionBinding() {
 *     public Optional<Connection> boundConnection() {
 *         return TransactionSynchronizationManager.isActualTransactionActive()
 *                 ? Optional.of(DataSourceUtils.getConnection(dataSource)) : Optional.empty();
 *     }
 *     public void release(Connection connection) {
 *         DataSourceUtils.releaseConnection(connection, dataSource);
 *     }
 * };
 * JdbiStorage storage = JdbiStorage.builder().dataSource(dataSource).transactionBinding(spring).build();
 * }</pre>
 *
 * <p>When the binding gives a connection, the storage's unit of work joins that transaction (see
 * {@link JdbiStorage#joining(org.jdbi.v3.core.Handle)}): it checks the transaction runs
 * SERIALIZABLE, sets a savepoint, and never commits, rolls back or closes what it does not own.
 * Otherwise the storage begins a transaction of its own, as without a binding. Implementations are
 * called from many threads at once and must be thread-safe.
 */
public interface TransactionBinding {

    /**
     * The connection of the transaction the application runs on the current thread.
     *
     * @return the connection, inside its transaction; empty when the thread runs none
     */
    Optional<Connection> boundConnection();

    /**
     * Gives back a connection {@link #boundConnection()} handed out, when the unit of work that
     * joined its transaction ends; the transaction goes on.
     *
     * @param connection the connection
     */
    void release(Connection connection);
}
