/** What the SQL adapters of libres for Java share on plain JDBC: the schema, its check, the version check, SQLSTATEs. */
module io.libres.postgres {
    requires transitive io.libres.core;
    requires transitive java.sql;
    requires org.postgresql.jdbc;
    requires org.slf4j;

    exports io.libres.postgres;
}
