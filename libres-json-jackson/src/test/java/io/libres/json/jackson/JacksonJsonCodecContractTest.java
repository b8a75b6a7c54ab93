package io.libres.json.jackson;

import io.libres.spi.JsonCodec;
import io.libres.spi.JsonCodecProvider;
import io.libres.testkit.json.JsonCodecContractTest;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JacksonJsonCodec keeps the JSON codec contract")
class JacksonJsonCodecContractTest extends JsonCodecContractTest {

    @Override
    protected JsonCodec codec() {
        return JacksonJsonCodec.create();
    }

    @Override
    protected JsonCodecProvider provider() {
        return new JacksonJsonCodecProvider();
    }
}
