package io.libres.json.jackson3;

import io.libres.spi.JsonCodec;
import io.libres.spi.JsonCodecProvider;

/**
 * Announces {@link Jackson3JsonCodec} to {@link java.util.ServiceLoader}. Its priority,
 * {@value #PRIORITY}, is above the Gson provider's and the Jackson 2 provider's, so with Jackson 3
 * present it is chosen (every codec writes and reads identically, so the choice changes no data).
 */
public final class Jackson3JsonCodecProvider implements JsonCodecProvider {

    /** The priority of this provider among JSON codec providers. */
    public static final int PRIORITY = 25;

    /** Creates the provider; called by {@link java.util.ServiceLoader}. */
    public Jackson3JsonCodecProvider() {
        // stateless
    }

    /**
     * The provider's name.
     *
     * @return {@code "jackson3"}
     */
    @Override
    public String name() {
        return "jackson3";
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
     * Creates a codec on a default Jackson 3 {@code JsonMapper}.
     *
     * @return a new {@link Jackson3JsonCodec}
     */
    @Override
    public JsonCodec create() {
        return Jackson3JsonCodec.create();
    }
}
