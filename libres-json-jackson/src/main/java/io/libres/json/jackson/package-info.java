/**
 * The JSON port of libres for Java on Jackson: {@link io.libres.json.jackson.JacksonJsonCodec} and its
 * {@link java.util.ServiceLoader} provider {@link io.libres.json.jackson.JacksonJsonCodecProvider}.
 */
package io.libres.json.jackson;
