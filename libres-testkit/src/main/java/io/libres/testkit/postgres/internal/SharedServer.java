package io.libres.testkit.postgres.internal;

import io.libres.testkit.postgres.PostgresUnavailableException;

/**
 * The one server of this JVM, provisioned on first use. A failure is remembered, so
 * that the test classes after the first fail fast with the same explanation.
 */
public final class SharedServer {

    private static ProvisionedServer server;
    private static PostgresUnavailableException failure;

    private SharedServer() {
    }

    /**
     * Provisions the server on the first call and returns the same one afterwards.
     *
     * @return the JVM's server
     * @throws PostgresUnavailableException if no server could be provided, now or on the first call
     */
    public static synchronized ProvisionedServer get() {
        if (server != null) {
            return server;
        }
        if (failure != null) {
            throw failure;
        }
        try {
            server = PostgresProvisioner.standard(Settings.fromSystem()).provision();
            return server;
        } catch (PostgresUnavailableException e) {
            failure = e;
            throw e;
        }
    }
}
