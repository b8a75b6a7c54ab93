package io.libres.testkit.postgres.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Cleans up after JVMs that ended without their shutdown hook (killed, or crashed): their
 * data directories, and the servers still running in them.
 */
final class AbandonedRuns {

    static final String OWNER_FILE = "jvm.pid";

    private AbandonedRuns() {
    }

    /** Marks a run directory as belonging to this JVM. */
    static void claim(Path runDirectory) throws IOException {
        Files.writeString(runDirectory.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()),
                StandardCharsets.US_ASCII);
    }

    /** Stops the servers of run directories whose JVM is gone, and removes those directories. */
    static void removeAll(Path home) {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(home, "run-*")) {
            for (Path run : runs) {
                if (Files.exists(run.resolve(OWNER_FILE)) && !isAlive(readPid(run.resolve(OWNER_FILE)))) {
                    readPid(run.resolve("data").resolve("postmaster.pid"))
                            .flatMap(ProcessHandle::of)
                            .filter(AbandonedRuns::isPostgres)
                            .ifPresent(ProcessHandle::destroy);
                    FileTrees.deleteQuietly(run);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Cleaning up is a courtesy; a failure must not keep the tests from running.
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        // The number may belong to another program by now; only a postgres is stopped.
        return process.info().command().map(command -> command.contains("postgres")).orElse(false);
    }

    private static boolean isAlive(Optional<Long> pid) {
        return pid.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    private static Optional<Long> readPid(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
