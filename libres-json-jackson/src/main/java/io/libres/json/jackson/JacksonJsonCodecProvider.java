package io.libres.json.jackson;

import io.libres.spi.JsonCodec;
import io.libres.spi.JsonCodecProvider;

/**
 * Announces {@link JacksonJsonCodec} to {@link java.util.ServiceLoader}. Its priority,
 * {@value #PRIORITY}, is above the Gson provider's, so with both modules present Jackson is chosen
 * (both write and read identically, so the choice changes no data).
 */
public final class JacksonJsonCodecProvider implements JsonCodecProvider {

    /** The priority of this provider among JSON codec providers. */
    public static final int PRIORITY = 20;

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public JacksonJsonCodecProvider() {
        // stateless
    }

    /**
     * The provider's name.
     *
     * @return {@code "jackson"}
     */
    @Override
    public String name() {
        return "jackson";
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
     * Creates a codec on a default Jackson {@code ObjectMapper}.
     *
     * @return a new {@link JacksonJsonCodec}
     */
    @Override
    public JsonCodec create() {
        return JacksonJsonCodec.create();
    }
}
