package io.libres.json.gson;

import io.libres.errors.InvalidArgument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.stream.MalformedJsonException;
import io.libres.errors.DataNotSerializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("GsonJsonCodec")
class GsonJsonCodecTest {

    @Test
    @DisplayName("writes compact JSON with null members by default")
    void compactByDefault() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("a", List.of(1, "b"));
        data.put("n", null);

        assertThat(GsonJsonCodec.create().toJson(data)).isEqualTo("{\"a\":[1,\"b\"],\"n\":null}");
    }

    @Test
    @DisplayName("reads integers as integers, not as Gson's default Double")
    void integersStayIntegers() {
        assertThat(GsonJsonCodec.create().fromJson("[1,10000000000]")).isEqualTo(List.of(1, 10_000_000_000L));
    }

    @Test
    @DisplayName("uses the pretty printing of a supplied Gson")
    void suppliedPrettyPrinting() {
        Gson gson = new GsonBuilder().setPrettyPrinting().create();

        assertThat(GsonJsonCodec.using(gson).toJson(Map.of("a", 1))).contains("\n");
    }

    @Test
    @DisplayName("uses the HTML escaping setting of a supplied Gson")
    void suppliedEscaping() {
        assertThat(GsonJsonCodec.create().toJson("<b>")).isEqualTo("\"\\u003cb\\u003e\"");
        assertThat(GsonJsonCodec.using(new GsonBuilder().disableHtmlEscaping().create()).toJson("<b>"))
            .isEqualTo("\"<b>\"");
    }

    @Test
    @DisplayName("keeps Gson's exception as the cause of a syntax error")
    void syntaxErrorCause() {
        assertThatThrownBy(() -> GsonJsonCodec.create().fromJson("{a:1}"))
            .isInstanceOf(DataNotSerializable.class)
            .hasCauseInstanceOf(MalformedJsonException.class)
            .hasMessageContaining("Cannot read the JSON text");
    }

    @Test
    @DisplayName("refuses a null Gson")
    void nullGson() {
        assertThatThrownBy(() -> GsonJsonCodec.using(null))
            .isInstanceOf(InvalidArgument.class).hasMessageContaining("gson");
    }

    @Test
    @DisplayName("its provider is named gson and has its documented priority")
    void provider() {
        GsonJsonCodecProvider provider = new GsonJsonCodecProvider();

        assertThat(provider.name()).isEqualTo("gson");
        assertThat(provider.priority()).isEqualTo(GsonJsonCodecProvider.PRIORITY).isPositive();
        assertThat(provider.create()).isInstanceOf(GsonJsonCodec.class);
    }
}
