/** The libres 1.2 schema as a Liquibase changelog. */
module io.libres.liquibase {
    // nullness annotations: needed to compile, never at run time (see the core's module-info)
    requires static org.jspecify;
    requires transitive io.libres.postgres;
    requires transitive liquibase.core;

    exports io.libres.liquibase;
    // the changelog is read from the class path by Liquibase
    opens io.libres.liquibase;
}
