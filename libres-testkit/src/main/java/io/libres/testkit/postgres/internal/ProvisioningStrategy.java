package io.libres.testkit.postgres.internal;

import java.util.Optional;

/**
 * One way to get a PostgreSQL server: an existing one, a container, or embedded
 * binaries. The provisioner tries them in a fixed order and keeps the first that works.
 */
public interface ProvisioningStrategy {

    /**
     * Names the strategy in the announcement and in the failure message.
     *
     * @return a short human name, such as {@code "LIBRES_TEST_JDBC_URL"}
     */
    String name();

    /**
     * Tells, quickly and without side effects, why this strategy cannot apply here.
     *
     * @param settings the configuration to read
     * @return the reason to skip it, or empty if it should be tried
     */
    Optional<String> skipReason(Settings settings);

    /**
     * Makes the server available.
     *
     * @param settings the configuration to read
     * @return how to reach the server
     * @throws Exception if the server cannot be reached or started; the provisioner records why
     */
    ServerHandle start(Settings settings) throws Exception;

    /**
     * Tells whether a failure of {@link #start} ends provisioning instead of trying the next
     * strategy: a server the user asked for by name must not be silently replaced.
     *
     * @return true if a failure is final
     */
    default boolean failureIsFinal() {
        return false;
    }
}
