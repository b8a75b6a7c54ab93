package io.libres.context;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The settings of libres 1.2, with their defaults; a registry made by
 * {@link Registry#createDefault()} writes these defaults to its master context.
 */
public final class Settings {

    /** The default of {@link #UUID_NAMESPACE}, the same as libres 1.2's. */
    public static final UUID DEFAULT_UUID_NAMESPACE = UUID.fromString("49326ef9-fbc0-4ac0-9508-b0bbd75d42f7");

    /**
     * {@code uuid_namespace}: the namespace from which a scheduler's resource is
     * derived, as {@code uuid5(uuid_namespace, "<context>/<name>")}. Leave it as
     * it is: once records exist, another namespace loses the link between a
     * context and name and the records of its resource.
     */
    public static final Setting<UUID> UUID_NAMESPACE = Setting.of(
            "uuid_namespace", UUID.class, DEFAULT_UUID_NAMESPACE,
            "The namespace used to derive resource UUIDs from the context and scheduler names; do not change it"
                    + " once records exist.");

    /**
     * {@code dsn}: the database to connect to; {@code null} by default. Either a JDBC URL (for
     * example {@code jdbc:postgresql://localhost:5432/libres?user=app&password=secret}) or the
     * libpq / SQLAlchemy URL libres 1.2 takes ({@code postgresql://app:secret@localhost:5432/libres},
     * {@code postgresql+psycopg2://...}), so a Python and a Java service can share one value. Its
     * password never appears in a message ({@link Secrets}).
     */
    public static final Setting<String> DSN = Setting.<String>of(
            "dsn", String.class, null,
            "The database to connect to, as a JDBC URL (jdbc:postgresql://localhost:5432/libres) or as libres 1.2's"
                    + " libpq/SQLAlchemy URL (postgresql://user:password@localhost:5432/libres).")
            .requiring(dsn -> dsn.startsWith("jdbc:") && dsn.length() > "jdbc:".length()
                            || dsn.matches("(?i)[a-z][a-z0-9.\\-]*(\\+[a-z0-9_.\\-]+)?://.*"),
                    "a JDBC URL starting with 'jdbc:' (e.g. jdbc:postgresql://localhost:5432/libres) or a URL such as"
                            + " postgresql://user:password@localhost:5432/libres");

    /**
     * {@code storage_pool_size}: how many connections the pool an adapter makes from {@code dsn} holds at
     * most; 10 by default. Not a setting of libres 1.2 (SQLAlchemy's pool has its own). A pool made
     * by the application (a {@code DataSource} handed in) keeps its own size.
     */
    public static final Setting<Integer> POOL_SIZE = Setting.of(
            "storage_pool_size", Integer.class, 10,
            "The most connections the pool made from the dsn holds.")
            .requiring(size -> size >= 1, "a number of connections, 1 or more");

    /**
     * {@code storage_connection_timeout}: how long a unit of work waits for a free connection of the
     * pool made from {@code dsn} before it fails with
     * {@link io.libres.errors.ConnectionPoolExhausted}; 30 seconds by default, at least 250 ms.
     */
    public static final Setting<java.time.Duration> POOL_CONNECTION_TIMEOUT = Setting.of(
            "storage_connection_timeout", java.time.Duration.class, java.time.Duration.ofSeconds(30),
            "How long a unit of work waits for a free connection of the pool made from the dsn.")
            .requiring(timeout -> timeout.compareTo(java.time.Duration.ofMillis(250)) >= 0, "a duration of 250 ms or more");

    /**
     * {@code storage_idle_timeout}: how long a connection of the pool made from {@code dsn} may stay
     * unused before the pool closes it; 10 minutes by default, zero for never.
     */
    public static final Setting<java.time.Duration> POOL_IDLE_TIMEOUT = Setting.of(
            "storage_idle_timeout", java.time.Duration.class, java.time.Duration.ofMinutes(10),
            "How long an unused connection of the pool made from the dsn stays open.")
            .requiring(timeout -> !timeout.isNegative(), "a duration of zero (never) or more");

    /**
     * {@code replica_dsns}: the read replicas (PostgreSQL streaming standbys of the {@code dsn}'s
     * server), as dsns separated by spaces; {@code null} (none) by default. Read-only units of work
     * and reads outside a unit of work then run on them (see {@code io.libres.db.Session}); writes
     * stay on the primary. Not a setting of libres 1.2.
     */
    public static final Setting<String> REPLICA_DSNS = Setting.<String>of(
            "replica_dsns", String.class, null,
            "The read replicas of the dsn's server, as JDBC URLs or libres 1.2 URLs separated by spaces.")
            .requiring(dsns -> !dsns.isBlank(), "one or more dsns separated by spaces");

    /**
     * {@code replica_wait}: how long a read that must see a commit (read-your-writes) waits for a
     * replica to replay it before it runs on the primary; 1 second by default, zero for not at all.
     */
    public static final Setting<java.time.Duration> REPLICA_WAIT = Setting.of(
            "replica_wait", java.time.Duration.class, java.time.Duration.ofSeconds(1),
            "How long a read waits for a replica to replay the commit it must see before it reads on the primary.")
            .requiring(wait -> !wait.isNegative(), "a duration of zero or more");

    /**
     * {@code replica_max_lag}: the most a replica may lag behind the primary (the time since the last
     * transaction it replayed, while it holds log it has not replayed) to be read at all; 5 seconds
     * by default. Beyond it the replica is skipped: the bound on how stale a read can be.
     */
    public static final Setting<java.time.Duration> REPLICA_MAX_LAG = Setting.of(
            "replica_max_lag", java.time.Duration.class, java.time.Duration.ofSeconds(5),
            "The most a replica may lag behind the primary to be read; beyond it reads skip it.")
            .requiring(lag -> !lag.isNegative(), "a duration of zero or more");

    private static final List<Setting<?>> ALL = List.of(UUID_NAMESPACE, DSN, POOL_SIZE, POOL_CONNECTION_TIMEOUT,
            POOL_IDLE_TIMEOUT, REPLICA_DSNS, REPLICA_WAIT, REPLICA_MAX_LAG);

    private Settings() {
    }

    /**
     * Every setting of libres, in the order libres documents them.
     *
     * @return the settings, unmodifiable
     */
    public static List<Setting<?>> all() {
        return ALL;
    }

    /**
     * Finds a setting of libres by its name.
     *
     * @param name the name, for example {@code "dsn"}
     * @return the setting, or empty if libres has no setting of that name
     */
    public static Optional<Setting<?>> byName(String name) {
        return ALL.stream().filter(setting -> setting.name().equals(name)).findFirst();
    }
}
