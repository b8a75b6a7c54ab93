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

    provides io.libres.spi.StorageProvider with io.libres.jooq.JooqStorageProvider;
}
