/**
 * libres for Java: the persistence-free core. Exports the API and the ports (SPI); the
 * {@code *.internal} packages stay inside, except the argument checks the JSON modules, adapters and integrations share.
 */
module io.libres.core {
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
