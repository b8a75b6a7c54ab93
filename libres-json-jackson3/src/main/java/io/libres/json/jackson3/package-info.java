/**
 * The JSON port of libres for Java on Jackson 3: {@link io.libres.json.jackson3.Jackson3JsonCodec} and
 * its {@link java.util.ServiceLoader} provider {@link io.libres.json.jackson3.Jackson3JsonCodecProvider}.
 */
@NullMarked
package io.libres.json.jackson3;

import org.jspecify.annotations.NullMarked;
