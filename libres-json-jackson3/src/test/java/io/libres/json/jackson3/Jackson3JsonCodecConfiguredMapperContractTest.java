package io.libres.json.jackson3;

import io.libres.spi.JsonCodec;
import io.libres.spi.JsonCodecProvider;
import io.libres.testkit.json.JsonCodecContractTest;
import org.junit.jupiter.api.DisplayName;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("Jackson3JsonCodec on a mapper configured against the contract still keeps it")
class Jackson3JsonCodecConfiguredMapperContractTest extends JsonCodecContractTest {

    /** Every setting here would break the contract if the codec let it through. */
    static JsonMapper hostileMapper() {
        return JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT, SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS, JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(JsonWriteFeature.QUOTE_PROPERTY_NAMES)
            .enable(JsonReadFeature.values())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    }

    @Override
    protected JsonCodec codec() {
        return Jackson3JsonCodec.using(hostileMapper());
    }

    @Override
    protected JsonCodecProvider provider() {
        return new Jackson3JsonCodecProvider();
    }
}
