package io.libres.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@WithPostgres
@DisplayName("The libres schema")
class LibresSchemaTest {

    private static DataSource dataSource;

    @BeforeAll
    static void useTestDatabase(TestDatabase database) {
        dataSource = database.dataSource();
    }

    private static Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    @Test
    @DisplayName("is exactly the schema libres 1.2 creates (types, columns, defaults, sequences, constraints, indexes),"
            + " plus libres for Java's own table")
    void matchesLibres12() throws Exception {
        try (Connection connection = connect()) {
            SchemaSnapshot.execute(connection, "DROP SCHEMA IF EXISTS ref CASCADE; DROP SCHEMA IF EXISTS ours CASCADE;"
                    + "CREATE SCHEMA ref; CREATE SCHEMA ours;");
            SchemaSnapshot.execute(connection, "SET search_path TO ref; "
                    + reference().replace("public.", "ref."));
            SchemaSnapshot.execute(connection, "SET search_path TO ours");
            LibresSchema.create(connection);

            SchemaSnapshot.execute(connection, "SET search_path TO ref");
            SchemaSnapshot expected = SchemaSnapshot.of(connection, "ref");
            SchemaSnapshot.execute(connection, "SET search_path TO ours");
            SchemaSnapshot actual = SchemaSnapshot.of(connection, "ours");

            assertThat(expected.types()).hasSize(4);
            assertThat(expected.columns()).hasSize(16 + 11 + 16 + 9);
            assertThat(expected.indexes()).hasSize(36);
            // libres 1.2's tables exactly; libres for Java's own table beside them, and nothing else
            assertThat(actual.types()).containsExactlyElementsOf(expected.types());
            assertThat(libres(actual.columns())).containsExactlyElementsOf(expected.columns());
            assertThat(actual.sequences()).containsExactlyElementsOf(expected.sequences());
            assertThat(libres(actual.constraints())).containsExactlyElementsOf(expected.constraints());
            assertThat(libres(actual.indexes())).containsExactlyElementsOf(expected.indexes());
            assertThat(java(actual.columns())).containsExactly("libres_java_blocker_data.1 resource uuid NOT NULL",
                    "libres_java_blocker_data.2 token uuid NOT NULL", "libres_java_blocker_data.3 data jsonb NOT NULL");
            assertThat(java(actual.indexes())).singleElement().asString().contains("libres_java_blocker_data_pkey")
                    .contains("(resource, token)");
        }
    }

    private static List<String> libres(List<String> entries) {
        return entries.stream().filter(e -> !e.contains("libres_java_")).collect(java.util.stream.Collectors.toList());
    }

    private static List<String> java(List<String> entries) {
        return entries.stream().filter(e -> e.contains("libres_java_")).collect(java.util.stream.Collectors.toList());
    }

    @Test
    @DisplayName("without the GiST index is libres 1.2's schema less exactly start_end_tsrange_ix, and the check"
            + " asks for that index only with it")
    void withoutGistIndex() throws Exception {
        try (Connection connection = connect()) {
            SchemaSnapshot.execute(connection, "DROP SCHEMA IF EXISTS full_ix CASCADE; DROP SCHEMA IF EXISTS no_gist CASCADE;"
                    + "CREATE SCHEMA full_ix; CREATE SCHEMA no_gist;");
            SchemaSnapshot.execute(connection, "SET search_path TO full_ix");
            LibresSchema.create(connection);
            SchemaSnapshot full = SchemaSnapshot.of(connection, "full_ix");
            SchemaSnapshot.execute(connection, "SET search_path TO no_gist");
            LibresSchema.create(connection, false);
            SchemaSnapshot without = SchemaSnapshot.of(connection, "no_gist");

            assertThat(without.indexes()).hasSize(full.indexes().size() - 1);
            assertThat(full.indexes()).containsAll(without.indexes());
            assertThat(full.indexes()).filteredOn(index -> !without.indexes().contains(index)).singleElement()
                    .asString().contains(LibresSchema.GIST_INDEX).contains("gist");
            assertThat(without.columns()).isEqualTo(full.columns());
            assertThat(without.constraints()).isEqualTo(full.constraints());
            assertThat(LibresSchema.validate(connection, false).isComplete()).isTrue();
            assertThat(LibresSchema.validate(connection).problems())
                    .containsExactly("index reserved_slots." + LibresSchema.GIST_INDEX + " is missing");
            assertThat(LibresSchema.ddl(false)).doesNotContain("USING gist").hasSize(LibresSchema.ddl().length()
                    - ("CREATE INDEX IF NOT EXISTS start_end_tsrange_ix ON reserved_slots USING gist (tsrange(start, \"end\"));\n")
                            .length());

            // without the index, an existing one is left alone and accepted
            SchemaSnapshot.execute(connection, "SET search_path TO full_ix");
            LibresSchema.create(connection, false);
            assertThat(SchemaSnapshot.of(connection, "full_ix")).isEqualTo(full);
            assertThat(LibresSchema.validate(connection, false).isComplete()).isTrue();
        }
    }

    @Test
    @DisplayName("can be created again, and by several connections at once, without change or error")
    void isIdempotentUnderConcurrency() throws Exception {
        try (Connection connection = connect()) {
            SchemaSnapshot.execute(connection, "DROP SCHEMA IF EXISTS twice CASCADE; CREATE SCHEMA twice");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Void>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Void> setup = () -> {
                    try (Connection connection = connect()) {
                        SchemaSnapshot.execute(connection, "SET search_path TO twice");
                        LibresSchema.create(connection);
                    }
                    return null;
                };
                runs.add(pool.submit(setup));
            }
            for (Future<Void> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection connection = connect()) {
            SchemaSnapshot.execute(connection, "SET search_path TO twice");
            SchemaSnapshot once = SchemaSnapshot.of(connection, "twice");
            LibresSchema.create(connection);
            assertThat(SchemaSnapshot.of(connection, "twice")).isEqualTo(once);
            assertThat(once.indexes()).hasSize(36 + 1);
        }
    }

    @Test
    @DisplayName("rolls back and leaves nothing behind when the server refuses it")
    void leavesNothingOnFailure() throws Exception {
        try (Connection connection = connect()) {
            SchemaSnapshot.execute(connection, "DROP SCHEMA IF EXISTS broken CASCADE; CREATE SCHEMA broken;"
                    + "SET search_path TO broken; CREATE TABLE reserved_slots (resource text)");
            assertThatThrownBy(() -> LibresSchema.create(connection)).isInstanceOf(SQLException.class);
            SchemaSnapshot after = SchemaSnapshot.of(connection, "broken");
            assertThat(after.types()).isEmpty();
            assertThat(after.columns()).containsExactly("reserved_slots.1 resource text");
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    private static String reference() throws IOException {
        try (InputStream in = LibresSchemaTest.class.getResourceAsStream("libres-1.2-reference-schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
