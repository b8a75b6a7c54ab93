package io.libres.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The quickstart's first -q run")
class BuildNoticeTest {

    @Test
    @DisplayName("says it is building and downloading before Maven does anything silent")
    void noticeSaysDownloading() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            BuildNotice.main(new String[0]);
        } finally {
            System.setOut(previous);
        }

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("libres quickstart: building")
                .contains("The first run downloads")
                .contains("under -q Maven prints none of that");
    }

    @Test
    @DisplayName("is run by the root POM's quickstart profile in the validate phase, from its source file, once")
    void rootProfileRunsTheNotice() throws Exception {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        String profile = pom.substring(pom.indexOf("<id>quickstart</id>"));
        profile = profile.substring(0, profile.indexOf("</profile>"));

        assertThat(profile)
                .contains("<id>quickstart-notice</id>")
                .contains("<phase>validate</phase>")
                .contains("<inherited>false</inherited>")
                .contains("libres-examples/src/main/java/io/libres/examples/quickstart/BuildNotice.java");
        assertThat(Files.exists(Path.of("src/main/java/io/libres/examples/quickstart/BuildNotice.java"))).isTrue();
    }
}
