package io.libres.testkit.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Data directories of JVMs that ended without cleaning up")
class AbandonedRunsTest {

    @Test
    @DisplayName("are removed, while those of living JVMs and unclaimed ones stay")
    void removesOnlyAbandonedRuns(@TempDir Path home) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process finished = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        finished.getInputStream().readAllBytes();
        finished.waitFor();
        Path abandoned = Files.createDirectories(home.resolve("run-abandoned").resolve("data"));
        Files.writeString(home.resolve("run-abandoned").resolve(AbandonedRuns.OWNER_FILE), Long.toString(finished.pid()));
        Path ours = Files.createDirectory(home.resolve("run-ours"));
        AbandonedRuns.claim(ours);
        Path unclaimed = Files.createDirectory(home.resolve("run-starting"));

        AbandonedRuns.removeAll(home);

        assertThat(abandoned.getParent()).doesNotExist();
        assertThat(ours).isDirectory();
        assertThat(unclaimed).isDirectory();
    }
}
