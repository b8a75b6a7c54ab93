package io.libres.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A release a team can take")
class ReleaseMetadataTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> UNPUBLISHED = Set.of("libres-examples", "libres-architecture-tests", "libres-benchmarks",
            "libres-testkit-junit510", "libres-modulepath-test");

    @Test
    @DisplayName("has an MIT LICENSE file, the licence every POM names")
    void licenseMatchesThePoms() throws IOException {
        String license = Files.readString(ROOT.resolve("LICENSE"));
        assertThat(license).startsWith("MIT License").contains("Permission is hereby granted, free of charge");
        for (String pom : List.of("pom.xml", "libres-bom/pom.xml")) {
            assertThat(Files.readString(ROOT.resolve(pom))).as(pom).contains("<name>MIT License</name>");
        }
    }

    @Test
    @DisplayName("gives the parent and the BOM (which has no parent) url, scm, licenses and developers")
    void parentAndBomHaveFullMetadata() throws IOException {
        for (String pom : List.of("pom.xml", "libres-bom/pom.xml")) {
            String text = Files.readString(ROOT.resolve(pom));
            assertThat(text).as(pom).contains("<url>https://github.com/libres-java/libres-java</url>", "<scm",
                    "<connection>scm:git:", "<licenses>", "<developers>", "<description>");
        }
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("child.project.url.inherit.append.path=\"false\"");
    }

    @Test
    @DisplayName("gives every published module a name and a description, and the parent the rest")
    void everyPublishedModuleInherits() throws IOException {
        List<String> modules = all("<module>([^<]+)</module>", Files.readString(ROOT.resolve("pom.xml")));
        List<String> published = modules.stream().filter(m -> !UNPUBLISHED.contains(m)).collect(Collectors.toList());
        assertThat(published).contains("libres-core", "libres-bom", "libres-flyway");
        for (String module : published) {
            String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
            assertThat(pom).as(module).contains("<name>" + module + "</name>").contains("<description>");
            if (!module.equals("libres-bom")) {
                assertThat(pom).as(module).contains("<artifactId>libres-parent</artifactId>");
            }
        }
        for (String module : UNPUBLISHED) {
            assertThat(Files.readString(ROOT.resolve(module).resolve("pom.xml"))).as(module)
                    .contains("<maven.deploy.skip>true</maven.deploy.skip>");
        }
    }

    @Test
    @DisplayName("has documentation whose links all lead to files inside the repository")
    void docsStayInside() throws IOException {
        List<Path> markdown;
        try (Stream<Path> files = Files.walk(ROOT, 3)) {
            markdown = files.filter(p -> p.toString().endsWith(".md")).filter(p -> !p.toString().contains("/target/"))
                    .collect(Collectors.toList());
        }
        assertThat(markdown).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/api-mapping.md"));
        List<String> broken = new ArrayList<>();
        for (Path file : markdown) {
            String text = Files.readString(file);
            for (String link : all("\\]\\(([^)#\\s]+)[^)]*\\)", text)) {
                if (link.startsWith("http://") || link.startsWith("https://") || link.startsWith("mailto:")) {
                    continue;
                }
                Path target = file.getParent().resolve(link).normalize();
                if (!target.startsWith(ROOT) || !Files.exists(target)) {
                    broken.add(ROOT.relativize(file) + " -> " + link);
                }
            }
            if (text.contains("`shared/") || text.contains("/work/")) {
                broken.add(ROOT.relativize(file) + " names a path outside the repository");
            }
        }
        assertThat(broken).isEmpty();
    }

    private static List<String> all(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1).trim());
        }
        return found;
    }
}
