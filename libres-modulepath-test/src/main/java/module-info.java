/** A consumer of libres on the module path, as an application with its own module-info would be. */
module io.libres.consumer {
    requires io.libres.jdbi;
    requires io.libres.json.jackson;
    requires io.libres.spring.boot;

    exports io.libres.consumer;
}
