package io.libres.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The BOM")
class BomTest {

    /** Modules built but never published, so the BOM must not pin them. */
    private static final Set<String> UNPUBLISHED = Set.of("libres-bom", "libres-examples", "libres-architecture-tests",
            "libres-benchmarks", "libres-interop-tests",
            "libres-testkit-junit510", "libres-modulepath-test");

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    @DisplayName("pins every published module of the build, and nothing else")
    void pinsEveryPublishedModule() throws IOException {
        List<String> modules = all("<module>([^<]+)</module>", Files.readString(ROOT.resolve("pom.xml")));
        List<String> pinned = all("<artifactId>([^<]+)</artifactId>",
                dependencyManagement(Files.readString(ROOT.resolve("libres-bom/pom.xml"))));

        assertThat(modules).contains("libres-core", "libres-bom");
        assertThat(pinned).containsExactlyInAnyOrderElementsOf(
                modules.stream().filter(m -> !UNPUBLISHED.contains(m)).collect(Collectors.toList()));
    }

    @Test
    @DisplayName("has the version of the build, and inherits no third-party versions")
    void hasTheBuildVersionAndNoParent() throws IOException {
        String bom = Files.readString(ROOT.resolve("libres-bom/pom.xml"));
        String parent = Files.readString(ROOT.resolve("pom.xml"));

        assertThat(bom).doesNotContain("<parent>");
        assertThat(first("<version>([^<]+)</version>", bom)).isEqualTo(first("<version>([^<]+)</version>", parent));
    }

    private static String dependencyManagement(String pom) {
        return pom.substring(pom.indexOf("<dependencyManagement>"), pom.indexOf("</dependencyManagement>"));
    }

    private static List<String> all(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1).trim());
        }
        return found;
    }

    private static String first(String regex, String text) {
        return all(regex, text).get(0);
    }
}
