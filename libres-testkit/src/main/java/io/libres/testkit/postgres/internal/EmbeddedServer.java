package io.libres.testkit.postgres.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * One running embedded server: a data directory made by {@code initdb} and a
 * {@code postgres} process listening on a free local port, tuned for tests (no fsync).
 */
final class EmbeddedServer {

    static final String SUPERUSER = "postgres";

    private static final long STARTUP_TIMEOUT_MILLIS = 60_000;
    private static final int PORT_ATTEMPTS = 3;

    private final Path installation;
    private final Path runDirectory;
    private final ProcessUser user;
    private volatile Process process;
    private final int port;
    /** The {@code -c} settings beyond the test settings, kept for a restart. */
    private final List<String> extra;
    /** Stops the server if this JVM dies without its shutdown hook (kill -9); null where there is no sh. */
    private Process watchdog;

    private EmbeddedServer(Path installation, Path runDirectory, ProcessUser user, Process process, int port,
            List<String> extra) {
        this.installation = installation;
        this.extra = List.copyOf(extra);
        this.runDirectory = runDirectory;
        this.user = user;
        this.process = process;
        this.port = port;
    }

    static EmbeddedServer start(Path installation, Path home, ProcessUser user) throws IOException {
        return start(installation, home, user, List.of());
    }

    /**
     * Initialises and starts a server with settings of its own added to the test settings.
     *
     * @param installation the unpacked binaries
     * @param home where run directories go
     * @param user who runs the server
     * @param extra further {@code name=value} settings; they win over the test settings
     * @return the running server
     * @throws IOException if initdb or the server fails
     */
    static EmbeddedServer start(Path installation, Path home, ProcessUser user, List<String> extra)
            throws IOException {
        AbandonedRuns.removeAll(home);
        Path runDirectory = Files.createTempDirectory(home, "run-");
        try {
            AbandonedRuns.claim(runDirectory);
            user.takeOwnership(runDirectory);
            Path data = runDirectory.resolve("data");
            run(user.command(List.of(binary(installation, "initdb"), "-D", data.toString(), "-U", SUPERUSER,
                    "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync")), runDirectory, "initdb");
            IOException lastFailure = null;
            for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
                try {
                    return launch(installation, runDirectory, user, freePort(), extra);
                } catch (IOException e) {
                    // Another process may have taken the free port between the check and the bind.
                    lastFailure = e;
                }
            }
            throw lastFailure;
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(runDirectory);
            throw e;
        }
    }

    private static EmbeddedServer launch(Path installation, Path runDirectory, ProcessUser user, int port,
            List<String> extra) throws IOException {
        Process process = startPostgres(installation, runDirectory, user, port, extra);
        EmbeddedServer server = new EmbeddedServer(installation, runDirectory, user, process, port, extra);
        server.watchdog = startWatchdog(runDirectory);
        server.awaitConnections(runDirectory.resolve("postgres.log"));
        return server;
    }

    /**
     * The script of the watchdog: it waits for the end of its standard input, which comes when
     * this JVM ends in whatever way (the kernel closes the pipe even after kill -9), then stops the
     * postmaster named in the data directory's {@code postmaster.pid} (the one running then, also
     * after a restart) with a fast shutdown, an immediate one after 5 s, and removes the run
     * directory. After a normal exit the shutdown hook has already done both and it finds nothing.
     */
    static final String WATCHDOG_SCRIPT = "cat > /dev/null; run=\"$1\"; pidfile=\"$run/data/postmaster.pid\";"
            + " pid=$(head -n 1 \"$pidfile\" 2>/dev/null);"
            + " if [ -n \"$pid\" ] && kill -0 \"$pid\" 2>/dev/null"
            + " && { [ ! -r /proc/$pid/cmdline ] || grep -q postgres /proc/$pid/cmdline; }; then"
            + " kill -INT \"$pid\"; n=0; while kill -0 \"$pid\" 2>/dev/null && [ $n -lt 50 ]; do sleep 0.1; n=$((n+1)); done;"
            + " kill -QUIT \"$pid\" 2>/dev/null; fi; rm -rf \"$run\"";

    /**
     * Starts the watchdog that stops the server when this JVM dies without its shutdown hook.
     *
     * @param runDirectory the server's run directory
     * @return the watchdog, its standard input open for as long as this JVM lives; null on Windows
     */
    private static Process startWatchdog(Path runDirectory) throws IOException {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return null;
        }
        return withNeutralLocale(new ProcessBuilder("sh", "-c", WATCHDOG_SCRIPT, "libres-testkit-watchdog",
                runDirectory.toAbsolutePath().toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static Process startPostgres(Path installation, Path runDirectory, ProcessUser user, int port,
            List<String> extra) throws IOException {
        Path log = runDirectory.resolve("postgres.log");
        List<String> command = new ArrayList<>(List.of(binary(installation, "postgres"),
                "-D", runDirectory.resolve("data").toString(), "-p", Integer.toString(port)));
        for (String setting : settings(Settings.fromSystem().get(Settings.EMBEDDED_DURABLE)
                .map(Boolean::parseBoolean).orElse(false))) {
            command.add("-c");
            command.add(setting);
        }
        for (String setting : extra) {
            command.add("-c");
            command.add(setting);
        }
        return withNeutralLocale(new ProcessBuilder(user.command(command)))
                .directory(runDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /**
     * Restarts the server on the same port and data: a fast shutdown (every session ends, as when
     * an administrator restarts a server), then a start; returns once it accepts connections.
     *
     * @throws IOException if the server does not come back
     */
    synchronized void restart() throws IOException {
        stopProcess();
        process = startPostgres(installation, runDirectory, user, port, extra);
        awaitConnections(runDirectory.resolve("postgres.log"));
    }

    /**
     * The server's settings: tuned for tests (commits do not wait for the disk) unless durable
     * commits are asked for, as a benchmark comparing with a production server does.
     *
     * @param durable true for PostgreSQL's durable defaults
     * @return the {@code -c} settings
     */
    static List<String> settings(boolean durable) {
        List<String> settings = new ArrayList<>(List.of("listen_addresses=127.0.0.1", "unix_socket_directories=",
                "max_connections=300"));
        if (!durable) {
            settings.addAll(List.of("fsync=off", "synchronous_commit=off", "full_page_writes=off"));
        }
        return settings;
    }

    private void awaitConnections(Path log) throws IOException {
        DataSource dataSource = DataSources.simple(jdbcUrl(), SUPERUSER, "");
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STARTUP_TIMEOUT_MILLIS);
        SQLException lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("postgres exited with code " + process.exitValue() + "; its log says:\n"
                        + tail(log));
            }
            try (Connection ignored = dataSource.getConnection()) {
                return;
            } catch (SQLException e) {
                lastFailure = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IOException("interrupted while waiting for postgres to accept connections", e);
            }
        }
        stopProcess();
        throw new IOException("postgres did not accept connections within " + STARTUP_TIMEOUT_MILLIS
                + " ms; its log says:\n" + tail(log), lastFailure);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    Path dataDirectory() {
        return runDirectory.resolve("data");
    }

    /**
     * Stops the server cleanly, keeping its data directory, to start it again with
     * {@link #restart(List)} or to copy it (a base backup of a cleanly stopped cluster).
     */
    void stopKeepingData() {
        stopProcess();
    }

    /**
     * Starts the server again on its data directory and port, after {@link #stopKeepingData()}.
     *
     * @param extra the settings it ran with
     * @return the running server
     * @throws IOException if it does not start
     */
    EmbeddedServer restart(List<String> extra) throws IOException {
        return launch(installation, runDirectory, user, port, extra);
    }

    /**
     * Makes a streaming standby of this server, which must be stopped cleanly: its data directory is
     * copied (a base backup of a cleanly shut down cluster, PostgreSQL's file system level backup),
     * marked with {@code standby.signal} and given {@code primary_conninfo} and a replication slot,
     * then started on a port of its own. Start this server again before the standby can stream.
     *
     * @param home where run directories go
     * @param slot the physical replication slot made on this server for the standby
     * @param extra further settings of the standby
     * @return the standby, not started yet: call {@link #restart(List)} on it
     * @throws IOException if the copy fails
     */
    EmbeddedServer copyAsStandby(Path home, String slot, List<String> extra) throws IOException {
        Path standbyRun = Files.createTempDirectory(home, "run-");
        try {
            AbandonedRuns.claim(standbyRun);
            user.takeOwnership(standbyRun);
            Path source = dataDirectory();
            Path target = standbyRun.resolve("data");
            try (java.util.stream.Stream<Path> paths = Files.walk(source)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    Path copy = target.resolve(source.relativize(path).toString());
                    if (path.getFileName().toString().equals("postmaster.pid")) {
                        continue;
                    }
                    Files.copy(path, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    user.takeOwnership(copy);
                }
            }
            Path signal = Files.createFile(target.resolve("standby.signal"));
            user.takeOwnership(signal);
            Files.writeString(target.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=127.0.0.1 port=" + port
                    + " user=" + SUPERUSER + " application_name=" + slot + "'\nprimary_slot_name = '" + slot + "'\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            return new EmbeddedServer(installation, standbyRun, user, null, freePort(), extra);
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteQuietly(standbyRun);
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** Stops the server quickly (open sessions are ended) and removes its data. */
    void stop() {
        stopProcess();
        FileTrees.deleteQuietly(runDirectory);
        if (watchdog != null) {
            watchdog.destroy();
        }
    }

    /**
     * The watchdog process, for tests.
     *
     * @return the process, empty where there is none
     */
    java.util.Optional<Process> watchdog() {
        return java.util.Optional.ofNullable(watchdog);
    }

    private void stopProcess() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            run(user.command(List.of(binary(installation, "pg_ctl"), "stop", "-D", dataDirectory().toString(),
                    "-m", "fast", "-w", "-t", "20")), runDirectory, "pg_ctl stop");
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            // Ending the process below is the fallback.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static void run(List<String> command, Path directory, String what) throws IOException {
        Process process = withNeutralLocale(new ProcessBuilder(command))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(what + " did not finish within 120 s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IOException(what + " failed with exit code " + process.exitValue() + ": " + command
                        + "\n" + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + what, e);
        }
    }

    /** The machine's locale may not exist in a fresh container; C always does, and tests want it anyway. */
    private static ProcessBuilder withNeutralLocale(ProcessBuilder builder) {
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("LANG", "C");
        return builder;
    }

    private static String binary(Path installation, String name) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return installation.resolve("bin").resolve(windows ? name + ".exe" : name).toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }
}
