package io.libres.spi;

/**
 * The ports libres for Java declares, each once; a context resolves one with
 * {@link io.libres.context.Context#getService(Port)}.
 *
 * <p>A new port is one more constant here (see {@link Port} for the pattern);
 * its adapters then list their provider classes in
 * {@code META-INF/services/<provider interface>}.
 */
public final class Ports {

    /**
     * The JSON port: a {@link JsonCodec} for the {@code data} of allocations and
     * reservations, from {@code libres-json-jackson3}, {@code libres-json-jackson} or {@code libres-json-gson};
     * one codec per context. Set your own (a configured mapper, say) with
     * {@code context.setService(Ports.JSON.key(), context -> codec, true)}.
     */
    public static final Port<JsonCodecProvider, JsonCodec> JSON = Port
            .builder("json", JsonCodecProvider.class, JsonCodec.class)
            .creator((provider, context) -> provider.create())
            .missingModules("libres-json-jackson3, libres-json-jackson or libres-json-gson")
            .cached(true)
            .build();

    private Ports() {
    }
}
