/** The JSON port of libres for Java on Jackson. */
module io.libres.json.jackson {
    // nullness annotations: needed to compile, never at run time (see the core's module-info)
    requires static org.jspecify;
    requires transitive io.libres.core;
    requires transitive com.fasterxml.jackson.databind;

    exports io.libres.json.jackson;

    provides io.libres.spi.JsonCodecProvider with io.libres.json.jackson.JacksonJsonCodecProvider;
}
