package io.libres.db;

import io.libres.errors.InvalidArgument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WritePositionTest {

    @Test
    @DisplayName("a write position goes to a token and back, and orders by its value")
    void roundTrip() {
        WritePosition position = WritePosition.of(24_625_528L);
        assertThat(position.token()).isEqualTo("wp1:177c178");
        assertThat(WritePosition.parse(position.token())).isEqualTo(position).hasSameHashCodeAs(position);
        assertThat(position.max(WritePosition.of(5))).isSameAs(position);
        assertThat(WritePosition.of(5).max(position)).isSameAs(position);
        assertThat(position.compareTo(WritePosition.of(5))).isPositive();
        assertThat(WritePosition.parse("wp1:7fffffffffffffff").value()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "wp1:", "177c178", "wp2:177c178", "wp1:xyz", "wp1:-1", "wp1:ffffffffffffffff",
            "wp1:10000000000000000"})
    @DisplayName("a token that is no write position is refused with what is expected")
    void badTokens(String token) {
        assertThatThrownBy(() -> WritePosition.parse(token)).isInstanceOf(InvalidArgument.class)
                .hasMessageContaining("expected");
    }

    @Test
    @DisplayName("a missing token or a negative value is refused")
    void missing() {
        assertThatThrownBy(() -> WritePosition.parse(null)).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> WritePosition.of(-1)).isInstanceOf(InvalidArgument.class);
    }
}
