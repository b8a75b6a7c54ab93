package io.libres.jdbi;

import io.libres.internal.Arguments;
import org.jspecify.annotations.Nullable;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.context.StoppableService;
import io.libres.db.SchemaReport;
import io.libres.errors.InvalidSetting;
import io.libres.postgres.ConnectionErrors;
import io.libres.errors.StorageException;
import io.libres.jdbi.internal.JdbiUnitOfWork;
import io.libres.jdbi.internal.JsonData;
import io.libres.context.Secrets;
import io.libres.postgres.LibresSchema;
import io.libres.postgres.OwnedPool;
import io.libres.postgres.PostgresDsn;
import io.libres.postgres.PostgresServer;
import io.libres.postgres.SqlErrors;
import io.libres.spi.JsonCodec;
import io.libres.spi.Ports;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.spi.UnitOfWork;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The storage of libres for Java on PostgreSQL (13 or newer) through JDBI 3, on exactly the
 * tables libres 1.2 creates, so Python and Java services can share one database.
 *
 * <p>Every unit of work is one SERIALIZABLE transaction on a connection of its own. The server's
 * version is checked on the first unit of work. Thread-safe.
 *
 * <pre>{@code
 * JdbiStorage storage = JdbiStorage.using(dataSource).install(context);
 * storage.setupDatabase();
 * }</pre>
 */
public final class JdbiStorage implements Storage, StoppableService {

    private final Jdbi jdbi;
    private final OwnedPool ownedPool;
    private final PostgresDsn dsn;
    private final Supplier<JsonCodec> explicitCodec;
    private final Supplier<JsonCodec> discoveredCodec = memoized(JdbiStorage::discoveredCodec);
    private volatile Context codecContext;
    private final Clock clock;
    private final String server;
    private volatile boolean versionChecked;
    private final TransactionBinding binding;
    private final Jdbi boundJdbi;
    private final java.util.List<OwnedPool> replicaPools;
    private final io.libres.postgres.ReplicaReads replicas;
    /** Whether the schema has the optional GiST index (setting {@code schema_gist_index}). */
    private final boolean gistIndex;
    /** Hands the replica connection {@link io.libres.postgres.ReplicaReads} chose to {@link #replicaJdbi}. */
    private final ThreadLocal<Connection> handOver = new ThreadLocal<>();
    private final Jdbi replicaJdbi;

    private JdbiStorage(Builder builder) {
        this.dsn = builder.dsn;
        this.server = builder.dsn == null ? "the database" : ConnectionErrors.server(builder.dsn.jdbcUrl());
        this.binding = builder.binding;
        this.boundJdbi = builder.binding == null ? null : Jdbi.create(new BoundConnections(builder.binding));
        this.ownedPool = builder.dsn == null ? null : OwnedPool.open(builder.dsn, "libres-jdbi", builder.pool);
        this.jdbi = builder.jdbi != null ? builder.jdbi
                : Jdbi.create(ownedPool != null ? ownedPool.dataSource() : builder.dataSource);
        this.explicitCodec = builder.jsonCodec;
        this.clock = builder.clock;
        this.gistIndex = builder.gistIndex;
        java.util.List<OwnedPool> pools = new java.util.ArrayList<>();
        this.replicas = builder.replicas.build((replica, n) -> {
            OwnedPool pool = OwnedPool.openReplica(replica, "libres-jdbi-replica-" + n, builder.pool);
            pools.add(pool);
            return pool.dataSource();
        });
        this.replicaPools = java.util.List.copyOf(pools);
        this.replicaJdbi = Jdbi.create(() -> handOver.get());
    }

    /**
     * A storage on the caller's data source; the caller keeps and closes it.
     *
     * @param dataSource a data source of a PostgreSQL database, pooled or not
     * @return the storage
     * @throws io.libres.errors.InvalidArgument if the data source is null
     */
    public static JdbiStorage using(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    /**
     * A storage on the caller's JDBI; the adapter configures only its own handles, never the Jdbi.
     *
     * @param jdbi a Jdbi on a PostgreSQL database
     * @return the storage
     * @throws io.libres.errors.InvalidArgument if the Jdbi is null
     */
    public static JdbiStorage using(Jdbi jdbi) {
        return builder().jdbi(jdbi).build();
    }

    /**
     * A storage with a connection pool of its own (HikariCP) on a JDBC URL; {@link #stopService()}
     * closes the pool.
     *
     * @param dsn a JDBC URL such as {@code jdbc:postgresql://localhost:5432/libres?user=app&password=secret}, or
     *     libres 1.2's {@code postgresql://app:secret@localhost:5432/libres}
     * @return the storage
     * @throws InvalidSetting if the dsn is in no form {@link PostgresDsn} reads
     */
    public static JdbiStorage connect(String dsn) {
        return builder().dsn(dsn).build();
    }

    /**
     * Starts building a storage with options: where its connections come from (exactly one of
     * a JDBC URL, a data source or a Jdbi), its JSON codec and its clock.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets this storage as the storage of a context (and of the contexts inheriting from it),
     * overriding any discovered adapter. Unless the builder was given a codec, the {@code data}
     * columns then use the context's JSON codec ({@code context.getService(Ports.JSON)}), asked
     * for anew by every unit of work, so a codec set on the context later is used from the next
     * unit of work on.
     *
     * @param context an unlocked context
     * @return this storage
     * @throws io.libres.errors.ContextIsLocked if the context is locked
     */
    public JdbiStorage install(Context context) {
        context.setService(StoragePorts.STORAGE.key(), ctx -> this, true);
        this.codecContext = context;
        return this;
    }

    /**
     * The Jdbi this storage runs on, for the caller's own queries.
     *
     * @return the Jdbi
     */
    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * Begins a SERIALIZABLE unit of work on a connection of its own. The first call checks the
     * server's version.
     *
     * @return the open unit of work
     * @throws StorageException if no connection can be had
     * @throws io.libres.postgres.UnsupportedPostgresVersion if the server is older than PostgreSQL 13
     */
    @Override
    public UnitOfWork begin() {
        if (binding != null) {
            java.util.Optional<Connection> bound = binding.boundConnection();
            if (bound.isPresent()) {
                return JdbiUnitOfWork.join(boundJdbi.open(), clock, json(), true);
            }
        }
        return JdbiUnitOfWork.begin(primary(), clock, json(), org.jdbi.v3.core.transaction.TransactionIsolationLevel
                .SERIALIZABLE, false, !replicas.isEmpty(), ownedPool != null);
    }

    /**
     * Begins a read-only unit of work: on a read replica that has replayed {@code after}, at
     * REPEATABLE READ (one snapshot; a standby refuses SERIALIZABLE), or, when no replica qualifies
     * within the wait bound or none is configured, on the primary. With replicas configured, the
     * unit of work refuses writes wherever it runs ({@link io.libres.errors.ModifiedReadOnlySession}).
     *
     * @param after the latest commit the read must see; null for none
     * @return the open unit of work
     * @throws StorageException if the primary is needed and cannot be reached
     */
    @Override
    public UnitOfWork beginReadOnly(io.libres.db.@Nullable WritePosition after) {
        if (replicas.isEmpty() || binding != null && binding.boundConnection().isPresent()) {
            return begin();
        }
        java.util.Optional<Connection> replica = replicas.open(after);
        if (replica.isPresent()) {
            Handle handle;
            handOver.set(replica.get());
            try {
                handle = replicaJdbi.open();
            } finally {
                handOver.remove();
            }
            return JdbiUnitOfWork.begin(handle, clock, json(),
                    org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ, true, false, false);
        }
        return JdbiUnitOfWork.begin(primary(), clock, json(),
                org.jdbi.v3.core.transaction.TransactionIsolationLevel.SERIALIZABLE, true, false, ownedPool != null);
    }

    /**
     * What the read-only units of work did: on which replicas, how often they waited, fell back to
     * the primary, or skipped a replica that was down or lagging.
     *
     * @return the counts, empty without replicas
     */
    @Override
    public java.util.Optional<io.libres.spi.ReplicaStatistics> replicaStatistics() {
        return replicas.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(replicas.statistics());
    }

    private Handle primary() {
        Handle handle = open();
        if (!versionChecked) {
            try {
                Connection connection = handle.getConnection();
                PostgresServer.of(connection).requireSupported();
                if (!connection.getAutoCommit()) {
                    // a pool without auto-commit left the question open as a transaction
                    connection.rollback();
                }
                versionChecked = true;
            } catch (SQLException e) {
                handle.close();
                throw SqlErrors.translate("asking the server for its version", e);
            } catch (RuntimeException e) {
                handle.close();
                throw e;
            }
        }
        return handle;
    }

    /**
     * A unit of work that joins the transaction open on the caller's handle: the caller owns the
     * transaction and the handle, commits or rolls back, and closes it; the unit of work never
     * does. Committing the unit of work keeps its writes in the transaction (a savepoint set on
     * joining is released); rolling it back undoes only its own writes. Bind it to the thread with
     * {@code Session.of(context).join(storage.joining(handle))}:
     *
     * <pre>{@code
     * jdbi.useTransaction(TransactionIsolationLevel.SERIALIZABLE, handle -> {
     *     handle.execute("insert into orders (id) values (?)", orderId);
     *     try (Work work = Session.of(context).join(storage.joining(handle))) {
     *         scheduler.approveReservations(scheduler.reserve(email, dates));
     *         work.commit();
     *     }
     * });
     * }</pre>
     *
     * <p>A conflict ({@link io.libres.errors.SerializationFailure}) goes to the caller: run the whole
     * transaction again (libres does not retry what it does not own).
     *
     * @param handle a handle inside a SERIALIZABLE transaction
     * @return the joined unit of work
     * @throws io.libres.errors.InvalidArgument if the handle is null
     * @throws io.libres.errors.UnitOfWorkMisused if the handle has no open transaction
     * @throws io.libres.errors.TransactionIsolationTooWeak if its transaction runs below SERIALIZABLE;
     *     nothing was read or written
     */
    public UnitOfWork joining(Handle handle) {
        Arguments.requireNonNull(handle, "the handle is missing (null); expected a JDBI Handle with the application's transaction open");
        return JdbiUnitOfWork.join(handle, clock, json(), false);
    }

    /** Hands JDBI the connection bound to the application's transaction, and gives it back after. */
    private static final class BoundConnections implements org.jdbi.v3.core.ConnectionFactory {

        private final TransactionBinding binding;

        BoundConnections(TransactionBinding binding) {
            this.binding = binding;
        }

        @Override
        public Connection openConnection() throws SQLException {
            return binding.boundConnection().orElseThrow(() -> new SQLException(
                    "the application's transaction ended before libres could join it"));
        }

        @Override
        public void closeConnection(Connection connection) {
            binding.release(connection);
        }
    }

    /**
     * Creates the tables, types, sequences and indexes of libres 1.2 that are missing, in a
     * transaction of its own; calling it again, or from several processes, does no harm.
     *
     * @throws StorageException if the database refuses
     */
    @Override
    public void setupDatabase() {
        try (Handle handle = open()) {
            LibresSchema.create(handle.getConnection(), gistIndex);
        } catch (SQLException e) {
            throw SqlErrors.translate("creating the libres schema", e);
        } catch (JdbiException e) {
            throw new StorageException("could not create the libres schema: " + Secrets.redact(e.getMessage()), null, e);
        }
    }

    /**
     * Checks, reading the catalog only, that the current schema holds every table, column, type,
     * constraint and index of libres 1.2.
     *
     * @return what is missing or different
     * @throws StorageException if the database cannot be reached
     */
    @Override
    public SchemaReport validateSchema() {
        try (Handle handle = open()) {
            Connection connection = handle.getConnection();
            SchemaReport report = LibresSchema.validate(connection, gistIndex);
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return report;
        } catch (SQLException e) {
            throw SqlErrors.translate("checking the libres schema", e);
        } catch (JdbiException e) {
            throw new StorageException("could not check the libres schema: " + e.getMessage(), null, e);
        }
    }

    /**
     * The statistics of the HikariCP pool this storage made from a JDBC URL.
     *
     * @return the live statistics, empty when the caller handed in the connections
     */
    @Override
    public java.util.Optional<io.libres.spi.PoolStatistics> poolStatistics() {
        if (ownedPool == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(ownedPool.statistics());
    }

    /**
     * Closes the connection pool this storage owns (one made from a JDBC URL); a data source or
     * Jdbi handed in stays open, it is the caller's.
     */
    @Override
    public void stopService() {
        if (ownedPool != null) {
            ownedPool.close();
        }
        replicaPools.forEach(OwnedPool::close);
    }

    private Handle open() {
        try {
            return jdbi.open();
        } catch (JdbiException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException) {
                throw SqlErrors.translateConnection(server, (SQLException) cause);
            }
            throw new StorageException("could not connect to " + server + ": " + Secrets.redact(e.getMessage()), null, e);
        }
    }

    /**
     * The pool this storage made from its {@code dsn}, for its figures (active, idle, waiting
     * connections); empty for a data source or Jdbi handed in.
     *
     * @return the pool's management bean
     */
    public java.util.Optional<com.zaxxer.hikari.HikariPoolMXBean> pool() {
        return ownedPool == null ? java.util.Optional.empty() : ownedPool.poolBean();
    }

    /**
     * The settings of the pool this storage made from its {@code dsn} (size, timeouts); empty for
     * a data source or Jdbi handed in.
     *
     * @return the pool's configuration bean
     */
    public java.util.Optional<com.zaxxer.hikari.HikariConfigMXBean> poolConfig() {
        return ownedPool == null ? java.util.Optional.empty() : java.util.Optional.of(ownedPool.configBean());
    }

    /** The codec of the data columns for one unit of work, asked for on its first use. */
    private JsonData json() {
        return new JsonData(memoized(this::currentCodec));
    }

    private JsonCodec currentCodec() {
        if (explicitCodec != null) {
            return explicitCodec.get();
        }
        Context context = codecContext;
        return context != null ? context.getService(Ports.JSON) : discoveredCodec.get();
    }

    private static JsonCodec discoveredCodec() {
        return Registry.createEmpty().masterContext().getService(Ports.JSON);
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = supplier.get();
                        }
                        v = value;
                    }
                }
                return v;
            }
        };
    }

    /**
     * Describes the storage by where it connects, never with a password.
     *
     * @return for example {@code JdbiStorage[jdbc:postgresql://localhost:5432/libres (user app, password ***)]}
     */
    @Override
    public String toString() {
        return "JdbiStorage[" + (dsn == null ? "the caller's connections" : dsn.toString()) + "]";
    }

    /**
     * Builds a {@link JdbiStorage}. Not thread-safe; build once and share the storage.
     */
    public static final class Builder {

        private PostgresDsn dsn;
        private DataSource dataSource;
        private Jdbi jdbi;
        private Supplier<JsonCodec> jsonCodec;
        private Clock clock = Clock.systemUTC();
        private final OwnedPool.Options pool = new OwnedPool.Options();
        private TransactionBinding binding;
        private final io.libres.postgres.ReplicaSettings replicas = new io.libres.postgres.ReplicaSettings();
        private boolean gistIndex = true;

        private Builder() {
        }

        /**
         * Adds read replicas (PostgreSQL streaming standbys of the primary) on the caller's data
         * sources: read-only units of work and the reads made outside a unit of work run on them,
         * round robin, as {@code io.libres.db.Session} describes; writes stay on the primary.
         *
         * @param values the replicas' data sources, pooled ideally; the caller keeps and closes them
         * @return this builder
         * @throws io.libres.errors.InvalidArgument if a value is null
         */
        public Builder replicas(DataSource... values) {
            replicas.addSources(values);
            return this;
        }

        /**
         * Adds read replicas on dsns, each with a pool of the storage's own (as large as the primary's;
         * closed with the storage).
         *
         * @param values JDBC URLs or libres 1.2 URLs of the standbys
         * @return this builder
         * @throws InvalidSetting if a value is in no form {@link PostgresDsn} reads
         */
        public Builder replicaDsns(String... values) {
            replicas.addDsns(values);
            return this;
        }

        /**
         * How long a read that must see a commit waits for a replica to replay it before it runs
         * on the primary; 1 second unless set.
         *
         * @param value zero or more
         * @return this builder
         * @throws InvalidSetting if the value is missing or negative
         */
        public Builder replicaWait(Duration value) {
            replicas.wait(value);
            return this;
        }

        /**
         * The most a replica may lag behind the primary to be read at all; 5 seconds unless set.
         *
         * @param value zero or more
         * @return this builder
         * @throws InvalidSetting if the value is missing or negative
         */
        public Builder replicaMaxLag(Duration value) {
            replicas.maxLag(value);
            return this;
        }

        /**
         * How long a replica that could not be reached is left alone before it is tried again; 5
         * seconds unless set.
         *
         * @param value zero or more
         * @return this builder
         * @throws InvalidSetting if the value is missing or negative
         */
        public Builder replicaRetry(Duration value) {
            replicas.retry(value);
            return this;
        }

        /**
         * Whether {@code setupDatabase()} creates libres 1.2's optional GiST index
         * {@code start_end_tsrange_ix} and {@code validateSchema()} asks for it; true unless set.
         * False is for engines without GiST (CockroachDB, YugabyteDB): the schema is made without
         * the index and checked with or without it; the answers stay the same, only overlap
         * searches on the reserved slots lose the index.
         *
         * @param value false to leave the GiST index out
         * @return this builder
         */
        public Builder gistIndex(boolean value) {
            this.gistIndex = value;
            return this;
        }

        /**
         * Takes the schema setting of a context: {@code schema_gist_index} (see
         * {@link #gistIndex(boolean)}).
         *
         * @param context the context
         * @return this builder
         * @throws InvalidSetting if the context's value is not a Boolean
         */
        public Builder schemaSettingsOf(Context context) {
            this.gistIndex = context.getSetting(io.libres.context.Settings.SCHEMA_GIST_INDEX);
            return this;
        }

        /**
         * Takes the replica settings of a context: {@code replica_dsns}, {@code replica_wait} and
         * {@code replica_max_lag}.
         *
         * @param context the context
         * @return this builder
         * @throws InvalidSetting if a setting the context holds does not fit
         */
        public Builder replicaSettingsOf(Context context) {
            replicas.takeFrom(context);
            return this;
        }

        /**
         * Connects through a pool of the storage's own on a dsn: a PostgreSQL JDBC URL or libres
         * 1.2's libpq/SQLAlchemy URL, read by {@link PostgresDsn}; its password goes to the pool as
         * a property and appears in no message.
         *
         * @param value the dsn, e.g. {@code jdbc:postgresql://host:5432/db?user=app&password=secret}
         *     or {@code postgresql://app:secret@host:5432/db}
         * @return this builder
         * @throws InvalidSetting if the dsn is null or in no form {@link PostgresDsn} reads
         */
        public Builder dsn(String value) {
            this.dsn = PostgresDsn.parse(value);
            return this;
        }

        /**
         * Connects through the caller's data source.
         *
         * @param value the data source
         * @return this builder
         * @throws io.libres.errors.InvalidArgument if the value is null
         */
        public Builder dataSource(DataSource value) {
            this.dataSource = Arguments.requireNonNull(value, "the data source is missing (null); expected a DataSource of a PostgreSQL database");
            return this;
        }

        /**
         * Connects through the caller's Jdbi.
         *
         * @param value the Jdbi
         * @return this builder
         * @throws io.libres.errors.InvalidArgument if the value is null
         */
        public Builder jdbi(Jdbi value) {
            this.jdbi = Arguments.requireNonNull(value, "the Jdbi is missing (null); expected a Jdbi on a PostgreSQL database");
            return this;
        }

        /**
         * The JSON codec of the {@code data} columns; unless set, the codec of the context the
         * storage is {@linkplain JdbiStorage#install(Context) installed} in, or before that the one
         * discovered on the class path ({@code libres-json-jackson3}, {@code libres-json-jackson} or {@code libres-json-gson}).
         *
         * @param value the codec, for example the context's {@code context.getService(Ports.JSON)}
         * @return this builder
         * @throws io.libres.errors.InvalidArgument if the value is null
         */
        public Builder jsonCodec(JsonCodec value) {
            Arguments.requireNonNull(value, "the JSON codec is missing (null); expected a JsonCodec (leave it unset to use the context's)");
            this.jsonCodec = () -> value;
            return this;
        }

        /**
         * The JSON codec of the {@code data} columns, asked for by every unit of work on its first
         * use of a {@code data} column, so the supplier may hand out a codec replaced meanwhile.
         *
         * @param value supplies the codec
         * @return this builder
         * @throws io.libres.errors.InvalidArgument if the value is null
         */
        public Builder jsonCodec(Supplier<JsonCodec> value) {
            this.jsonCodec = Arguments.requireNonNull(value, "the JSON codec is missing (null); expected a JsonCodec (leave it unset to use the context's)");
            return this;
        }

        /**
         * The clock of the {@code created} and {@code modified} columns; the system's UTC clock
         * unless set.
         *
         * @param value the clock
         * @return this builder
         * @throws io.libres.errors.InvalidArgument if the value is null
         */
        public Builder clock(Clock value) {
            this.clock = Arguments.requireNonNull(value, "the clock is missing (null); expected a Clock such as Clock.systemUTC()");
            return this;
        }

        /**
         * Joins the application's own transaction when the current thread runs one (a
         * Spring-managed transaction, for example): see {@link TransactionBinding}.
         *
         * @param value where the application's transaction lives
         * @return this builder
         * @throws io.libres.errors.InvalidArgument if the value is null
         */
        public Builder transactionBinding(TransactionBinding value) {
            this.binding = Arguments.requireNonNull(value, "the transaction binding is missing (null); expected a TransactionBinding");
            return this;
        }

        /**
         * The most connections of the pool made from the {@code dsn}; 10 unless set.
         *
         * @param value 1 or more
         * @return this builder
         * @throws InvalidSetting if the value is below 1
         */
        public Builder poolSize(int value) {
            pool.size(value);
            return this;
        }

        /**
         * How long a unit of work waits for a free connection of the pool made from the
         * {@code dsn} before it fails with {@link io.libres.errors.ConnectionPoolExhausted}; 30 seconds unless set.
         *
         * @param value 250 ms or more
         * @return this builder
         * @throws InvalidSetting if the value is missing or shorter than 250 ms
         */
        public Builder connectionTimeout(Duration value) {
            pool.connectionTimeout(value);
            return this;
        }

        /**
         * How long an unused connection of the pool made from the {@code dsn} stays open; 10
         * minutes unless set, zero for ever.
         *
         * @param value zero or more
         * @return this builder
         * @throws InvalidSetting if the value is missing or negative
         */
        public Builder idleTimeout(Duration value) {
            pool.idleTimeout(value);
            return this;
        }

        /**
         * Takes the pool settings of a context: {@code storage_pool_size},
         * {@code storage_connection_timeout} and {@code storage_idle_timeout}.
         *
         * @param context the context
         * @return this builder
         * @throws InvalidSetting if a setting the context holds does not fit
         */
        public Builder poolSettingsOf(Context context) {
            pool.of(context);
            return this;
        }

        /**
         * Builds the storage.
         *
         * @return the storage
         * @throws InvalidSetting if not exactly one of dsn, data source and Jdbi is set
         * @throws StorageException if the pool for a dsn cannot be set up
         */
        public JdbiStorage build() {
            int sources = (dsn == null ? 0 : 1) + (dataSource == null ? 0 : 1) + (jdbi == null ? 0 : 1);
            if (sources != 1) {
                throw new InvalidSetting("a JdbiStorage needs exactly one of a dsn, a DataSource or a Jdbi; got "
                        + sources);
            }
            return new JdbiStorage(this);
        }
    }
}
