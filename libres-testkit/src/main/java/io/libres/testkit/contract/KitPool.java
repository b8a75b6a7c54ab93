package io.libres.testkit.contract;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small connection pool as applications configure them against adapters: connections are
 * reused and come with auto-commit off. It counts what an adapter must get right with such a pool:
 * connections borrowed and not given back, and connections given back inside an open transaction
 * (which the next borrower would inherit).
 */
public final class KitPool implements DataSource, AutoCloseable {

    private final DataSource physical;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> all = new ArrayList<>();
    private int borrowed;
    private int returnedInTransaction;
    private boolean closed;

    /**
     * A pool whose physical connections come from the given data source.
     *
     * @param physical where new connections come from
     */
    public KitPool(DataSource physical) {
        this.physical = physical;
    }

    /**
     * How many connections are borrowed and not given back.
     *
     * @return the connections out of the pool
     */
    public synchronized int borrowed() {
        return borrowed;
    }

    /**
     * How many times a connection came back inside an open transaction.
     *
     * @return the count so far
     */
    public synchronized int returnedInTransaction() {
        return returnedInTransaction;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection;
        synchronized (this) {
            if (closed) {
                throw new SQLException("the pool is closed", "08003");
            }
            connection = idle.poll();
            borrowed++;
        }
        if (connection == null) {
            connection = physical.getConnection();
            connection.setAutoCommit(false);
            synchronized (this) {
                all.add(connection);
            }
        }
        return lease(connection);
    }

    private Connection lease(Connection connection) {
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (!returned[0]) {
                                returned[0] = true;
                                giveBack(connection);
                            }
                            return null;
                        case "isClosed":
                            if (returned[0]) {
                                return true;
                            }
                            break;
                        default:
                            if (returned[0]) {
                                throw new SQLException("connection used after it went back to the pool", "08003");
                            }
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection connection) throws SQLException {
        TransactionState state = connection.unwrap(BaseConnection.class).getTransactionState();
        if (state != TransactionState.IDLE) {
            connection.rollback();
        }
        if (!connection.getAutoCommit()) {
            // as pools do: what the borrower changed is reset for the next one
            connection.setAutoCommit(false);
        }
        synchronized (this) {
            if (state != TransactionState.IDLE) {
                returnedInTransaction++;
            }
            borrowed--;
            if (closed) {
                connection.close();
            } else {
                idle.push(connection);
            }
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        closed = true;
        for (Connection c : idle) {
            c.close();
        }
        idle.clear();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the kit's pool has one user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing to log
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // connections come from the test database's data source
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
