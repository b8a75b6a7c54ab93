/** Micrometer metrics of libres for Java. */
module io.libres.micrometer {
    requires transitive io.libres.core;
    requires transitive micrometer.core;

    exports io.libres.micrometer;
}
