/**
 * The JSON port of libres for Java on Gson: {@link io.libres.json.gson.GsonJsonCodec} and its
 * {@link java.util.ServiceLoader} provider {@link io.libres.json.gson.GsonJsonCodecProvider}.
 */
@NullMarked
package io.libres.json.gson;

import org.jspecify.annotations.NullMarked;
