/** The storage of libres for Java on PostgreSQL through jOOQ. */
module io.libres.jooq {
    // nullness annotations: needed to compile, never at run time (see the core's module-info)
    requires static org.jspecify;
    requires transitive io.libres.core;
    requires transitive io.libres.postgres;
    requires transitive org.jooq;
    requires com.zaxxer.hikari;
    // jOOQ's Settings carry JAXB annotations: known at compile time, never needed at run time
    requires static jakarta.xml.bind;

    exports io.libres.jooq;
    // jOOQ creates the generated records (and reads the generated tables and enums) reflectively;
    // opened to jOOQ alone, still not exported
    opens io.libres.jooq.internal.schema.tables.records to org.jooq;
    opens io.libres.jooq.internal.schema.tables to org.jooq;
    opens io.libres.jooq.internal.schema.enums to org.jooq;

    provides io.libres.spi.StorageProvider with io.libres.jooq.JooqStorageProvider;
}
