package io.libres.json.gson;

import io.libres.spi.JsonCodec;
import io.libres.spi.JsonCodecProvider;

/**
 * Announces {@link GsonJsonCodec} to {@link java.util.ServiceLoader}. Its priority,
 * {@value #PRIORITY}, is below the Jackson provider's, so with both modules present Jackson is chosen
 * (both write and read identically, so the choice changes no data).
 */
public final class GsonJsonCodecProvider implements JsonCodecProvider {

    /** The priority of this provider among JSON codec providers. */
    public static final int PRIORITY = 10;

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public GsonJsonCodecProvider() {
        // stateless
    }

    /**
     * The provider's name.
     *
     * @return {@code "gson"}
     */
    @Override
    public String name() {
        return "gson";
    }

    /**
     * The provider's priority.
     *
     * @return {@value #PRIORITY}
     */
    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * Creates a codec on a default {@code Gson}.
     *
     * @return a new {@link GsonJsonCodec}
     */
    @Override
    public JsonCodec create() {
        return GsonJsonCodec.create();
    }
}
