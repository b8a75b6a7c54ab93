package io.libres.testkit.contract;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts, at the JDBC level, every statement executed through the connections
 * it hands out ({@code execute}, {@code executeQuery}, {@code executeUpdate},
 * {@code executeLargeUpdate}, and one per {@code executeBatch}), whatever toolkit sends them
 * (JDBI, jOOQ, plain JDBC). Also counts the connections handed out and not yet closed, so that a
 * test can see every connection come back. Savepoints, commits and rollbacks made through the
 * {@link Connection} methods are not statements here.
 *
 * <pre>{@code
 * CountingDataSource counting = CountingDataSource.wrap(database.dataSource());
 * Storage storage = MyStorage.on(counting);               // in StorageContractTest#newStorage()
 * protected StatementCounter statementCounter() { return counting; }
 * }</pre>
 */
public final class CountingDataSource implements DataSource, StatementCounter {

    private final DataSource target;
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong open = new AtomicLong();
    private final List<String> recent = new ArrayList<>();

    private CountingDataSource(DataSource target) {
        this.target = target;
    }

    /**
     * Wraps a data source.
     *
     * @param target the data source whose connections are counted
     * @return the counting data source
     */
    public static CountingDataSource wrap(DataSource target) {
        if (target == null) {
            throw new IllegalArgumentException("the data source to count on is null; expected the test database's"
                    + " data source (is the test class annotated with @WithPostgres?)");
        }
        return new CountingDataSource(target);
    }

    /**
     * The statements executed so far through this data source's connections.
     *
     * @return the running count
     */
    @Override
    public long statements() {
        return statements.get();
    }

    /**
     * The connections handed out and not closed yet (for a pool behind it: borrowed and not given
     * back).
     *
     * @return the number of open connections
     */
    public long openConnections() {
        return open.get();
    }

    /**
     * The SQL of the last statements executed (at most 50), oldest first, for failure messages.
     *
     * @return a copy of the recent SQL
     */
    public List<String> recentStatements() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return counted(target.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return counted(target.getConnection(username, password));
    }

    private Connection counted(Connection connection) {
        open.incrementAndGet();
        InvocationHandler handler = new InvocationHandler() {
            private boolean closed;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                if (method.getName().equals("close")) {
                    synchronized (this) {
                        if (!closed) {
                            closed = true;
                            open.decrementAndGet();
                        }
                    }
                }
                if (method.getName().equals("unwrap") && args != null && args[0] == Connection.class) {
                    return proxy;
                }
                Object result = call(connection, method, args);
                if (result instanceof Statement && !(result instanceof Proxy)) {
                    String sql = args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : null;
                    return statement((Statement) result, sql, proxy);
                }
                return result;
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private Statement statement(Statement statement, String preparedSql, Object connection) {
        Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("getConnection")) {
                return connection;
            }
            if (name.startsWith("execute")) {
                statements.incrementAndGet();
                String sql = args != null && args.length > 0 && args[0] instanceof String ? (String) args[0] : preparedSql;
                synchronized (recent) {
                    recent.add(sql);
                    if (recent.size() > 50) {
                        recent.remove(0);
                    }
                }
            }
            return call(statement, method, args);
        });
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return target.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target.isWrapperFor(iface);
    }
}
