/** The libres 1.2 schema as a Flyway migration. */
module io.libres.flyway {
    requires transitive io.libres.postgres;
    // flyway-core names no module: its name comes from the jar's file name
    requires transitive flyway.core;

    exports io.libres.flyway;
}
