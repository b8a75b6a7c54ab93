package io.libres.json.jackson3;

import io.libres.spi.JsonCodec;
import io.libres.spi.JsonCodecProvider;
import io.libres.testkit.json.JsonCodecContractTest;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Jackson3JsonCodec keeps the JSON codec contract")
class Jackson3JsonCodecContractTest extends JsonCodecContractTest {

    @Override
    protected JsonCodec codec() {
        return Jackson3JsonCodec.create();
    }

    @Override
    protected JsonCodecProvider provider() {
        return new Jackson3JsonCodecProvider();
    }
}
