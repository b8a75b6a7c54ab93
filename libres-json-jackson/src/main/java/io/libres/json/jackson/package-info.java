/**
 * The JSON port of libres for Java on Jackson: {@link io.libres.json.jackson.JacksonJsonCodec} and its
 * {@link java.util.ServiceLoader} provider {@link io.libres.json.jackson.JacksonJsonCodecProvider}.
 */
@NullMarked
package io.libres.json.jackson;

import org.jspecify.annotations.NullMarked;
