package io.libres.testkit.postgres;

/** Where the tests' PostgreSQL server comes from. */
public enum PostgresSource {

    /** A running server named by {@code LIBRES_TEST_JDBC_URL}. */
    EXTERNAL_URL("the server named by LIBRES_TEST_JDBC_URL"),
    /** A container started by Testcontainers on a Docker engine. */
    TESTCONTAINERS("a Testcontainers container"),
    /** Binaries from Maven Central, started by the testkit. */
    EMBEDDED("embedded binaries from Maven Central");

    private final String description;

    PostgresSource(String description) {
        this.description = description;
    }

    /**
     * Describes the source for log lines.
     *
     * @return for example {@code "embedded binaries from Maven Central"}
     */
    public String description() {
        return description;
    }
}
