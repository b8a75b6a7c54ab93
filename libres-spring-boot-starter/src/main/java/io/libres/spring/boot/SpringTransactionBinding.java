package io.libres.spring.boot;

import io.libres.internal.Arguments;
import io.libres.jdbi.TransactionBinding;
import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Lets a {@link io.libres.jdbi.JdbiStorage} join the Spring-managed transaction of the current
 * thread ({@code @Transactional}, {@code TransactionTemplate}, a {@code DataSourceTransactionManager}
 * or Boot's {@code JdbcTransactionManager} on the same {@link DataSource}): libres then works on the
 * transaction's connection, behind a savepoint, and neither commits nor rolls back what Spring owns.
 * The auto-configuration sets it on the JDBI storage it builds; without Boot:
 *
 * <pre>{@code
 * JdbiStorage storage = JdbiStorage.builder().dataSource(dataSource)
 *         .transactionBinding(new SpringTransactionBinding(dataSource)).build();
 * }</pre>
 *
 * <p>The transaction must run {@code Isolation.SERIALIZABLE}, else libres refuses it with
 * {@link io.libres.errors.TransactionIsolationTooWeak}. Thread-safe.
 */
public final class SpringTransactionBinding implements TransactionBinding {

    private final DataSource dataSource;

    /**
     * A binding to the transactions Spring runs on a data source.
     *
     * @param dataSource the data source the application's transaction manager manages
     * @throws io.libres.errors.InvalidArgument if the data source is null
     */
    public SpringTransactionBinding(DataSource dataSource) {
        this.dataSource = Arguments.requireNonNull(dataSource, "the data source is missing (null); expected a DataSource of a PostgreSQL database");
    }

    /**
     * The connection of the Spring-managed transaction the current thread runs.
     *
     * @return the connection, empty outside an actual transaction (also inside
     *     {@code Propagation.SUPPORTS} without one)
     */
    @Override
    public Optional<Connection> boundConnection() {
        return TransactionSynchronizationManager.isActualTransactionActive()
                ? Optional.of(DataSourceUtils.getConnection(dataSource)) : Optional.empty();
    }

    /**
     * Gives the connection back to Spring; the transaction goes on.
     *
     * @param connection a connection {@link #boundConnection()} handed out
     */
    @Override
    public void release(Connection connection) {
        DataSourceUtils.releaseConnection(connection, dataSource);
    }
}
