/** Micrometer metrics of libres for Java. */
module io.libres.micrometer {
    // nullness annotations: needed to compile, never at run time (see the core's module-info)
    requires static org.jspecify;
    requires transitive io.libres.core;
    requires transitive micrometer.core;

    exports io.libres.micrometer;
}
