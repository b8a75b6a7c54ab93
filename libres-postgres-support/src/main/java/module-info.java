/** What the SQL adapters of libres for Java share on plain JDBC: the schema, its check, the version check, SQLSTATEs, the pool made from a dsn. */
module io.libres.postgres {
    // nullness annotations: needed to compile, never at run time (see the core's module-info)
    requires static org.jspecify;
    requires transitive io.libres.core;
    requires transitive java.sql;
    requires org.postgresql.jdbc;
    requires org.slf4j;
    requires transitive com.zaxxer.hikari;

    exports io.libres.postgres;
    // the schema's SQL files live in this package: Liquibase's changelog reads them by class-path
    // name, which a named module allows only for an unconditionally opened package
    opens io.libres.postgres;
}
