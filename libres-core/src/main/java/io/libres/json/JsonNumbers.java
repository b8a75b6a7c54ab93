package io.libres.json;

import org.jspecify.annotations.Nullable;

import io.libres.errors.DataNotSerializable;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The number rules every JSON codec follows, so that all codecs read and write numbers alike.
 *
 * <p><b>Reading</b> ({@link #parse(String)}): a number without fraction or exponent is an
 * <em>integer</em> and comes back as an {@link Integer} if it fits, else as a {@link Long} if it
 * fits, else as a {@link BigInteger}; {@code -0} is the integer {@code 0}. Any other number is a
 * <em>decimal</em> and comes back as a {@link Double} when the nearest double prints back as the
 * same number (so {@code 0.1}, {@code 1e3} and {@code 1.50} are the doubles {@code 0.1},
 * {@code 1000.0} and {@code 1.5}), and as a {@link BigDecimal} holding the text's exact value
 * otherwise (too many digits for a double, or beyond its range); {@code -0.0} stays a negative zero
 * double. "Prints back as the same number" means: the text has at most 15 significant digits and
 * lies in the normal range of doubles, or {@link Double#toString(double)} of the double has the same
 * value as the text. No digit is ever lost, and a double written by any codec reads back as an
 * equal {@code Double}. (Before JDK 19, {@code Double.toString} prints a few doubles with 17 digits
 * where 16 would do, so a handful of 16- and 17-digit texts read as {@code BigDecimal} there and as
 * {@code Double} on later JDKs; every codec on the same JVM still agrees.)
 *
 * <p><b>Writing</b> ({@link #format(Number)}): {@link Integer}, {@link Long}, {@link Short},
 * {@link Byte} and {@link BigInteger} are written in plain digits; {@link Double} and
 * {@link Float} as their {@code toString} (finite values only: JSON has no NaN or Infinity);
 * {@link BigDecimal} as its {@link BigDecimal#toString()}, which may use an exponent. Other
 * {@link Number} types (atomic and accumulator types, custom subclasses) are refused because their
 * value can change or their text is not known to be JSON.
 *
 * <p>Example: {@code JsonNumbers.parse("9223372036854775808")} is a {@code BigInteger};
 * {@code JsonNumbers.parse("2.5")} is the {@code Double} 2.5;
 * {@code JsonNumbers.format(new BigDecimal("1E+3"))} is {@code "1E+3"}.
 */
public final class JsonNumbers {

    /** The longest number text accepted, in characters (as Jackson's default limit). */
    public static final int MAX_LENGTH = 1000;

    private static final int MAX_INT_DIGITS = 9;
    private static final int MAX_LONG_DIGITS = 18;
    private static final int SAFE_DOUBLE_DIGITS = 15;

    private JsonNumbers() {
    }

    /**
     * Reads the text of a JSON number into its normal Java form (see the class description).
     *
     * @param text the number exactly as it stands in the JSON text, for example {@code "-12.5e3"}
     * @return an {@link Integer}, {@link Long}, {@link BigInteger}, {@link Double} or {@link BigDecimal}
     * @throws DataNotSerializable if the text is {@code null}, is not a number by the JSON grammar,
     *     is longer than {@link #MAX_LENGTH}, or has an exponent beyond what {@link BigDecimal} holds
     */
    public static Number parse(String text) {
        if (text == null) {
            throw new DataNotSerializable("Cannot read a JSON number from null; expected the number's text.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new DataNotSerializable("Cannot read a JSON number of " + text.length()
                + " characters; expected at most " + MAX_LENGTH + ".");
        }
        return switch (NumberGrammar.classify(text)) {
            case INTEGER -> parseInteger(text);
            case DECIMAL -> parseDecimal(text);
            case INVALID -> throw new DataNotSerializable("Cannot read '" + text
                + "' as a JSON number; expected -?digits[.digits][e[+-]digits], without leading zeros.");
        };
    }

    /**
     * Writes a number as JSON number text (see the class description).
     *
     * @param number the number to write
     * @return its JSON text, for example {@code "42"}, {@code "0.1"} or {@code "1E+3"}
     * @throws DataNotSerializable if the number is {@code null}, not one of the supported types, or a
     *     NaN or infinite {@link Double} or {@link Float}
     */
    public static String format(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
            || number instanceof Byte || number instanceof BigInteger || number instanceof BigDecimal) {
            return number.toString();
        }
        if (number instanceof Double || number instanceof Float) {
            if (!Double.isFinite(number.doubleValue())) {
                throw new DataNotSerializable("Cannot write the " + number.getClass().getName() + " "
                    + number + " as JSON; expected a finite number (JSON has no NaN or Infinity).");
            }
            return number.toString();
        }
        throw new DataNotSerializable("Cannot write a "
            + (number == null ? "null" : number.getClass().getName())
            + " as a JSON number; " + "expected " + supportedTypes() + ".");
    }

    /**
     * Tells whether {@link #format(Number)} writes this number.
     *
     * @param number any number, or {@code null}
     * @return {@code true} if it is of a supported type and finite
     */
    public static boolean isWritable(@Nullable Number number) {
        if (number instanceof Double || number instanceof Float) {
            return Double.isFinite(number.doubleValue());
        }
        return number instanceof Integer || number instanceof Long || number instanceof Short
            || number instanceof Byte || number instanceof BigInteger || number instanceof BigDecimal;
    }

    /**
     * Names the number types {@link #format(Number)} writes, for error messages.
     *
     * @return a readable list of the supported types
     */
    public static String supportedTypes() {
        return "Integer, Long, Short, Byte, BigInteger, BigDecimal, or a finite Double or Float";
    }

    private static Number parseInteger(String text) {
        int digits = text.charAt(0) == '-' ? text.length() - 1 : text.length();
        if (digits <= MAX_INT_DIGITS) {
            return Integer.parseInt(text);
        }
        if (digits <= MAX_LONG_DIGITS) {
            return narrow(Long.parseLong(text));
        }
        BigInteger big = new BigInteger(text);
        return big.bitLength() < Long.SIZE ? narrow(big.longValue()) : big;
    }

    private static Number narrow(long value) {
        if (value == (int) value) {
            return Integer.valueOf((int) value);
        }
        return Long.valueOf(value);
    }

    private static Number parseDecimal(String text) {
        BigDecimal exact;
        try {
            exact = new BigDecimal(text);
        } catch (NumberFormatException outOfRange) {
            throw new DataNotSerializable("Cannot read the JSON number '" + text
                + "': its exponent is out of range; expected an exponent within +/-2147483647.",
                outOfRange);
        }
        if (exact.signum() == 0) {
            return text.charAt(0) == '-' ? -0.0d : 0.0d;
        }
        double nearest = Double.parseDouble(text);
        if (Double.isFinite(nearest) && nearest != 0.0d && printsBackAsSameNumber(nearest, exact)) {
            return nearest;
        }
        return exact;
    }

    private static boolean printsBackAsSameNumber(double nearest, BigDecimal exact) {
        // Any decimal of up to 15 significant digits survives a trip through a normal double;
        // this holds on every JDK, while Double.toString prints a few doubles with too many
        // digits before JDK 19.
        if (exact.stripTrailingZeros().precision() <= SAFE_DOUBLE_DIGITS
            && Math.abs(nearest) >= Double.MIN_NORMAL) {
            return true;
        }
        return new BigDecimal(Double.toString(nearest)).compareTo(exact) == 0;
    }

    /** The JSON number grammar (RFC 8259, section 6), checked by hand to avoid regex backtracking. */
    private enum NumberGrammar {
        INTEGER, DECIMAL, INVALID;

        static NumberGrammar classify(String text) {
            int end = text.length();
            int at = 0;
            if (at < end && text.charAt(at) == '-') {
                at++;
            }
            if (at >= end) {
                return INVALID;
            }
            if (text.charAt(at) == '0') {
                at++;
            } else if (isDigit(text.charAt(at))) {
                at = skipDigits(text, at);
            } else {
                return INVALID;
            }
            boolean decimal = false;
            if (at < end && text.charAt(at) == '.') {
                int fraction = at + 1;
                at = skipDigits(text, fraction);
                if (at == fraction) {
                    return INVALID;
                }
                decimal = true;
            }
            if (at < end && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
                at++;
                if (at < end && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                    at++;
                }
                int exponent = at;
                at = skipDigits(text, exponent);
                if (at == exponent) {
                    return INVALID;
                }
                decimal = true;
            }
            if (at != end) {
                return INVALID;
            }
            return decimal ? DECIMAL : INTEGER;
        }

        private static int skipDigits(String text, int from) {
            int at = from;
            while (at < text.length() && isDigit(text.charAt(at))) {
                at++;
            }
            return at;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
