package io.libres.context;

/**
 * The keys of the services every registry made by {@link Registry#createDefault()}
 * sets on its master context, so every context inherits them.
 *
 * <p>libres 1.2 sets the same services under the same names; the
 * {@code exposure} service (whether an allocation is visible) is set there too,
 * under {@link #EXPOSURE_NAME}.
 */
public final class DefaultServices {

    /** The email validator: {@link EmailValidator}, under libres' name {@code "email_validator"}. */
    public static final ServiceKey<EmailValidator> EMAIL_VALIDATOR =
            ServiceKey.of("email_validator", EmailValidator.class);

    /** The resource UUID generator: {@link UuidGenerator}, under libres' name {@code "uuid_generator"}. */
    public static final ServiceKey<UuidGenerator> UUID_GENERATOR =
            ServiceKey.of("uuid_generator", UuidGenerator.class);

    /** The name of the exposure service, which tells whether an allocation is exposed (visible). */
    public static final String EXPOSURE_NAME = "exposure";

    private DefaultServices() {
    }
}
