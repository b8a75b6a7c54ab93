package io.libres.jdbi;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.context.Settings;
import io.libres.db.Scheduler;
import io.libres.errors.InvalidSetting;
import io.libres.errors.LibresException;
import io.libres.errors.SchemaMissing;
import io.libres.postgres.PostgresDsn;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.time.DateRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The dsn forms libres 1.2 users have (libpq, SQLAlchemy) reach a real PostgreSQL, a database
 * without the libres tables says so and names setupDatabase, and no password appears in any
 * message, toString or log line of the failure paths.
 */
@DisplayName("dsn forms, missing tables and secrets on PostgreSQL through JDBI")
class DsnAndSecretsTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final DateRange MORNING = DateRange.of(LocalDateTime.of(2016, 5, 2, 8, 0),
            LocalDateTime.of(2016, 5, 2, 9, 0));

    private static TestDatabase database;
    private static String host;
    private static int port;

    @BeforeAll
    static void createDatabase() {
        database = Databases.create("jdbi-dsn");
        URI uri = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        host = uri.getHost();
        port = uri.getPort();
    }

    @AfterAll
    static void dropDatabase() {
        Databases.drop(database);
    }

    private static String userInfo() {
        String user = URLEncoder.encode(database.user(), StandardCharsets.UTF_8);
        return database.password().isEmpty() ? user
                : user + ":" + URLEncoder.encode(database.password(), StandardCharsets.UTF_8);
    }

    private static String libpq(String scheme) {
        return scheme + "://" + userInfo() + "@" + host + ":" + port + "/" + database.databaseName();
    }

    private static void bookAndCount(JdbiStorage storage) {
        Registry registry = Registry.createDefault();
        Context context = registry.registerContext("dsn-" + UUID.randomUUID());
        storage.install(context);
        Scheduler scheduler = new Scheduler(context, "room", ZURICH);
        scheduler.setupDatabase();
        scheduler.allocate(MORNING);
        scheduler.commit();
        assertThat(scheduler.managedAllocations().count()).isEqualTo(1);
        scheduler.extinguishManagedRecords();
        scheduler.commit();
    }

    @Test
    @DisplayName("libres 1.2's libpq URL postgresql://user:password@host:port/db connects")
    void libpqForm() {
        JdbiStorage storage = JdbiStorage.connect(libpq("postgresql"));
        try {
            bookAndCount(storage);
        } finally {
            storage.stopService();
        }
    }

    @Test
    @DisplayName("SQLAlchemy's postgresql+psycopg2:// and postgres:// connect too, also as the context's dsn setting")
    void sqlAlchemyForm() {
        for (String scheme : List.of("postgresql+psycopg2", "postgres")) {
            Context context = Registry.createDefault().registerContext("dsn-" + UUID.randomUUID());
            context.setSetting(Settings.DSN, libpq(scheme));
            JdbiStorage storage = (JdbiStorage) new JdbiStorageProvider().create(context);
            try {
                bookAndCount(storage);
            } finally {
                storage.stopService();
            }
        }
    }

    @Test
    @DisplayName("a database without the libres tables is a SchemaMissing naming setupDatabase, for writes and reads")
    void missingTables() {
        TestDatabase empty = Databases.create("jdbi-empty");
        var pool = Databases.pool(empty);
        try {
            Context context = Registry.createDefault().registerContext("empty-" + UUID.randomUUID());
            JdbiStorage.using(pool).install(context);
            Scheduler scheduler = new Scheduler(context, "room", ZURICH);
            assertThatThrownBy(() -> scheduler.allocate(MORNING)).isInstanceOf(SchemaMissing.class)
                    .hasMessageContaining("libres tables are missing").hasMessageContaining("setupDatabase()")
                    .hasMessageContaining("expected");
            scheduler.rollback();
            assertThatThrownBy(() -> scheduler.managedReservations().list()).isInstanceOf(SchemaMissing.class)
                    .hasMessageContaining("setupDatabase()");
            scheduler.rollback();
            scheduler.setupDatabase();
            assertThat(scheduler.allocate(MORNING)).hasSize(1);
            scheduler.rollback();
        } finally {
            pool.close();
            Databases.drop(empty);
        }
    }

    @Test
    @DisplayName("no failure path shows the password: messages, causes, stack traces, toString and log lines")
    void noSecretAnywhere() throws IOException {
        String secret = "S3cr3t-Pa55-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> dsns = List.of(
                "jdbc:postgresql://127.0.0.1:1/libres?user=app&password=" + secret,
                "jdbc:postgresql://app:" + secret + "@127.0.0.1:1/libres",
                "postgresql://app:" + secret + "@127.0.0.1:1/libres",
                "postgresql+psycopg2://app:" + secret + "@127.0.0.1:1/libres?sslmode=disable",
                "postgresql://no_such_role:" + secret + "@" + host + ":" + port + "/" + database.databaseName(),
                "postgresql://" + userInfo().split(":")[0] + ":" + secret + "@" + host + ":" + port + "/no_such_db");
        List<String> refused = List.of(
                "mysql://app:" + secret + "@db/libres",
                "host=db user=app password=" + secret + " dbname=libres",
                "jdbc:mysql://db/libres?password=" + secret,
                "postgresql://app:" + secret + "@db/libres?host=/tmp");
        List<String> seen = new ArrayList<>();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path config = Files.createTempFile("hikari", ".properties");
        Files.writeString(config, "connectionTimeout=500\n");
        System.setProperty("hikaricp.configurationFile", config.toString());
        try (PrintStream capture = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            System.setOut(capture);
            for (String dsn : dsns) {
                JdbiStorage storage = JdbiStorage.connect(dsn);
                seen.add(storage.toString());
                seen.add(PostgresDsn.parse(dsn).toString());
                Throwable failure = catchThrowable(() -> bookAndCount(storage));
                assertThat(failure).as(dsn.replace(secret, "***")).isInstanceOf(LibresException.class);
                seen.add(everything(failure));
                storage.stopService();
            }
            for (String dsn : refused) {
                Throwable failure = catchThrowable(() -> JdbiStorage.connect(dsn));
                assertThat(failure).isInstanceOf(InvalidSetting.class);
                seen.add(everything(failure));
                Context context = Registry.createDefault().registerContext("secret-" + UUID.randomUUID());
                Supplier<Object> setting = () -> {
                    context.setSetting("dsn", dsn);
                    return new JdbiStorageProvider().create(context);
                };
                seen.add(everything(catchThrowable(setting::get)));
            }
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
            System.clearProperty("hikaricp.configurationFile");
            Files.deleteIfExists(config);
        }
        seen.add(log.toString(StandardCharsets.UTF_8));
        assertThat(seen).hasSizeGreaterThan(dsns.size() * 3);
        assertThat(String.join("\n", seen)).doesNotContain(secret).contains("***");
    }

    /** A throwable's messages, toString and stack trace, with every cause and suppressed one. */
    private static String everything(Throwable failure) {
        if (failure == null) {
            return "";
        }
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        StringBuilder all = new StringBuilder(text.toString());
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append('\n').append(t).append('\n').append(t.getMessage());
            for (Throwable suppressed : t.getSuppressed()) {
                all.append('\n').append(everything(suppressed));
            }
        }
        return all.toString();
    }
}
