package io.libres.context;

import org.jspecify.annotations.Nullable;

import java.util.Optional;

/**
 * The {@code email_validator} service: tells whether a reservee's email address
 * is acceptable.
 *
 * <p>The default accepts what libres 1.2's simple rule accepts (text without {@code @}, an
 * {@code @}, text without {@code @} holding a dot followed by more text), but the whole address
 * must match, and it refuses anything a mail header could be injected with: control characters
 * (line breaks included), whitespace, angle brackets, commas and semicolons. Set a service of your
 * own under {@link DefaultServices#EMAIL_VALIDATOR} (a lambda will do) for other rules. Whatever
 * the validator says, the scheduler itself refuses addresses the {@code email} column cannot hold
 * (longer than {@link io.libres.db.Limits#MAX_EMAIL_LENGTH} characters, or with a NUL character).
 */
@FunctionalInterface
public interface EmailValidator {

    /**
     * Tells whether an email address is acceptable.
     *
     * @param email the address; {@code null} is never valid
     * @return {@code true} if the address is acceptable
     */
    boolean isValidEmail(@Nullable String email);

    /**
     * Says what is wrong with an address, for the message of the refusal; a validator of one's
     * own need not override it.
     *
     * @param email the address
     * @return empty if the address is acceptable, else what is wrong with it, for example
     *     {@code "it contains a line break (U+000A at index 13)"}
     */
    default Optional<String> problem(String email) {
        return isValidEmail(email) ? Optional.empty() : Optional.of("the email validator refuses it");
    }
}
