/**
 * A real PostgreSQL for every test, on any machine.
 *
 * <p>The server is provisioned once per JVM, on first use, in this order:
 * <ol>
 *   <li>the server named by {@code LIBRES_TEST_JDBC_URL} (system property first, then
 *       environment variable), with the user and password in the URL or in
 *       {@code LIBRES_TEST_JDBC_USER} / {@code LIBRES_TEST_JDBC_PASSWORD}; the user must
 *       be allowed to create databases;</li>
 *   <li>a container started by Testcontainers, when a Docker engine answers
 *       ({@code DOCKER_HOST} or the usual sockets; {@code LIBRES_TEST_DOCKER=false} skips it);</li>
 *   <li>PostgreSQL binaries from Maven Central, started by the kit (as the unprivileged
 *       user {@code nobody} when the JVM runs as root).</li>
 * </ol>
 * One log line says which was used and the server's version. Each test class, or each
 * test, gets its own database (see {@link io.libres.testkit.postgres.WithPostgres}).
 */
package io.libres.testkit.postgres;
