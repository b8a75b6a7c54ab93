/** A consumer of libres on the module path, as an application with its own module-info would be. */
module io.libres.consumer {
    requires io.libres.jdbi;
    requires io.libres.jooq;
    requires io.libres.json.jackson;
    requires io.libres.json.jackson3;
    requires io.libres.json.gson;
    requires io.libres.flyway;
    requires io.libres.liquibase;
    requires io.libres.micrometer;
    requires io.libres.spring.boot;

    // lists the JSON codecs the modules provide, as an application choosing one would
    uses io.libres.spi.JsonCodecProvider;

    exports io.libres.consumer;
}
