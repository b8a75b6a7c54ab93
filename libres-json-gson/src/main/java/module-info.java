/** The JSON port of libres for Java on Gson. */
module io.libres.json.gson {
    // nullness annotations: needed to compile, never at run time (see the core's module-info)
    requires static org.jspecify;
    requires transitive io.libres.core;
    requires transitive com.google.gson;

    exports io.libres.json.gson;

    provides io.libres.spi.JsonCodecProvider with io.libres.json.gson.GsonJsonCodecProvider;
}
