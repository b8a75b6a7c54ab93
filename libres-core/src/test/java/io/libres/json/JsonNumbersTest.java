package io.libres.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.errors.DataNotSerializable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("JsonNumbers")
class JsonNumbersTest {

    @Nested
    @DisplayName("parse")
    class Parse {

        @ParameterizedTest(name = "{0} is a {1}")
        @CsvSource({
            "0, Integer", "-0, Integer", "999999999, Integer", "-2147483648, Integer", "2147483647, Integer",
            "2147483648, Long", "-2147483649, Long", "1000000000000000000, Long", "9223372036854775807, Long",
            "-9223372036854775808, Long", "9223372036854775808, BigInteger", "-9223372036854775809, BigInteger",
            "0.5, Double", "1.0, Double", "1e2, Double", "1E-2, Double", "-0.0, Double", "1.25e+2, Double",
            "0.12345678901234567890, BigDecimal", "1e309, BigDecimal", "1e-330, BigDecimal"})
        @DisplayName("reads each number into the smallest exact type")
        void types(String text, String type) {
            assertThat(JsonNumbers.parse(text).getClass().getSimpleName()).isEqualTo(type);
        }

        @Test
        @DisplayName("keeps the value: integers exactly, decimals as the same decimal number")
        void values() {
            assertThat(JsonNumbers.parse("-0")).isEqualTo(0);
            assertThat(JsonNumbers.parse("2147483648")).isEqualTo(2_147_483_648L);
            assertThat(JsonNumbers.parse("12345678901234567890123")).isEqualTo(new BigInteger("12345678901234567890123"));
            assertThat(JsonNumbers.parse("1.50")).isEqualTo(1.5d);
            assertThat(JsonNumbers.parse("-0.0")).isEqualTo(-0.0d);
            assertThat(JsonNumbers.parse("0e7")).isEqualTo(0.0d);
            assertThat(JsonNumbers.parse("0.12345678901234567890")).isEqualTo(new BigDecimal("0.12345678901234567890"));
        }

        @Test
        @DisplayName("reads short decimals as doubles on every JDK, even where Double.toString prints more digits")
        void shortDecimalsAreDoubles() {
            assertThat(JsonNumbers.parse("2e23")).isEqualTo(2e23);
            assertThat(JsonNumbers.parse("8.41e21")).isEqualTo(8.41e21);
            assertThat(JsonNumbers.parse("123456789012345e-5")).isEqualTo(1234567890.12345);
        }

        @Test
        @DisplayName("reads tiny subnormal decimals as BigDecimal when the double would change their digits")
        void subnormals() {
            assertThat(JsonNumbers.parse("1.23456789e-320")).isEqualTo(new BigDecimal("1.23456789e-320"));
            assertThat(JsonNumbers.parse("4.9e-324")).isEqualTo(Double.MIN_VALUE);
        }

        @Test
        @DisplayName("reads back every double as an equal Double, whatever its digits")
        void doublesRoundTrip() {
            double[] samples = {0.1 + 0.2, 2e23, 1.0 / 3, Math.PI, -Double.MAX_VALUE, Double.MIN_NORMAL, 8.41e21, 5e-324};
            for (double sample : samples) {
                assertThat(JsonNumbers.parse(JsonNumbers.format(sample))).isEqualTo(sample);
            }
        }

        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"", "-", "01", "-01", "+1", "1.", ".5", "1e", "1e+", "0x10", "1_000", " 1", "1 ",
            "NaN", "Infinity", "-Infinity", "1.2.3", "١"})
        @DisplayName("refuses text that is not a JSON number, quoting it")
        void refusesBadGrammar(String text) {
            assertThatThrownBy(() -> JsonNumbers.parse(text))
                .isInstanceOf(DataNotSerializable.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("expected");
        }

        @Test
        @DisplayName("refuses null, numbers longer than the limit, and exponents beyond BigDecimal")
        void refusesLimits() {
            assertThatThrownBy(() -> JsonNumbers.parse(null)).isInstanceOf(DataNotSerializable.class);
            assertThat(JsonNumbers.parse("7".repeat(JsonNumbers.MAX_LENGTH))).isInstanceOf(BigInteger.class);
            assertThatThrownBy(() -> JsonNumbers.parse("7".repeat(JsonNumbers.MAX_LENGTH + 1)))
                .isInstanceOf(DataNotSerializable.class)
                .hasMessageContaining(String.valueOf(JsonNumbers.MAX_LENGTH + 1));
            assertThatThrownBy(() -> JsonNumbers.parse("1e99999999999"))
                .isInstanceOf(DataNotSerializable.class).hasMessageContaining("exponent");
        }
    }

    @Nested
    @DisplayName("format")
    class Format {

        @Test
        @DisplayName("writes each supported type as JSON number text that parses back to the same value")
        void supportedTypes() {
            assertThat(JsonNumbers.format(42)).isEqualTo("42");
            assertThat(JsonNumbers.format(-7L)).isEqualTo("-7");
            assertThat(JsonNumbers.format((short) 3)).isEqualTo("3");
            assertThat(JsonNumbers.format((byte) -1)).isEqualTo("-1");
            assertThat(JsonNumbers.format(BigInteger.TEN.pow(30))).isEqualTo("1" + "0".repeat(30));
            assertThat(JsonNumbers.format(new BigDecimal("1E+3"))).isEqualTo("1E+3");
            assertThat(JsonNumbers.format(0.1d)).isEqualTo("0.1");
            assertThat(JsonNumbers.format(0.1f)).isEqualTo("0.1");
            assertThat(JsonNumbers.parse(JsonNumbers.format(1e300))).isEqualTo(1e300);
            assertThat(JsonNumbers.parse(JsonNumbers.format(new BigDecimal("1E+3")))).isEqualTo(1000.0d);
        }

        @Test
        @DisplayName("refuses NaN and infinities, naming the type and the value")
        void refusesNonFinite() {
            assertThatThrownBy(() -> JsonNumbers.format(Double.NaN))
                .isInstanceOf(DataNotSerializable.class).hasMessageContaining("java.lang.Double NaN");
            assertThatThrownBy(() -> JsonNumbers.format(Float.POSITIVE_INFINITY))
                .isInstanceOf(DataNotSerializable.class).hasMessageContaining("java.lang.Float Infinity");
            assertThat(JsonNumbers.isWritable(Double.NEGATIVE_INFINITY)).isFalse();
        }

        @Test
        @DisplayName("refuses number types without a fixed value or text, naming the type")
        void refusesOtherTypes() {
            assertThatThrownBy(() -> JsonNumbers.format(new AtomicLong(1)))
                .isInstanceOf(DataNotSerializable.class).hasMessageContaining("java.util.concurrent.atomic.AtomicLong");
            assertThatThrownBy(() -> JsonNumbers.format(null)).isInstanceOf(DataNotSerializable.class);
            assertThat(JsonNumbers.isWritable(new AtomicLong(1))).isFalse();
            assertThat(JsonNumbers.isWritable(1.5f)).isTrue();
        }
    }
}
