package io.libres.json.jackson;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.libres.spi.JsonCodec;
import io.libres.spi.JsonCodecProvider;
import io.libres.testkit.json.JsonCodecContractTest;
import org.junit.jupiter.api.DisplayName;

@DisplayName("JacksonJsonCodec on a mapper configured against the contract still keeps it")
class JacksonJsonCodecConfiguredMapperContractTest extends JsonCodecContractTest {

    /** Every setting here would break the contract if the codec let it through. */
    static JsonMapper hostileMapper() {
        return JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT, SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS, JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(JsonWriteFeature.QUOTE_FIELD_NAMES)
            .enable(JsonReadFeature.values())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    }

    @Override
    protected JsonCodec codec() {
        return JacksonJsonCodec.using(hostileMapper());
    }

    @Override
    protected JsonCodecProvider provider() {
        return new JacksonJsonCodecProvider();
    }
}
