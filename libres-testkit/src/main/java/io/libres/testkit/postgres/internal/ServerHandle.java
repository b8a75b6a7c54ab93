package io.libres.testkit.postgres.internal;

import io.libres.testkit.postgres.PostgresSource;

import java.util.Objects;

/**
 * A server one strategy made available: how to reach it as a user who may create
 * databases, and how to let it go.
 *
 * @param source which strategy provided it
 * @param jdbcUrl the URL of a maintenance database on it (such as {@code postgres})
 * @param user the user to connect as
 * @param password the password, empty when the server trusts local connections
 * @param details what the announcement says about where the server comes from
 * @param stopper stops the server, or does nothing for a server this kit did not start
 * @param restarter restarts the server on the same address, or null for a server this kit cannot restart
 */
public record ServerHandle(PostgresSource source, String jdbcUrl, String user, String password, String details,
        Runnable stopper, Runnable restarter) {

    /**
     * A handle on a server this kit cannot restart.
     *
     * @param source which strategy provided it
     * @param jdbcUrl the URL of a maintenance database on it (such as {@code postgres})
     * @param user the user to connect as
     * @param password the password, empty when the server trusts local connections
     * @param details what the announcement says about where the server comes from
     * @param stopper stops the server, or does nothing for a server this kit did not start
     * @throws NullPointerException if a part is null
     */
    public ServerHandle(PostgresSource source, String jdbcUrl, String user, String password, String details,
            Runnable stopper) {
        this(source, jdbcUrl, user, password, details, stopper, null);
    }

    /**
     * Checks that every part is present.
     *
     * @param source which strategy provided it
     * @param jdbcUrl the URL of a maintenance database on it (such as {@code postgres})
     * @param user the user to connect as
     * @param password the password, empty when the server trusts local connections
     * @param details what the announcement says about where the server comes from
     * @param stopper stops the server, or does nothing for a server this kit did not start
     * @param restarter restarts the server, or null if this kit cannot
     * @throws NullPointerException if a part other than the restarter is null
     */
    public ServerHandle {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(stopper, "stopper");
    }
}
