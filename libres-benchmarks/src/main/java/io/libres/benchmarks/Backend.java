package io.libres.benchmarks;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.RetryPolicy;
import io.libres.db.Scheduler;
import io.libres.db.Session;
import io.libres.context.StoppableService;
import io.libres.jdbi.JdbiStorage;
import io.libres.jooq.JooqStorage;
import io.libres.testkit.memory.InMemoryStorage;
import io.libres.testkit.postgres.PostgresServer;
import io.libres.testkit.postgres.TestDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * A context on a fresh storage for one benchmark trial: an empty in-memory storage, or a new
 * database on the JVM's PostgreSQL server (embedded unless {@code LIBRES_TEST_JDBC_URL} names one)
 * behind a {@link JdbiStorage} or a {@link JooqStorage} with its own pool. {@link #close()} drops what it made.
 */
public final class Backend implements AutoCloseable {

    /** The zone of every benchmark scheduler. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Zurich");

    /**
     * The default backoff (up to 10 ms, doubling to at most 500 ms) with 1000 attempts instead of 5:
     * racing benchmark threads must not fail a trial, but should wait as a user's code would.
     */
    public static final RetryPolicy PATIENT = new RetryPolicy(1000, Duration.ofMillis(10), Duration.ofMillis(500));

    private final Context context;
    private final StoppableService sqlStorage;
    private final TestDatabase database;

    private Backend(Context context, StoppableService sqlStorage, TestDatabase database) {
        this.context = context;
        this.sqlStorage = sqlStorage;
        this.database = database;
    }

    /**
     * Opens a context on a fresh storage of the given kind, with libres' tables set up.
     *
     * @param kind the storage
     * @param label names the context and, on PostgreSQL, the database
     * @return the backend
     * @throws io.libres.testkit.postgres.PostgresUnavailableException if no PostgreSQL server can be
     *     provisioned
     * @throws io.libres.errors.StorageException if the tables cannot be created
     */
    public static Backend open(StorageKind kind, String label) {
        Context context = Registry.createDefault().registerContext(label);
        Backend backend;
        if (kind == StorageKind.MEMORY) {
            InMemoryStorage.installOn(context);
            backend = new Backend(context, null, null);
        } else {
            TestDatabase database = PostgresServer.shared().createDatabase(label);
            StoppableService storage = kind == StorageKind.JOOQ
                    ? JooqStorage.connect(dsn(database)).install(context)
                    : JdbiStorage.connect(dsn(database)).install(context);
            backend = new Backend(context, storage, database);
        }
        backend.scheduler("setup").setupDatabase();
        return backend;
    }

    /**
     * Makes a scheduler of this backend's context.
     *
     * @param name the scheduler's name, which makes its resource
     * @return the scheduler, in {@link #ZONE}
     */
    public Scheduler scheduler(String name) {
        return Libres.newScheduler(context, name, ZONE);
    }

    /**
     * Runs work in a unit of work of its own and commits it, running it again (with
     * {@link #PATIENT}) when a concurrent unit of work conflicts.
     *
     * @param <T> the result type
     * @param work the work; it must not commit itself
     * @return the work's result
     * @throws io.libres.errors.SerializationFailure if all 1000 attempts conflict
     */
    public <T> T transaction(Supplier<T> work) {
        return Session.of(context).transaction(work, PATIENT);
    }

    /** @return the context every scheduler of this backend shares */
    public Context context() {
        return context;
    }

    /**
     * Opens a plain JDBC connection to this backend's database, for the floor: what PostgreSQL
     * costs without the library.
     *
     * @return a new connection; the caller closes it
     * @throws java.sql.SQLException if the database cannot be reached
     * @throws IllegalStateException on the in-memory storage
     */
    public java.sql.Connection connection() throws java.sql.SQLException {
        if (database == null) {
            throw new IllegalStateException("the in-memory storage has no JDBC connection; expected storage=postgresql");
        }
        return java.sql.DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    /**
     * Gathers the planner's statistics of the libres tables (PostgreSQL's {@code ANALYZE}), as
     * autovacuum has done on a server that has run for a while; called at the end of a read
     * benchmark's set-up, so that its plans do not depend on whether autovacuum ran during the
     * warm-up. Does nothing on the in-memory storage.
     */
    public void analyze() {
        if (database == null) {
            return;
        }
        try (java.sql.Connection connection = connection(); java.sql.Statement sql = connection.createStatement()) {
            sql.execute("ANALYZE allocations, reserved_slots, reservations, reservation_blockers");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not analyze the benchmark's tables", e);
        }
    }

    /** Closes the pool and drops the database, if this backend made them. */
    @Override
    public void close() {
        if (sqlStorage != null) {
            sqlStorage.stopService();
        }
        if (database != null) {
            PostgresServer.shared().dropDatabase(database);
        }
    }

    private static String dsn(TestDatabase database) {
        String url = database.jdbcUrl();
        return url + (url.contains("?") ? "&" : "?")
                + "user=" + URLEncoder.encode(database.user(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(database.password(), StandardCharsets.UTF_8);
    }
}
