package io.libres.context.internal;

import io.libres.context.EmailValidator;
import java.util.regex.Pattern;

/**
 * The default {@code email_validator} of libres 1.2: text without {@code @}, an
 * {@code @}, text without {@code @}, a dot, more text without {@code @}, matched
 * at the start of the address only (as Python's {@code re.match} does), so
 * anything may follow.
 */
public final class SimpleEmailValidator implements EmailValidator {

    /** The one instance; the validator holds no state. */
    public static final SimpleEmailValidator INSTANCE = new SimpleEmailValidator();

    private static final Pattern ADDRESS = Pattern.compile("[^@]+@[^@]+\\.[^@]+");

    private SimpleEmailValidator() {
    }

    /**
     * Tells whether an address looks like one, by libres' simple rule.
     *
     * @param email the address; {@code null} is never valid
     * @return {@code true} if the start of the address matches
     */
    @Override
    public boolean isValidEmail(String email) {
        return email != null && ADDRESS.matcher(email).lookingAt();
    }
}
