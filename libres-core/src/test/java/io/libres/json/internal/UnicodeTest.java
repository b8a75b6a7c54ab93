package io.libres.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Unicode")
class UnicodeTest {

    @Test
    @DisplayName("finds the first unpaired high or low surrogate, and none in paired text")
    void findsUnpaired() {
        assertThat(Unicode.firstUnpairedSurrogate("plain é 😀")).isEqualTo(-1);
        assertThat(Unicode.firstUnpairedSurrogate("a\uD83D")).isEqualTo(1);
        assertThat(Unicode.firstUnpairedSurrogate("\uDE00\uD83D")).isZero();
        assertThat(Unicode.firstUnpairedSurrogate("😀\uD83Dx")).isEqualTo(2);
        assertThat(Unicode.describe("ab\uDC01", 2)).isEqualTo("U+DC01 at index 2");
    }
}
