package io.libres.testkit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.testkit.postgres.PostgresSource;
import io.libres.testkit.postgres.TestDatabase;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The dsn of a test database")
class DsnTest {

    @Test
    @DisplayName("adds the user, and the password when there is one, URL-encoded")
    void addsCredentials() {
        assertThat(Dsn.of(database("jdbc:postgresql://127.0.0.1:5432/db1", "postgres", "")))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/db1?user=postgres");
        assertThat(Dsn.of(database("jdbc:postgresql://h/db1?ssl=false", "ann", "p&ss w=rd")))
                .isEqualTo("jdbc:postgresql://h/db1?ssl=false&user=ann&password=p%26ss+w%3Drd");
    }

    @Test
    @DisplayName("leaves a URL that names its user as it is")
    void keepsUrlWithUser() {
        String url = "jdbc:postgresql://h/db1?user=bob&password=secret";
        assertThat(Dsn.of(database(url, "bob", "secret"))).isEqualTo(url);
    }

    private static TestDatabase database(String url, String user, String password) {
        return new TestDatabase(PostgresSource.EXTERNAL_URL, url, user, password, "db1", "18.2", 180002);
    }
}
