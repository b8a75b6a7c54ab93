/**
 * libres for Java: the persistence-free core. Exports the API and the ports (SPI); the
 * {@code *.internal} packages stay inside, except the argument checks the JSON modules, adapters and integrations share.
 */
module io.libres.core {
    // JSpecify's nullness annotations (@NullMarked on every exported package, @Nullable where null
    // is allowed): static, because nothing reads them at run time and an application's module
    // graph must not fail without the jar; Maven still hands the jar to every user at compile time
    // (compile scope), so IDEs and checkers see the contract. requires transitive would force
    // org.jspecify into every application's module graph for no run-time use.
    requires static org.jspecify;
    requires transitive org.slf4j;

    exports io.libres;
    exports io.libres.context;
    exports io.libres.db;
    exports io.libres.db.models;
    exports io.libres.db.query;
    exports io.libres.errors;
    exports io.libres.events;
    exports io.libres.json;
    exports io.libres.spi;
    exports io.libres.time;
    exports io.libres.internal to io.libres.json.jackson, io.libres.json.gson, io.libres.postgres, io.libres.jdbi,
            io.libres.jooq, io.libres.flyway, io.libres.liquibase, io.libres.micrometer, io.libres.spring.boot;

    uses io.libres.spi.StorageProvider;
    uses io.libres.spi.JsonCodecProvider;
}
