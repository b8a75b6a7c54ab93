package io.libres.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.errors.DataNotSerializable;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JsonTreeBuilder")
class JsonTreeBuilderTest {

    @Test
    @DisplayName("builds a nested value from events, normalising numbers")
    void builds() {
        JsonTreeBuilder builder = new JsonTreeBuilder();
        builder.beginObject();
        builder.name("b");
        builder.beginArray();
        builder.number("1");
        builder.number("4294967296");
        builder.string("x");
        builder.nullValue();
        builder.endArray();
        builder.name("a");
        builder.bool(true);
        assertThat(builder.isComplete()).isFalse();
        builder.endObject();

        assertThat(builder.isComplete()).isTrue();
        Map<?, ?> result = (Map<?, ?>) builder.result();
        assertThat(new ArrayList<Object>(result.keySet())).containsExactly("b", "a");
        assertThat(result.get("b")).isEqualTo(java.util.Arrays.asList(1, 4_294_967_296L, "x", null));
    }

    @Test
    @DisplayName("keeps the first position and last value of a repeated key")
    void repeatedKey() {
        JsonTreeBuilder builder = new JsonTreeBuilder();
        builder.beginObject();
        builder.name("a");
        builder.number("1");
        builder.name("b");
        builder.number("2");
        builder.name("a");
        builder.number("3");
        builder.endObject();

        assertThat(new ArrayList<>(((Map<?, ?>) builder.result()).entrySet()).toString()).isEqualTo("[a=3, b=2]");
    }

    @Test
    @DisplayName("a scalar alone is a complete value")
    void scalarRoot() {
        JsonTreeBuilder builder = new JsonTreeBuilder();
        builder.nullValue();

        assertThat(builder.isComplete()).isTrue();
        assertThat(builder.result()).isNull();
    }

    @Test
    @DisplayName("refuses malformed event sequences with IllegalStateException")
    void misuse() {
        assertThatThrownBy(() -> new JsonTreeBuilder().result()).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("not complete");
        assertThatThrownBy(() -> new JsonTreeBuilder().name("a")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new JsonTreeBuilder().endArray()).isInstanceOf(IllegalStateException.class);
        JsonTreeBuilder twoRoots = new JsonTreeBuilder();
        twoRoots.bool(true);
        assertThatThrownBy(() -> twoRoots.bool(false)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("already complete");
        JsonTreeBuilder valueWithoutName = new JsonTreeBuilder();
        valueWithoutName.beginObject();
        assertThatThrownBy(() -> valueWithoutName.string("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(valueWithoutName::endArray).isInstanceOf(IllegalStateException.class);
        valueWithoutName.name("k");
        assertThatThrownBy(valueWithoutName::endObject).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("refuses nesting deeper than the limit, naming where")
    void depth() {
        JsonTreeBuilder builder = new JsonTreeBuilder();
        builder.beginObject();
        builder.name("deep");
        for (int i = 1; i < JsonValues.MAX_DEPTH; i++) {
            builder.beginArray();
        }

        assertThatThrownBy(builder::beginArray).isInstanceOf(DataNotSerializable.class)
            .hasMessageStartingWith("Cannot read JSON nested more than " + JsonValues.MAX_DEPTH + " deep at $.deep[0]");
    }

    @Test
    @DisplayName("refuses strings and names with unpaired surrogates, naming where")
    void surrogates() {
        JsonTreeBuilder builder = new JsonTreeBuilder();
        builder.beginArray();
        builder.string("ok");

        assertThatThrownBy(() -> builder.string("\uD800x")).isInstanceOf(DataNotSerializable.class)
            .hasMessageContaining("at $[1]: a String has an unpaired surrogate (U+D800 at index 0)");
        JsonTreeBuilder names = new JsonTreeBuilder();
        names.beginObject();
        assertThatThrownBy(() -> names.name("\uDFFF")).isInstanceOf(DataNotSerializable.class)
            .hasMessageContaining("a member name has an unpaired surrogate");
    }

    @Test
    @DisplayName("passes number text errors on as DataNotSerializable")
    void badNumber() {
        JsonTreeBuilder builder = new JsonTreeBuilder();

        assertThatThrownBy(() -> builder.number("1.")).isInstanceOf(DataNotSerializable.class);
        assertThat(builder.isComplete()).isFalse();
    }
}
