package io.libres.jooq;

import io.libres.internal.Arguments;
import org.jspecify.annotations.Nullable;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.context.StoppableService;
import io.libres.db.SchemaReport;
import io.libres.errors.InvalidSetting;
import io.libres.errors.StorageException;
import io.libres.jooq.internal.JooqUnitOfWork;
import io.libres.jooq.internal.JsonData;
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
import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The storage of libres for Java on PostgreSQL (13 or newer) through jOOQ, on exactly the tables
 * libres 1.2 creates, so Python and Java services (and the JDBI adapter) share one database.
 *
 * <p>Every unit of work is one transaction begun through the configuration's
 * {@link org.jooq.TransactionProvider}, as {@code DSLContext.transaction(...)} would: on a
 * configuration of the storage's own, a SERIALIZABLE transaction on a connection of its own; on an
 * application's {@link DSLContext} inside a transaction of the application's, a savepoint in that
 * transaction (the application commits). The application's settings and {@code ExecuteListener}s
 * apply to every statement. The server's version is checked on the first unit of work. Thread-safe.
 *
 * <pre>{@code
 * JooqStorage storage = JooqStorage.using(dslContext).install(context);
 * storage.setupDatabase();
 * }</pre>
 */
public final class JooqStorage implements Storage, StoppableService {

    private final Configuration configuration;
    private final boolean owned;
    private final OwnedPool ownedPool;
    private final PostgresDsn dsn;
    private final Supplier<JsonCodec> explicitCodec;
    private final Supplier<JsonCodec> discoveredCodec = memoized(JooqStorage::discoveredCodec);
    private volatile Context codecContext;
    private final Clock clock;
    private volatile boolean versionChecked;
    private final java.util.List<OwnedPool> replicaPools;
    private final io.libres.postgres.ReplicaReads replicas;
    /** Whether the schema has the optional GiST index (setting {@code schema_gist_index}). */
    private final boolean gistIndex;

    private JooqStorage(Builder builder) {
        this.dsn = builder.dsn;
        this.ownedPool = builder.dsn == null ? null : OwnedPool.open(builder.dsn, "libres-jooq", builder.pool);
        if (builder.configuration != null) {
            this.configuration = builder.configuration;
            this.owned = false;
        } else {
            this.owned = true;
            this.configuration = DSL.using(ownedPool != null ? ownedPool.dataSource() : builder.dataSource, SQLDialect.POSTGRES)
                    .configuration();
        }
        this.explicitCodec = builder.jsonCodec;
        this.clock = builder.clock;
        this.gistIndex = builder.gistIndex;
        java.util.List<OwnedPool> pools = new java.util.ArrayList<>();
        this.replicas = builder.replicas.build((replica, n) -> {
            OwnedPool pool = OwnedPool.openReplica(replica, "libres-jooq-replica-" + n, builder.pool);
            pools.add(pool);
            return pool.dataSource();
        });
        this.replicaPools = java.util.List.copyOf(pools);
    }

    /**
     * A storage on the caller's data source; the caller keeps and closes it.
     *
     * @param dataSource a data source of a PostgreSQL database, pooled or not
     * @return the storage
     * @throws io.libres.errors.InvalidArgument if the data source is null
     */
    public static JooqStorage using(DataSource dataSource) {
        return builder().dataSource(dataSource).build();
    }

    /**
     * A storage on the caller's jOOQ context: its connections, transaction provider, settings and
     * listeners. Handed a context inside one of the application's transactions, the storage's units
     * of work join that transaction.
     *
     * @param dsl a DSLContext of dialect {@link SQLDialect#POSTGRES} on a PostgreSQL database
     * @return the storage
     * @throws io.libres.errors.InvalidArgument if the context is null
     * @throws InvalidSetting if the context's dialect is not PostgreSQL
     */
    public static JooqStorage using(DSLContext dsl) {
        return builder().dsl(dsl).build();
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
    public static JooqStorage connect(String dsn) {
        return builder().dsn(dsn).build();
    }

    /**
     * Starts building a storage with options: where its connections come from (exactly one of a
     * JDBC URL, a data source, a DSLContext or a jOOQ Configuration), its JSON codec and its clock.
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
    public JooqStorage install(Context context) {
        context.setService(StoragePorts.STORAGE.key(), ctx -> this, true);
        this.codecContext = context;
        return this;
    }

    /**
     * The jOOQ context this storage runs on, for the caller's own queries.
     *
     * @return the DSLContext
     */
    public DSLContext dsl() {
        return configuration.dsl();
    }

    /**
     * Begins a unit of work through the configuration's transaction provider. The first call checks
     * the server's version.
     *
     * @return the open unit of work
     * @throws StorageException if no connection can be had
     * @throws io.libres.postgres.UnsupportedPostgresVersion if the server is older than PostgreSQL 13
     */
    @Override
    public UnitOfWork begin() {
        return checked(() -> JooqUnitOfWork.begin(configuration, owned, clock, json(),
                Connection.TRANSACTION_SERIALIZABLE, false, !replicas.isEmpty(), ownedPool != null));
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
        if (replicas.isEmpty() || !owned) {
            // on the application's configuration a read may be part of its transaction: stay with it
            return begin();
        }
        java.util.Optional<Connection> replica = replicas.open(after);
        if (replica.isPresent()) {
            Configuration onReplica = configuration.derive(new OneConnection(replica.get()));
            return JooqUnitOfWork.begin(onReplica, true, clock, json(), Connection.TRANSACTION_REPEATABLE_READ, true, false,
                    false);
        }
        return checked(() -> JooqUnitOfWork.begin(configuration, owned, clock, json(),
                Connection.TRANSACTION_SERIALIZABLE, true, false, ownedPool != null));
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

    /** The one replica connection of a read-only unit of work, closed (given back) when it ends. */
    private static final class OneConnection implements ConnectionProvider {

        private final Connection connection;

        OneConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection acquire() {
            return connection;
        }

        @Override
        public void release(Connection released) {
            try {
                released.close();
            } catch (SQLException e) {
                // the replica's connection is gone; nothing was written on it
            }
        }
    }

    private UnitOfWork checked(java.util.function.Supplier<JooqUnitOfWork> beginning) {
        JooqUnitOfWork work;
        try {
            work = beginning.get();
        } catch (io.libres.errors.ConnectionFailure failure) {
            if (ownedPool != null && failure.getCause() instanceof SQLException) {
                // the pool knows where it connects: name the server in the message
                throw SqlErrors.translateConnection(ownedPool.server(), (SQLException) failure.getCause());
            }
            throw failure;
        }
        if (!versionChecked) {
            try {
                work.server().requireSupported();
                versionChecked = true;
            } catch (RuntimeException e) {
                work.rollback();
                throw e;
            }
        }
        return work;
    }

    /**
     * Creates the tables, types, sequences and indexes of libres 1.2 that are missing, in a
     * transaction of its own (call it outside the application's transactions); calling it again, or
     * from several processes, does no harm.
     *
     * @throws StorageException if the database refuses
     */
    @Override
    public void setupDatabase() {
        ConnectionProvider connections = configuration.connectionProvider();
        Connection connection;
        try {
            connection = connections.acquire();
        } catch (DataAccessException e) {
            throw translate("connecting to the database", e);
        }
        try {
            LibresSchema.create(connection, gistIndex);
        } catch (SQLException e) {
            throw SqlErrors.translate("creating the libres schema", e);
        } finally {
            connections.release(connection);
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
        ConnectionProvider connections = configuration.connectionProvider();
        Connection connection;
        try {
            connection = connections.acquire();
        } catch (DataAccessException e) {
            throw translate("connecting to the database", e);
        }
        try {
            SchemaReport report = LibresSchema.validate(connection, gistIndex);
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            return report;
        } catch (SQLException e) {
            throw SqlErrors.translate("checking the libres schema", e);
        } finally {
            connections.release(connection);
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
     * Closes the connection pool this storage owns (one made from a JDBC URL); a data source,
     * DSLContext or Configuration handed in stays open, it is the caller's.
     */
    @Override
    public void stopService() {
        if (ownedPool != null) {
            ownedPool.close();
        }
        replicaPools.forEach(OwnedPool::close);
    }

    private static RuntimeException translate(String doing, DataAccessException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException) {
                return SqlErrors.translate(doing, (SQLException) t);
            }
        }
        return new StorageException("the database failed while " + doing + ": " + Secrets.redact(e.getMessage()), null, e);
    }

    /**
     * The settings of the pool this storage made from its {@code dsn} (size, timeouts); empty for
     * connections handed in.
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
     * @return for example {@code JooqStorage[jdbc:postgresql://localhost:5432/libres (user app, password ***)]}
     */
    @Override
    public String toString() {
        return "JooqStorage[" + (dsn == null ? "the caller's connections" : dsn.toString()) + "]";
    }

    /**
     * Builds a {@link JooqStorage}. Not thread-safe; build once and share the storage.
     */
    public static final class Builder {

        private PostgresDsn dsn;
        private DataSource dataSource;
        private Configuration configuration;
        private int sources;
        private Supplier<JsonCodec> jsonCodec;
        private Clock clock = Clock.systemUTC();
        private final io.libres.postgres.ReplicaSettings replicas = new io.libres.postgres.ReplicaSettings();
        private boolean gistIndex = true;
        private final OwnedPool.Options pool = new OwnedPool.Options();

        private Builder() {
        }

        /**
         * Adds read replicas (PostgreSQL streaming standbys of the primary) on the caller's data
         * sources: read-only units of work and the reads made outside a unit of work run on them,
         * round robin, as {@code io.libres.db.Session} describes; writes stay on the primary. Only
         * for a storage on a dsn or a data source: on the application's jOOQ configuration reads
         * stay in its transactions.
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
         * Adds read replicas on dsns, each with a pool of the storage's own, closed with the storage.
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
        public Builder replicaWait(java.time.Duration value) {
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
        public Builder replicaMaxLag(java.time.Duration value) {
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
        public Builder replicaRetry(java.time.Duration value) {
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
            sources++;
            return this;
        }

        /**
         * Connects through the caller's data source, with jOOQ's defaults and
         * {@link SQLDialect#POSTGRES}.
         *
         * @param value the data source
         * @return this builder
         * @throws io.libres.errors.InvalidArgument if the value is null
         */
        public Builder dataSource(DataSource value) {
            this.dataSource = Arguments.requireNonNull(value, "the data source is missing (null); expected a DataSource of a PostgreSQL database");
            sources++;
            return this;
        }

        /**
         * Runs on the caller's jOOQ context (its configuration).
         *
         * @param value the DSLContext
         * @return this builder
         * @throws io.libres.errors.InvalidArgument if the value is null
         * @throws InvalidSetting if its dialect is not PostgreSQL
         */
        public Builder dsl(DSLContext value) {
            Arguments.requireNonNull(value, "the DSLContext is missing (null); expected a DSLContext on a PostgreSQL database");
            return configuration(value.configuration());
        }

        /**
         * Runs on the caller's jOOQ configuration: its connection provider, transaction provider,
         * settings and listeners.
         *
         * @param value the configuration
         * @return this builder
         * @throws io.libres.errors.InvalidArgument if the value is null
         * @throws InvalidSetting if its dialect is not PostgreSQL
         */
        public Builder configuration(Configuration value) {
            Arguments.requireNonNull(value, "the jOOQ Configuration is missing (null); expected a Configuration on a PostgreSQL database");
            if (value.family() != SQLDialect.POSTGRES) {
                throw new InvalidSetting("the jOOQ configuration has dialect " + value.dialect()
                        + "; expected SQLDialect.POSTGRES, as libres runs on PostgreSQL");
            }
            this.configuration = value;
            sources++;
            return this;
        }

        /**
         * The JSON codec of the {@code data} columns; unless set, the codec of the context the
         * storage is {@linkplain JooqStorage#install(Context) installed} in, or before that the one
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
         * {@code dsn} before it fails with {@link io.libres.errors.ConnectionPoolExhausted}; 30
         * seconds unless set.
         *
         * @param value 250 ms or more
         * @return this builder
         * @throws InvalidSetting if the value is missing or shorter than 250 ms
         */
        public Builder connectionTimeout(java.time.Duration value) {
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
        public Builder idleTimeout(java.time.Duration value) {
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
         * @throws InvalidSetting if not exactly one of dsn, data source and jOOQ context or
         *     configuration is set
         * @throws StorageException if the pool for a dsn cannot be set up
         */
        public JooqStorage build() {
            if (sources != 1) {
                throw new InvalidSetting("a JooqStorage needs exactly one of a dsn, a DataSource, a DSLContext or a"
                        + " jOOQ Configuration; got " + sources);
            }
            return new JooqStorage(this);
        }
    }
}
