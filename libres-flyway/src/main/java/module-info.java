/** The libres 1.2 schema as a Flyway migration. */
module io.libres.flyway {
    // nullness annotations: needed to compile, never at run time (see the core's module-info)
    requires static org.jspecify;
    requires transitive io.libres.postgres;
    // flyway-core names no module: its name comes from the jar's file name
    requires transitive flyway.core;

    exports io.libres.flyway;
}
