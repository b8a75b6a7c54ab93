/** What the SQL adapters of libres for Java share on plain JDBC: the schema, its check, the version check, SQLSTATEs, the pool made from a dsn. */
module io.libres.postgres {
    requires transitive io.libres.core;
    requires transitive java.sql;
    requires org.postgresql.jdbc;
    requires org.slf4j;
    requires transitive com.zaxxer.hikari;

    exports io.libres.postgres;
}
