package io.libres.testkit.postgres.internal;

import io.libres.testkit.postgres.PostgresSource;

import java.sql.Connection;
import java.util.Optional;
import java.util.Properties;

import org.postgresql.Driver;
import org.postgresql.PGProperty;

/**
 * Uses the server named by {@code LIBRES_TEST_JDBC_URL}. The user and password may be
 * given in the URL ({@code ?user=...&password=...}) or in {@code LIBRES_TEST_JDBC_USER} and
 * {@code LIBRES_TEST_JDBC_PASSWORD}, which win over the URL's. The user must be allowed to
 * create databases.
 */
public final class ExternalServerStrategy implements ProvisioningStrategy {

    @Override
    public String name() {
        return Settings.JDBC_URL;
    }

    @Override
    public Optional<String> skipReason(Settings settings) {
        if (settings.get(Settings.JDBC_URL).isEmpty()) {
            return Optional.of("not set (neither as a system property nor as an environment variable)");
        }
        return Optional.empty();
    }

    @Override
    public ServerHandle start(Settings settings) throws Exception {
        String url = settings.get(Settings.JDBC_URL).orElseThrow();
        if (!JdbcUrls.isSupported(url)) {
            throw new IllegalArgumentException(Settings.JDBC_URL + " must look like"
                    + " jdbc:postgresql://host:port/database[?user=...&password=...], but was: " + url);
        }
        Properties inUrl = Driver.parseURL(url, new Properties());
        String user = settings.get(Settings.JDBC_USER)
                .orElseGet(() -> PGProperty.USER.getOrDefault(inUrl));
        if (user == null) {
            throw new IllegalArgumentException("no user for " + url + ": put ?user=... in "
                    + Settings.JDBC_URL + " or set " + Settings.JDBC_USER);
        }
        String password = settings.get(Settings.JDBC_PASSWORD)
                .orElseGet(() -> Optional.ofNullable(PGProperty.PASSWORD.getOrDefault(inUrl)).orElse(""));
        try (Connection ignored = DataSources.simple(url, user, password).getConnection()) {
            // Reaching the server is the whole check; the provisioner asks for its version next.
        }
        return new ServerHandle(PostgresSource.EXTERNAL_URL, url, user, password,
                Settings.JDBC_URL + "=" + JdbcUrls.withoutPassword(url) + " as " + user, () -> { });
    }

    @Override
    public boolean failureIsFinal() {
        return true;
    }
}
