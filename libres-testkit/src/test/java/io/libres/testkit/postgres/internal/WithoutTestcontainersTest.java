package io.libres.testkit.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Docker step")
class WithoutTestcontainersTest {

    @Test
    @DisplayName("recognises an engine by its answer to the ping")
    void recognisesAnEngine() throws Exception {
        try (FakeDockerEngine engine = new FakeDockerEngine()) {
            DockerProbe.Result result = new DockerProbe(Settings.of(Map.of("DOCKER_HOST", engine.url()))).probe();

            assertThat(result.answered()).isTrue();
            assertThat(result.detail()).contains(engine.url()).endsWith(": answered");
            assertThat(new DockerStrategy().skipReason(Settings.of(Map.of("DOCKER_HOST", engine.url())))).isEmpty();
        }
    }

    @Test
    @DisplayName("works without Testcontainers on the class path: it skips when Docker is absent or Testcontainers is")
    void worksWithoutTestcontainers() throws Exception {
        try (FakeDockerEngine engine = new FakeDockerEngine();
             URLClassLoader withoutTestcontainers = new URLClassLoader(classPathWithoutTestcontainers(),
                     ClassLoader.getPlatformClassLoader())) {
            Class<?> check = Class.forName(IsolatedCheck.class.getName(), true, withoutTestcontainers);
            @SuppressWarnings("unchecked")
            Callable<List<String>> isolated = (Callable<List<String>>) check.getConstructor(String.class)
                    .newInstance(engine.url());

            List<String> findings = isolated.call();

            assertThat(findings).containsExactly(
                    "testcontainers absent",
                    "skipped: no Docker engine answered: DOCKER_HOST=unix:///nonexistent/docker.sock: no such socket",
                    "skipped: a Docker engine answered, but org.testcontainers:postgresql is not on the class path");
        }
    }

    private static URL[] classPathWithoutTestcontainers() throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isEmpty() && !entry.contains("testcontainers")) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** Runs inside the class loader that lacks Testcontainers. */
    public static final class IsolatedCheck implements Callable<List<String>> {

        private final String engineUrl;

        /**
         * Remembers where the fake engine listens.
         *
         * @param engineUrl the fake engine's DOCKER_HOST
         */
        public IsolatedCheck(String engineUrl) {
            this.engineUrl = engineUrl;
        }

        @Override
        public List<String> call() {
            List<String> findings = new ArrayList<>();
            try {
                Class.forName("org.testcontainers.containers.PostgreSQLContainer");
                findings.add("testcontainers present");
            } catch (ClassNotFoundException e) {
                findings.add("testcontainers absent");
            }
            DockerStrategy docker = new DockerStrategy();
            for (String dockerHost : List.of("unix:///nonexistent/docker.sock", engineUrl)) {
                Optional<String> skip = docker.skipReason(Settings.of(Map.of("DOCKER_HOST", dockerHost)));
                findings.add(skip.map(reason -> "skipped: " + reason).orElse("would start a container"));
            }
            return findings;
        }
    }

    /** Answers every connection like a Docker engine answers {@code GET /_ping}. */
    private static final class FakeDockerEngine implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        private final Thread thread = new Thread(this::serve, "fake-docker-engine");

        FakeDockerEngine() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "tcp://127.0.0.1:" + server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    in.read(new byte[1024]);
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
