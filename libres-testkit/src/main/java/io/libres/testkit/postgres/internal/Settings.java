package io.libres.testkit.postgres.internal;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the testkit reads its configuration: a system property wins over the
 * environment variable of the same name, so a build or a test can override what
 * the machine sets.
 */
public final class Settings {

    /** A JDBC URL of a running server to use instead of starting one. */
    public static final String JDBC_URL = "LIBRES_TEST_JDBC_URL";
    /** The user for {@link #JDBC_URL}; overrides a {@code user} parameter in the URL. */
    public static final String JDBC_USER = "LIBRES_TEST_JDBC_USER";
    /** The password for {@link #JDBC_URL}; overrides a {@code password} parameter in the URL. */
    public static final String JDBC_PASSWORD = "LIBRES_TEST_JDBC_PASSWORD";
    /** {@code false} skips Testcontainers even when a Docker engine answers. */
    public static final String DOCKER_ENABLED = "LIBRES_TEST_DOCKER";
    /** The Docker image Testcontainers starts. */
    public static final String DOCKER_IMAGE = "LIBRES_TEST_POSTGRES_IMAGE";
    /** The directory that holds the unpacked embedded binaries and the data directories. */
    public static final String EMBEDDED_DIRECTORY = "LIBRES_TEST_POSTGRES_DIR";
    /**
     * {@code true} starts the embedded server with durable commits (PostgreSQL's defaults:
     * {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on) instead of the
     * test tuning that turns them off; for benchmarks that compare with a production server.
     */
    public static final String EMBEDDED_DURABLE = "LIBRES_TEST_POSTGRES_DURABLE";
    /** The operating-system user the embedded server runs as when the JVM runs as root. */
    public static final String EMBEDDED_OS_USER = "LIBRES_TEST_POSTGRES_OS_USER";

    private final UnaryOperator<String> lookup;

    private Settings(UnaryOperator<String> lookup) {
        this.lookup = lookup;
    }

    /**
     * Reads system properties first, then environment variables.
     *
     * @return the settings of this JVM and process
     */
    public static Settings fromSystem() {
        return new Settings(name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name);
        });
    }

    /**
     * Reads only the given values; for tests that must not depend on the machine.
     *
     * @param values the settings by name
     * @return settings that answer from {@code values} alone
     */
    public static Settings of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new Settings(copy::get);
    }

    /**
     * Looks a setting up; blank values count as absent.
     *
     * @param name the setting's name, also the name of its system property and environment variable
     * @return the value, if set and not blank
     */
    public Optional<String> get(String name) {
        return Optional.ofNullable(lookup.apply(name)).map(String::trim).filter(value -> !value.isEmpty());
    }
}
