package io.libres.json.gson;

import io.libres.spi.JsonCodec;
import io.libres.spi.JsonCodecProvider;
import io.libres.testkit.json.JsonCodecContractTest;
import org.junit.jupiter.api.DisplayName;

@DisplayName("GsonJsonCodec keeps the JSON codec contract")
class GsonJsonCodecContractTest extends JsonCodecContractTest {

    @Override
    protected JsonCodec codec() {
        return GsonJsonCodec.create();
    }

    @Override
    protected JsonCodecProvider provider() {
        return new GsonJsonCodecProvider();
    }
}
