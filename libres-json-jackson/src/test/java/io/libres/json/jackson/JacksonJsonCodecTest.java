package io.libres.json.jackson;

import io.libres.errors.InvalidArgument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.libres.errors.DataNotSerializable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JacksonJsonCodec")
class JacksonJsonCodecTest {

    @Test
    @DisplayName("writes compact JSON by default")
    void compactByDefault() {
        assertThat(JacksonJsonCodec.create().toJson(Map.of("a", List.of(1, "b")))).isEqualTo("{\"a\":[1,\"b\"]}");
    }

    @Test
    @DisplayName("uses the indentation of a supplied mapper")
    void suppliedIndentation() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        assertThat(JacksonJsonCodec.using(mapper).toJson(Map.of("a", 1))).contains("\n");
    }

    @Test
    @DisplayName("uses the escaping of a supplied mapper")
    void suppliedEscaping() {
        ObjectMapper mapper = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

        assertThat(JacksonJsonCodec.using(mapper).toJson("é")).isEqualTo("\"\\u00E9\"");
    }

    @Test
    @DisplayName("uses the read limits of a supplied mapper, and reports a breach as DataNotSerializable")
    void suppliedLimits() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(3).build());

        assertThatThrownBy(() -> JacksonJsonCodec.using(mapper).fromJson("\"abcdef\""))
            .isInstanceOf(DataNotSerializable.class)
            .hasCauseInstanceOf(JsonProcessingException.class);
    }

    @Test
    @DisplayName("keeps Jackson's parse exception as the cause of a syntax error")
    void syntaxErrorCause() {
        assertThatThrownBy(() -> JacksonJsonCodec.create().fromJson("[1,"))
            .isInstanceOf(DataNotSerializable.class)
            .hasCauseInstanceOf(JsonProcessingException.class)
            .hasMessageContaining("Cannot read the JSON text");
    }

    @Test
    @DisplayName("refuses a mapper for another format than JSON")
    void otherFormat() {
        JsonFactory notJson = new JsonFactory() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getFormatName() {
                return "Smile";
            }
        };

        assertThatThrownBy(() -> JacksonJsonCodec.using(new ObjectMapper(notJson)))
            .isInstanceOf(InvalidArgument.class).hasMessageContaining("Smile");
    }

    @Test
    @DisplayName("refuses a null mapper")
    void nullMapper() {
        assertThatThrownBy(() -> JacksonJsonCodec.using(null))
            .isInstanceOf(InvalidArgument.class).hasMessageContaining("mapper");
    }

    @Test
    @DisplayName("its provider is named jackson and has its documented priority")
    void provider() {
        JacksonJsonCodecProvider provider = new JacksonJsonCodecProvider();

        assertThat(provider.name()).isEqualTo("jackson");
        assertThat(provider.priority()).isEqualTo(JacksonJsonCodecProvider.PRIORITY).isPositive();
        assertThat(provider.create()).isInstanceOf(JacksonJsonCodec.class);
    }
}
