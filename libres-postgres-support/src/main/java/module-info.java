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
}
