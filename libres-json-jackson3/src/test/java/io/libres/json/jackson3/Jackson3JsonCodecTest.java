package io.libres.json.jackson3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.errors.DataNotSerializable;
import io.libres.errors.InvalidArgument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import io.libres.json.JsonValues;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("Jackson3JsonCodec")
class Jackson3JsonCodecTest {

    @Test
    @DisplayName("writes compact JSON by default")
    void compactByDefault() {
        assertThat(Jackson3JsonCodec.create().toJson(Map.of("a", List.of(1, "b")))).isEqualTo("{\"a\":[1,\"b\"]}");
    }

    @Test
    @DisplayName("uses the indentation of a supplied mapper")
    void suppliedIndentation() {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

        assertThat(Jackson3JsonCodec.using(mapper).toJson(Map.of("a", 1))).contains("\n");
    }

    @Test
    @DisplayName("uses the escaping of a supplied mapper")
    void suppliedEscaping() {
        JsonMapper mapper = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

        assertThat(Jackson3JsonCodec.using(mapper).toJson("é")).isEqualTo("\"\\u00E9\"");
    }

    @Test
    @DisplayName("uses the read limits of a supplied mapper, and reports a breach as DataNotSerializable")
    void suppliedLimits() {
        JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(3).build()).build()).build();

        assertThatThrownBy(() -> Jackson3JsonCodec.using(mapper).fromJson("\"abcdef\""))
            .isInstanceOf(DataNotSerializable.class)
            .hasCauseInstanceOf(JacksonException.class);
    }

    @Test
    @DisplayName("keeps Jackson's parse exception as the cause of a syntax error")
    void syntaxErrorCause() {
        assertThatThrownBy(() -> Jackson3JsonCodec.create().fromJson("[1,"))
            .isInstanceOf(DataNotSerializable.class)
            .hasCauseInstanceOf(JacksonException.class)
            .hasMessageContaining("Cannot read the JSON text");
    }

    @Test
    @DisplayName("raises Jackson 3's default nesting limit (500) to libres' depth on its own copy of a JsonMapper")
    void nestingRaisedOnACopy() {
        JsonMapper mapper = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        Object deep = nested(JsonValues.MAX_DEPTH);

        Jackson3JsonCodec codec = Jackson3JsonCodec.using(mapper);

        assertThat(codec.fromJson(codec.toJson(deep))).isEqualTo(deep);
        assertThat(codec.toJson(List.of("é"))).isEqualTo("[\"\\u00E9\"]");
        assertThat(mapper.tokenStreamFactory().streamWriteConstraints().getMaxNestingDepth()).isEqualTo(500);
        assertThat(mapper.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth()).isEqualTo(500);
    }

    @Test
    @DisplayName("refuses a plain ObjectMapper that nests less deep than libres, naming the limit")
    void plainShallowMapperRefused() {
        assertThatThrownBy(() -> Jackson3JsonCodec.using(new ObjectMapper()))
            .isInstanceOf(InvalidArgument.class)
            .hasMessageContaining("at most 500 deep")
            .hasMessageContaining("maxNestingDepth");
    }

    @Test
    @DisplayName("takes a plain ObjectMapper whose limits are deep enough")
    void plainDeepMapper() {
        StreamReadConstraints read = StreamReadConstraints.builder().maxNestingDepth(JsonValues.MAX_DEPTH).build();
        StreamWriteConstraints write = StreamWriteConstraints.builder().maxNestingDepth(JsonValues.MAX_DEPTH).build();
        ObjectMapper mapper = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(read).streamWriteConstraints(write).build());

        Object deep = nested(JsonValues.MAX_DEPTH);
        Jackson3JsonCodec codec = Jackson3JsonCodec.using(mapper);

        assertThat(codec.fromJson(codec.toJson(deep))).isEqualTo(deep);
    }

    @Test
    @DisplayName("refuses a mapper that is not for JSON")
    void notJson() {
        ObjectMapper notJson = new ObjectMapper(new NotJsonFactory());

        assertThatThrownBy(() -> Jackson3JsonCodec.using(notJson))
            .isInstanceOf(InvalidArgument.class).hasMessageContaining("not JSON");
    }

    /** A JSON factory that calls its format something else, as a YAML or Smile factory would. */
    private static final class NotJsonFactory extends JsonFactory {
        @Override
        public String getFormatName() {
            return "NOT-JSON";
        }
    }

    private static Object nested(int depth) {
        Object value = List.of();
        for (int i = 1; i < depth; i++) {
            value = List.of(value);
        }
        return value;
    }

    @Test
    @DisplayName("refuses a null mapper")
    void nullMapper() {
        assertThatThrownBy(() -> Jackson3JsonCodec.using(null))
            .isInstanceOf(InvalidArgument.class).hasMessageContaining("mapper");
    }

    @Test
    @DisplayName("its provider is named jackson3 and ranks above the Jackson 2 provider")
    void provider() {
        Jackson3JsonCodecProvider provider = new Jackson3JsonCodecProvider();

        assertThat(provider.name()).isEqualTo("jackson3");
        assertThat(provider.priority()).isEqualTo(Jackson3JsonCodecProvider.PRIORITY).isGreaterThan(20);
        assertThat(provider.create()).isInstanceOf(Jackson3JsonCodec.class);
    }
}
