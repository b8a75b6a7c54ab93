/** The JSON port of libres for Java on Jackson 3 ({@code tools.jackson}). */
module io.libres.json.jackson3 {
    requires transitive io.libres.core;
    requires transitive tools.jackson.databind;
    requires static org.jspecify;

    exports io.libres.json.jackson3;

    provides io.libres.spi.JsonCodecProvider with io.libres.json.jackson3.Jackson3JsonCodecProvider;
}
