package io.libres.context.internal;

import io.libres.context.EmailValidator;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The default {@code email_validator}: libres 1.2's rule (text without {@code @}, an {@code @},
 * text without {@code @} holding a dot followed by more text), applied to the whole address
 * rather than its start, and without anything a mail header could be injected with: control
 * characters (line breaks included), whitespace of any kind, {@code <}, {@code >}, {@code ,} and
 * {@code ;}.
 *
 * <p>Addresses libres 1.2 accepted that this refuses: those with trailing text after a valid
 * start ({@code a@example.org <script>}, {@code a@example.org\nBcc: x@evil.org},
 * {@code a@b.org@c}), and quoted local parts holding whitespace, a comma, a semicolon, an angle
 * bracket or an {@code @} ({@code "john doe"@example.org}), all rare and valid only in quotes.
 */
public final class SimpleEmailValidator implements EmailValidator {

    /** The one instance; the validator holds no state. */
    public static final SimpleEmailValidator INSTANCE = new SimpleEmailValidator();

    private static final Pattern ADDRESS = Pattern.compile("[^@]+@[^@]+\\.[^@]+");

    private SimpleEmailValidator() {
    }

    /**
     * Tells whether an address is acceptable by the rule above.
     *
     * @param email the address; {@code null} is never valid
     * @return {@code true} if the whole address matches and holds nothing forbidden
     */
    @Override
    public boolean isValidEmail(String email) {
        return problem(email).isEmpty();
    }

    /**
     * Says what is wrong with an address.
     *
     * @param email the address
     * @return empty if valid, else the first problem found
     */
    @Override
    public Optional<String> problem(String email) {
        if (email == null) {
            return Optional.of("it is missing");
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            String found = forbidden(c);
            if (found != null) {
                return Optional.of(String.format("it contains %s (U+%04X at index %d), which could inject a mail"
                        + " header", found, (int) c, i));
            }
        }
        if (!ADDRESS.matcher(email).matches()) {
            return Optional.of("it is not one address of the form name@domain.tld (exactly one @, a dot in the"
                    + " domain, nothing after it)");
        }
        return Optional.empty();
    }

    private static String forbidden(char c) {
        if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
            return "a line break";
        }
        if (Character.isISOControl(c)) {
            return "a control character";
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return "whitespace";
        }
        if (c == '<' || c == '>') {
            return "an angle bracket";
        }
        if (c == ',' || c == ';') {
            return "a list separator";
        }
        return null;
    }
}
