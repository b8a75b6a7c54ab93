/** The JSON port of libres for Java on Jackson. */
module io.libres.json.jackson {
    requires transitive io.libres.core;
    requires transitive com.fasterxml.jackson.databind;

    exports io.libres.json.jackson;

    provides io.libres.spi.JsonCodecProvider with io.libres.json.jackson.JacksonJsonCodecProvider;
}
