package io.libres.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "jdbc:postgresql://db:5432/libres?user=app&password=S3cr%21t-x&ssl=true",
        "jdbc:postgresql://db:5432/libres?password=S3cr%21t-x",
        "jdbc:postgresql://app:S3cr%21t-x@db:5432/libres",
        "postgresql://app:S3cr%21t-x@db:5432/libres",
        "postgres://app:S3cr%21t-x@db/libres?sslmode=require",
        "postgresql+psycopg2://app:S3cr%21t-x@db:5432/libres",
        "could not connect to postgresql+psycopg://app:S3cr%21t-x@db/libres: refused",
        "host=db user=app password=S3cr%21t-x dbname=libres",
        "host=db password='S3cr%21t-x' dbname=libres",
        "{user=app, password=S3cr%21t-x}",
        "{\"user\":\"app\",\"password\":\"S3cr%21t-x\"}",
        "PASSWORD = S3cr%21t-x; next",
        "sslpassword=S3cr%21t-x"})
    @DisplayName("every dsn form and property style loses its password, and keeps the rest")
    void redacts(String text) {
        String redacted = Secrets.redact(text);

        assertThat(redacted).doesNotContain("S3cr").contains(Secrets.MASK);
        assertThat(Secrets.redact(redacted)).isEqualTo(redacted);
    }

    @Test
    @DisplayName("text without a password stays as it is")
    void leavesTheRest() {
        assertThat(Secrets.redact("jdbc:postgresql://db:5432/libres?user=app")).isEqualTo("jdbc:postgresql://db:5432/libres?user=app");
        assertThat(Secrets.redact("postgresql://app@db/libres")).isEqualTo("postgresql://app@db/libres");
        assertThat(Secrets.redact("postgresql://app:pw@db/libres?x=1")).isEqualTo("postgresql://app:***@db/libres?x=1");
        assertThat(Secrets.redact(null)).isEqualTo("null");
    }
}
