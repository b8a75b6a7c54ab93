package io.libres.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.errors.InvalidSetting;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresDsnTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db:5432/libres?user=app&password=s3cret&ssl=true | jdbc:postgresql://db:5432/libres?ssl=true",
        "jdbc:postgresql://app:s3cret@db:5432/libres | jdbc:postgresql://db:5432/libres",
        "postgresql://app:s3cret@db:5432/libres | jdbc:postgresql://db:5432/libres",
        "postgres://app:s3cret@db/libres?sslmode=require | jdbc:postgresql://db/libres?sslmode=require",
        "postgresql+psycopg2://app:s3cret@db:5432/libres | jdbc:postgresql://db:5432/libres",
        "postgresql+psycopg://app:s3cret@db:5432/libres?application_name=web | jdbc:postgresql://db:5432/libres?ApplicationName=web",
        "POSTGRESQL://app:s3cret@db1:5432,db2:5433/libres | jdbc:postgresql://db1:5432,db2:5433/libres",
        "postgresql://app:s3cret@[::1]:5432/libres | jdbc:postgresql://[::1]:5432/libres",
        "postgresql://app:s3cret@/libres | jdbc:postgresql://localhost/libres"})
    @DisplayName("the JDBC, libpq and SQLAlchemy forms give one JDBC URL without credentials")
    void forms(String dsn, String jdbcUrl) {
        PostgresDsn parsed = PostgresDsn.parse(dsn);

        assertThat(parsed.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(parsed.user()).contains("app");
        assertThat(parsed.password()).contains("s3cret");
        assertThat(parsed.toString()).doesNotContain("s3cret").contains("app").contains("***");
    }

    @Test
    @DisplayName("percent-escapes in user, password and database are decoded, as libpq does")
    void escapes() {
        PostgresDsn parsed = PostgresDsn.parse("postgresql://my%40user:p%40ss%2Fw+rd@db/lib%20res");

        assertThat(parsed.user()).contains("my@user");
        assertThat(parsed.password()).contains("p@ss/w+rd");
        assertThat(parsed.jdbcUrl()).isEqualTo("jdbc:postgresql://db/lib%20res");
        assertThat(PostgresDsn.parse("postgresql://db/libres").user()).isEmpty();
        assertThat(PostgresDsn.parse("postgresql://db/libres").password()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mysql://app:s3cret@db/libres", "jdbc:mysql://db/libres?password=s3cret",
        "host=db password=s3cret", "jdbc:postgresql+psycopg2://app:s3cret@db/libres",
        "postgresql://app:s3cret@db/libres?host=/var/run/postgresql", "postgresql://app:s3cret%ZZ@db/libres"})
    @DisplayName("other forms are an InvalidSetting that shows the dsn without its password")
    void refused(String dsn) {
        assertThatThrownBy(() -> PostgresDsn.parse(dsn)).isInstanceOf(InvalidSetting.class)
                .hasMessageContaining("expected").hasMessageNotContaining("s3cret");
    }

    @Test
    @DisplayName("a missing or blank dsn is an InvalidSetting")
    void missing() {
        assertThatThrownBy(() -> PostgresDsn.parse(null)).isInstanceOf(InvalidSetting.class)
                .hasMessageContaining("missing").hasMessageContaining("expected");
        assertThatThrownBy(() -> PostgresDsn.parse(" ")).isInstanceOf(InvalidSetting.class)
                .hasMessageContaining("blank");
    }
}
