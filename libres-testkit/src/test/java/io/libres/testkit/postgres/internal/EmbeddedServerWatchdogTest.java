package io.libres.testkit.postgres.internal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server never outlives the JVM that started it, even one killed with kill -9. */
class EmbeddedServerWatchdogTest {

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the watchdog is a POSIX sh script; Windows has no kill -9 either")
    @DisplayName("kill -9 of a JVM that started the embedded server: the postmaster stops within seconds, its files go")
    void serverDiesWithItsJvm() throws Exception {
        String classPath = Optional.ofNullable(System.getProperty("surefire.test.class.path"))
                .orElse(System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", classPath, WatchdogChild.class.getName())
                .redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try {
            CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = lines.readLine()) != null; ) {
                        output.add(line);
                        if (line.startsWith("READY ")) {
                            return line;
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    return null;
                }
            });
            String line = ready.get(180, TimeUnit.SECONDS);
            assertThat(line).as("the child's output: %s", output).isNotNull();
            String[] parts = line.split(" ", 3);
            long postmaster = Long.parseLong(parts[1]);
            Path data = Path.of(parts[2]);
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);

            child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(137);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline && ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)) {
                Thread.sleep(100);
            }
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false))
                    .as("the postmaster %s is still running 20 s after its JVM was killed", postmaster).isFalse();
            while (System.nanoTime() < deadline && Files.exists(data)) {
                Thread.sleep(100);
            }
            assertThat(data).as("the data directory of the killed JVM's server").doesNotExist();
        } finally {
            child.destroyForcibly();
        }
    }
}
