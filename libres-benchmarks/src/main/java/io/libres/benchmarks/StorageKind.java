package io.libres.benchmarks;

/** The storages a benchmark runs on, named as its {@code storage} parameter names them. */
public enum StorageKind {

    /** The testkit's in-memory storage: the cost of the domain logic alone. */
    MEMORY,

    /** A fresh database on PostgreSQL through the JDBI adapter, with its HikariCP pool. */
    POSTGRESQL,

    /** A fresh database on PostgreSQL through the jOOQ adapter, with its HikariCP pool. */
    JOOQ;

    /**
     * Finds the kind a benchmark parameter names.
     *
     * @param name {@code memory}, {@code postgresql} (JDBI) or {@code jooq}, in any case
     * @return the kind
     * @throws IllegalArgumentException if the name is none of these
     */
    public static StorageKind named(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
