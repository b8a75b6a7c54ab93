package io.libres.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("JsonPath")
class JsonPathTest {

    @Test
    @DisplayName("renders the root, identifier keys, quoted keys and indexes")
    void renders() {
        JsonPath path = new JsonPath();
        assertThat(path).hasToString("$");

        path.enterKey("guests");
        path.enterIndex(2);
        path.enterKey("first name");
        path.enterKey("o'k\\");
        path.enterKey("");
        path.enterKey("$x");
        path.enterKey("Zürich");

        assertThat(path).hasToString("$.guests[2]['first name']['o\\'k\\\\']['']['$x']['Zürich']");
        assertThat(path.length()).isEqualTo(7);
    }

    @Test
    @DisplayName("steps back out with leave")
    void leaves() {
        JsonPath path = new JsonPath();
        path.enterKey("a");
        path.enterIndex(0);
        path.leave();

        assertThat(path).hasToString("$.a");
    }

    @Test
    @DisplayName("shortens very deep paths to their first and last steps")
    void shortens() {
        JsonPath path = new JsonPath();
        for (int i = 0; i < 100; i++) {
            path.enterIndex(i);
        }

        assertThat(path).hasToString("$[0][1][2][3][4][5][6][7]...[92][93][94][95][96][97][98][99]");
    }
}
