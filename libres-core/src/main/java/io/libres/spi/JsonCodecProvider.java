package io.libres.spi;

/**
 * Announces a {@link JsonCodec} to {@link java.util.ServiceLoader}; the JSON
 * modules ({@code libres-json-jackson3}, {@code libres-json-jackson}, {@code libres-json-gson}) each ship one.
 */
public interface JsonCodecProvider extends LibresProvider {

    /**
     * Creates a codec with the provider's default configuration.
     *
     * @return a new codec, safe to share between threads
     */
    JsonCodec create();
}
