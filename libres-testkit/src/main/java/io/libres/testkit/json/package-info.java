/**
 * The contract kit for JSON codecs: {@link io.libres.testkit.json.JsonCodecContractTest}, which every
 * {@link io.libres.spi.JsonCodec} runs, the canonical texts and values it checks against
 * ({@link io.libres.testkit.json.CanonicalJson}), and an independent strict parser
 * ({@link io.libres.testkit.json.ReferenceJsonParser}) that judges the text a codec writes.
 */
@NullMarked
package io.libres.testkit.json;

import org.jspecify.annotations.NullMarked;
