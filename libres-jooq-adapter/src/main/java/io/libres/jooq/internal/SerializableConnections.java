package io.libres.jooq.internal;

import io.libres.postgres.SqlErrors;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Hands out the configuration's connections with SERIALIZABLE isolation for the transactions this
 * adapter begins. On the application's configuration, a connection already inside a transaction
 * (auto-commit off: the application's transaction, joined) is handed out as it is: its isolation
 * is its owner's to set. On the storage's own configuration (a dsn or a data source) no
 * transaction is anyone else's, so every connection gets SERIALIZABLE, auto-commit or not. As with the
 * JDBI adapter, the isolation is not set back on release: a pool (HikariCP) resets what a
 * borrower changed.
 */
final class SerializableConnections implements ConnectionProvider {

    private final ConnectionProvider delegate;
    private final boolean owned;
    private final int isolation;
    private final boolean readOnly;
    private final boolean poolIsolated;
    private volatile boolean began;

    SerializableConnections(ConnectionProvider delegate, boolean owned) {
        this(delegate, owned, Connection.TRANSACTION_SERIALIZABLE, false, false);
    }

    /**
     * Hands out connections with another isolation, for read-only units of work (a standby refuses
     * SERIALIZABLE and reads at REPEATABLE READ).
     */
    SerializableConnections(ConnectionProvider delegate, boolean owned, int isolation, boolean readOnly,
            boolean poolIsolated) {
        this.delegate = delegate;
        this.owned = owned;
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.poolIsolated = poolIsolated;
    }

    @Override
    public Connection acquire() {
        Connection connection = delegate.acquire();
        try {
            if (connection != null && (owned || connection.getAutoCommit())) {
                if (!poolIsolated) {
                    // the storage's own pool hands every connection out at the isolation: a round trip saved
                    connection.setTransactionIsolation(isolation);
                }
                if (readOnly) {
                    // the driver then begins the transaction READ ONLY
                    connection.setReadOnly(true);
                }
                began = true;
            }
            return connection;
        } catch (SQLException e) {
            delegate.release(connection);
            throw new DataAccessException("setting the isolation level: " + e.getMessage()
                    + " (SQLSTATE " + SqlErrors.sqlState(e) + ")", e);
        }
    }

    /**
     * Tells whether a transaction provider took a connection outside any transaction from here, that
     * is, began a transaction of its own rather than joining one (a provider that joins sets a
     * savepoint on the connection it already has, and takes none).
     */
    boolean beganOwnTransaction() {
        return began;
    }

    @Override
    public void release(Connection connection) {
        delegate.release(connection);
    }
}
