package io.libres.testkit.postgres.internal;

import io.libres.testkit.postgres.PostgresSource;

import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The only class that touches Testcontainers; it is loaded only once a Docker engine answered.
 */
final class TestcontainersStarter {

    private TestcontainersStarter() {
    }

    static ServerHandle start(String image) {
        DockerImageName imageName = DockerImageName.parse(image).asCompatibleSubstituteFor("postgres");
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(imageName)
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off", "-c", "max_connections=300");
        container.start();
        return new ServerHandle(PostgresSource.TESTCONTAINERS, container.getJdbcUrl(), container.getUsername(),
                container.getPassword(), "image " + image + ", container " + container.getContainerId(),
                container::stop);
    }
}
