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

    private static final List<Setting<?>> ALL = List.of(UUID_NAMESPACE, DSN);

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
