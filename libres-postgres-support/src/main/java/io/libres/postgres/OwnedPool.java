package io.libres.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.libres.context.Context;
import io.libres.context.Secrets;
import io.libres.context.Settings;
import io.libres.errors.ConnectionPoolExhausted;
import io.libres.errors.InvalidSetting;
import io.libres.errors.StorageException;
import io.libres.spi.PoolStatistics;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connection pool (HikariCP) an SQL adapter makes for itself from a {@code dsn}, the same way
 * in every adapter: SERIALIZABLE connections, sized and timed by {@link Options} (the context
 * settings {@code storage_pool_size}, {@code storage_connection_timeout} and
 * {@code storage_idle_timeout}), connecting lazily, and failing fast on permanent failures.
 *
 * <p>Failing fast: before its first connection, and again after any failure that is not an
 * exhausted pool, {@link #dataSource()} connects once directly through the driver; so a wrong
 * password, a missing database, an unknown host or a server that is down is reported at once with
 * the driver's error (which {@link ConnectionErrors#classify} names), instead of after the pool's
 * connection timeout. Thread-safe; {@link #close()} closes the pool.
 */
public final class OwnedPool implements AutoCloseable {

    private final PostgresDsn dsn;
    private final String server;
    private final HikariDataSource pool;
    private final Duration connectionTimeout;
    private final DataSource failingFast;
    private volatile boolean reached;

    private OwnedPool(PostgresDsn dsn, String name, Options options, boolean replica) {
        this.dsn = dsn;
        this.server = ConnectionErrors.server(dsn.jdbcUrl());
        this.connectionTimeout = options.connectionTimeout;
        HikariConfig config = new HikariConfig();
        // the password goes to the pool as a property, never inside a URL that a log line could show
        config.setJdbcUrl(dsn.jdbcUrl());
        dsn.user().ifPresent(config::setUsername);
        dsn.password().ifPresent(config::setPassword);
        config.setPoolName(name);
        // a standby refuses SERIALIZABLE; its units of work read one snapshot at REPEATABLE READ
        config.setTransactionIsolation(replica ? "TRANSACTION_REPEATABLE_READ" : "TRANSACTION_SERIALIZABLE");
        config.setReadOnly(replica);
        config.setMaximumPoolSize(options.size);
        config.setMinimumIdle(Math.min(1, options.size));
        config.setConnectionTimeout(options.connectionTimeout.toMillis());
        config.setIdleTimeout(options.idleTimeout.toMillis());
        // connect lazily: a context may make its storage before the database is up
        config.setInitializationFailTimeout(-1);
        try {
            this.pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StorageException("could not set up a connection pool for " + dsn + ": "
                    + Secrets.redact(e.getMessage()), null, e);
        }
        this.failingFast = new FailingFast();
    }

    /**
     * Makes a pool on a dsn.
     *
     * @param dsn where to connect
     * @param name the pool's name, for its threads and log lines (for example {@code libres-jdbi})
     * @param options its size and timeouts
     * @return the pool, not yet connected
     * @throws NullPointerException if an argument is null
     * @throws StorageException if the pool cannot be set up
     */
    public static OwnedPool open(PostgresDsn dsn, String name, Options options) {
        Objects.requireNonNull(dsn, "dsn must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(options, "options must not be null");
        return new OwnedPool(dsn, name, options, false);
    }

    /**
     * Makes a pool on a read replica (a PostgreSQL standby): read-only connections at REPEATABLE
     * READ, since a standby refuses SERIALIZABLE; otherwise as {@link #open}, failing fast too, so
     * a replica that is down is skipped at once rather than after the pool's timeout.
     *
     * @param dsn where the replica is
     * @param name the pool's name (for example {@code libres-jdbi-replica-1})
     * @param options its size and timeouts
     * @return the pool, not yet connected
     * @throws NullPointerException if an argument is null
     * @throws StorageException if the pool cannot be set up
     */
    public static OwnedPool openReplica(PostgresDsn dsn, String name, Options options) {
        Objects.requireNonNull(dsn, "dsn must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(options, "options must not be null");
        return new OwnedPool(dsn, name, options, true);
    }

    /**
     * The pool's connections; a failure to connect is the driver's {@link SQLException} (or the
     * pool's, when every connection is held), for the adapter to translate with
     * {@link SqlErrors#translateConnection(String, SQLException)}.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return failingFast;
    }

    /**
     * Names the server for messages: {@code host:port/database}, never a password.
     *
     * @return for example {@code localhost:5432/libres}
     */
    public String server() {
        return server;
    }

    /**
     * The pool's live figures.
     *
     * @return its statistics
     */
    public PoolStatistics statistics() {
        return new PoolStatistics() {
            @Override
            public int activeConnections() {
                return pool.getHikariPoolMXBean().getActiveConnections();
            }

            @Override
            public int idleConnections() {
                return pool.getHikariPoolMXBean().getIdleConnections();
            }

            @Override
            public int pendingThreads() {
                return pool.getHikariPoolMXBean().getThreadsAwaitingConnection();
            }

            @Override
            public int maximumConnections() {
                return pool.getMaximumPoolSize();
            }
        };
    }

    /**
     * The pool's management bean (active, idle and waiting connections).
     *
     * @return the bean, empty before the pool started
     */
    public Optional<HikariPoolMXBean> poolBean() {
        return Optional.ofNullable(pool.getHikariPoolMXBean());
    }

    /**
     * The pool's settings bean (size, timeouts).
     *
     * @return the bean
     */
    public HikariConfigMXBean configBean() {
        return pool.getHikariConfigMXBean();
    }

    /** Closes the pool and every connection of it. */
    @Override
    public void close() {
        pool.close();
    }

    /**
     * Describes the pool by where it connects, never with a password.
     *
     * @return for example {@code OwnedPool[jdbc:postgresql://localhost:5432/libres (user app, password ***)]}
     */
    @Override
    public String toString() {
        return "OwnedPool[" + dsn + "]";
    }

    /**
     * Connects once without the pool, so that a permanent failure (credentials, missing database,
     * unknown host, nothing listening) comes from the driver at once with its cause.
     */
    private void probe() throws SQLException {
        Properties properties = new Properties();
        long seconds = Math.max(1, Math.min(10, connectionTimeout.toSeconds()));
        properties.setProperty("connectTimeout", Long.toString(seconds));
        properties.setProperty("loginTimeout", Long.toString(seconds));
        dsn.user().ifPresent(user -> properties.setProperty("user", user));
        dsn.password().ifPresent(password -> properties.setProperty("password", password));
        try (Connection connection = DriverManager.getConnection(dsn.jdbcUrl(), properties)) {
            reached = true;
        }
    }

    private Connection connect() throws SQLException {
        if (!reached) {
            probe();
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            if (!(ConnectionErrors.classify(server, e).orElse(null) instanceof ConnectionPoolExhausted)) {
                // the server may be gone or the credentials changed: ask it directly next time, at once
                reached = false;
            }
            throw e;
        }
    }

    /** The pool's data source, asking the server directly first where that fails faster. */
    private final class FailingFast implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return connect();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the libres pool connects as the user of its dsn only");
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return pool.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            pool.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            pool.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return pool.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return pool.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(pool) ? type.cast(pool) : pool.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(pool) || pool.isWrapperFor(type);
        }
    }

    /**
     * The size and timeouts of a pool: 10 connections, 30 seconds' wait for a free one and 10
     * minutes' idling unless set. Not thread-safe; a builder of the adapters' own builders.
     */
    public static final class Options {

        private int size = Settings.POOL_SIZE.defaultValue();
        private Duration connectionTimeout = Settings.POOL_CONNECTION_TIMEOUT.defaultValue();
        private Duration idleTimeout = Settings.POOL_IDLE_TIMEOUT.defaultValue();

        /** Options with the defaults of the settings. */
        public Options() {
        }

        /**
         * The most connections of the pool.
         *
         * @param value 1 or more
         * @return these options
         * @throws InvalidSetting if the value is below 1
         */
        public Options size(int value) {
            this.size = Settings.POOL_SIZE.validate(value);
            return this;
        }

        /**
         * How long a caller waits for a free connection before {@link ConnectionPoolExhausted}.
         *
         * @param value 250 ms or more
         * @return these options
         * @throws InvalidSetting if the value is missing or shorter than 250 ms
         */
        public Options connectionTimeout(Duration value) {
            this.connectionTimeout = Settings.POOL_CONNECTION_TIMEOUT.validate(value);
            return this;
        }

        /**
         * How long an unused connection stays open; zero for ever.
         *
         * @param value zero or more
         * @return these options
         * @throws InvalidSetting if the value is missing or negative
         */
        public Options idleTimeout(Duration value) {
            this.idleTimeout = Settings.POOL_IDLE_TIMEOUT.validate(value);
            return this;
        }

        /**
         * Takes a context's settings {@code storage_pool_size}, {@code storage_connection_timeout}
         * and {@code storage_idle_timeout}.
         *
         * @param context the context
         * @return these options
         * @throws InvalidSetting if a setting the context holds does not fit
         */
        public Options of(Context context) {
            this.size = context.getSetting(Settings.POOL_SIZE);
            this.connectionTimeout = context.getSetting(Settings.POOL_CONNECTION_TIMEOUT);
            this.idleTimeout = context.getSetting(Settings.POOL_IDLE_TIMEOUT);
            return this;
        }

        /**
         * The most connections.
         *
         * @return the size
         */
        public int size() {
            return size;
        }

        /**
         * The wait for a free connection.
         *
         * @return the connection timeout
         */
        public Duration connectionTimeout() {
            return connectionTimeout;
        }

        /**
         * How long an unused connection stays open.
         *
         * @return the idle timeout
         */
        public Duration idleTimeout() {
            return idleTimeout;
        }
    }
}
