/**
 * The Spring Boot starter of libres for Java: auto-configuration of the storage, the JSON codec,
 * the context, the schedulers, health and metrics. Open, as Spring reflects on its configuration
 * classes and binds its properties. The adapters, JSON modules, jOOQ, Spring JDBC and Micrometer are
 * optional: the application brings what it uses.
 */
open module io.libres.spring.boot {
    // nullness annotations: needed to compile, never at run time (see the core's module-info)
    requires static org.jspecify;
    requires transitive io.libres.core;
    requires transitive java.sql;
    requires transitive spring.boot;
    requires transitive spring.boot.autoconfigure;
    requires transitive spring.beans;
    requires transitive spring.context;
    requires spring.core;
    requires static spring.boot.health;
    requires static spring.jdbc;
    requires static spring.tx;
    requires static io.libres.jdbi;
    requires static io.libres.jooq;
    requires static org.jooq;
    requires static io.libres.json.jackson;
    requires static com.fasterxml.jackson.databind;
    requires static io.libres.json.jackson3;
    requires static tools.jackson.databind;
    requires static io.libres.json.gson;
    requires static com.google.gson;
    requires static io.libres.micrometer;
    requires static micrometer.core;

    exports io.libres.spring.boot;
}
