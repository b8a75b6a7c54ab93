package io.libres.db;

import io.libres.errors.DataNotSerializable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonDataTest {

    @Test
    @DisplayName("nested JSON values are accepted as data")
    void jsonValues() {
        Map<String, Object> data = new HashMap<>();
        data.put("index", 1);
        data.put("name", "record");
        data.put("nothing", null);
        data.put("nested", List.of(Map.of("flag", true, "ratio", 0.5), Arrays.asList("a", null)));
        assertThat(AllocateOptions.builder().data(data).build().data()).isEqualTo(data);
    }

    @Test
    @DisplayName("a date in the data is not a JSON value, and the message says where it is")
    void dateIsRejected() {
        Map<String, Object> data = Map.of("dates", List.of("x", Map.of("when", LocalDateTime.of(2014, 1, 1, 14, 0))));
        assertThatThrownBy(() -> AllocateOptions.builder().data(data).build())
                .isInstanceOf(DataNotSerializable.class)
                .hasMessageContaining("data.dates[1].when").hasMessageContaining("java.time.LocalDateTime");
        assertThatThrownBy(() -> ReserveOptions.builder().data(data).build()).isInstanceOf(DataNotSerializable.class);
        assertThatThrownBy(() -> MoveOptions.builder().data(data).build()).isInstanceOf(DataNotSerializable.class);
    }

    @Test
    @DisplayName("non-string keys and non-finite numbers are rejected")
    void keysAndNumbers() {
        Map<String, Object> badKey = Map.of("outer", Map.of(1, "one"));
        assertThatThrownBy(() -> AllocateOptions.builder().data(badKey).build())
                .isInstanceOf(DataNotSerializable.class).hasMessageContaining("string keys");
        assertThatThrownBy(() -> AllocateOptions.builder().data(Map.of("n", Double.NaN)).build())
                .isInstanceOf(DataNotSerializable.class).hasMessageContaining("finite");
    }
}
