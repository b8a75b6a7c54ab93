package io.libres.context;

/**
 * The {@code email_validator} service: tells whether a reservee's email address
 * is acceptable.
 *
 * <p>The default, like libres 1.2's, is deliberately simple: an address is valid
 * when it starts with some text without {@code @}, then {@code @}, then text
 * without {@code @} that holds a dot followed by more text. Set a service of
 * your own under {@link DefaultServices#EMAIL_VALIDATOR} for stricter checks.
 */
@FunctionalInterface
public interface EmailValidator {

    /**
     * Tells whether an email address is acceptable.
     *
     * @param email the address; {@code null} is never valid
     * @return {@code true} if the address is acceptable
     */
    boolean isValidEmail(String email);
}
