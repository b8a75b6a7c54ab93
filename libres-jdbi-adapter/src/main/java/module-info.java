/** The storage of libres for Java on PostgreSQL through JDBI 3. */
module io.libres.jdbi {
    // nullness annotations: needed to compile, never at run time (see the core's module-info)
    requires static org.jspecify;
    requires transitive io.libres.core;
    requires transitive io.libres.postgres;
    requires transitive org.jdbi.v3.core;
    requires com.zaxxer.hikari;

    exports io.libres.jdbi;

    provides io.libres.spi.StorageProvider with io.libres.jdbi.JdbiStorageProvider;
}
