package io.libres.testkit.postgres.internal;

import java.util.Optional;

/**
 * Starts PostgreSQL in a container with Testcontainers, but only after {@link DockerProbe}
 * found an engine that answers: no Testcontainers class is loaded before that, so a
 * machine without Docker pays nothing and a consumer may exclude the dependency.
 */
public final class DockerStrategy implements ProvisioningStrategy {

    /** The image started unless {@code LIBRES_TEST_POSTGRES_IMAGE} names another. */
    public static final String DEFAULT_IMAGE = "postgres:18-alpine";

    private static final String TESTCONTAINERS_CLASS = "org/testcontainers/containers/PostgreSQLContainer.class";

    @Override
    public String name() {
        return "Testcontainers (Docker)";
    }

    @Override
    public Optional<String> skipReason(Settings settings) {
        if (settings.get(Settings.DOCKER_ENABLED).filter("false"::equalsIgnoreCase).isPresent()) {
            return Optional.of(Settings.DOCKER_ENABLED + "=false");
        }
        DockerProbe.Result probe = new DockerProbe(settings).probe();
        if (!probe.answered()) {
            return Optional.of("no Docker engine answered: " + probe.detail());
        }
        if (DockerStrategy.class.getClassLoader().getResource(TESTCONTAINERS_CLASS) == null) {
            return Optional.of("a Docker engine answered, but org.testcontainers:postgresql is not on the class path");
        }
        return Optional.empty();
    }

    @Override
    public ServerHandle start(Settings settings) {
        return TestcontainersStarter.start(settings.get(Settings.DOCKER_IMAGE).orElse(DEFAULT_IMAGE));
    }
}
