package io.libres.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.libres.errors.AlreadyReservedError;
import io.libres.errors.LibresException;
import io.libres.errors.SerializationFailure;
import io.libres.errors.StorageException;
import io.libres.testkit.postgres.WithPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

@WithPostgres
@DisplayName("Translating PostgreSQL errors")
class SqlErrorsTest {

    private static final String ALLOCATION = "INSERT INTO allocations (resource, type, mirror_of, \"group\", quota,"
            + " quota_limit, partly_available, approve_manually, data, _start, _end, _raster, created) VALUES"
            + " ('%s', 'generic', '%1$s', gen_random_uuid(), 1, 0, false, false, '{}', '2031-01-01 09:00',"
            + " '2031-01-01 09:59:59.999999', 5, now())";

    DataSource dataSource;

    @BeforeEach
    void schema() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            LibresSchema.create(connection);
        }
    }

    private SQLException refused(String... statements) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            } catch (SQLException e) {
                connection.rollback();
                return e;
            }
            connection.rollback();
        }
        throw new AssertionError("expected the database to refuse one of " + String.join("; ", statements));
    }

    private static String slot(String resource) {
        return "INSERT INTO reserved_slots (resource, start, \"end\", allocation_id, source_type, reservation_token,"
                + " source_id, created) SELECT '" + resource + "', _start, _end, id, 'reservation', gen_random_uuid(),"
                + " 1, now() FROM allocations WHERE resource = '" + resource + "'";
    }

    @Test
    @DisplayName("a duplicate reserved slot (reserved_slots_pkey) becomes AlreadyReservedError")
    void duplicateSlot() throws SQLException {
        String resource = java.util.UUID.randomUUID().toString();
        SQLException error = refused(String.format(ALLOCATION, resource), slot(resource), slot(resource));

        LibresException translated = SqlErrors.translate("reserving", error);

        assertThat(SqlErrors.constraint(error)).contains(SqlErrors.RESERVED_SLOTS_KEY);
        assertThat(translated).isInstanceOf(AlreadyReservedError.class).hasCause(error)
                .hasMessageContaining("reserving");
    }

    @Test
    @DisplayName("another unique violation stays a StorageException with SQLSTATE 23505 and its cause")
    void otherUniqueViolation() throws SQLException {
        String resource = java.util.UUID.randomUUID().toString();
        SQLException error = refused(String.format(ALLOCATION, resource), String.format(ALLOCATION, resource));

        LibresException translated = SqlErrors.translate("allocating", error);

        assertThat(SqlErrors.constraint(error)).contains(SqlErrors.ALLOCATIONS_KEY);
        assertThat(translated).isExactlyInstanceOf(StorageException.class).hasCause(error);
        assertThat(((StorageException) translated).sqlState()).contains("23505");
        assertThat(((StorageException) translated).isRetryable()).isFalse();
    }

    @Test
    @DisplayName("a syntax error keeps its SQLSTATE (42601) and the server's message")
    void syntaxError() throws SQLException {
        SQLException error = refused("SELEKT 1");

        StorageException translated = (StorageException) SqlErrors.translate("reading", error);

        assertThat(translated.sqlState()).contains("42601");
        assertThat(translated).hasMessageContaining("SELEKT").hasMessageContaining("42601");
    }

    @Test
    @DisplayName("a real write skew under SERIALIZABLE (40001) becomes a retryable SerializationFailure")
    void serializationFailure() throws Exception {
        String resource = java.util.UUID.randomUUID().toString();
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection();
                Statement one = first.createStatement(); Statement two = second.createStatement()) {
            for (Connection c : new Connection[] {first, second}) {
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                c.setAutoCommit(false);
            }
            String count = "SELECT count(*) FROM allocations WHERE mirror_of = '" + resource + "'";
            one.executeQuery(count).close();
            two.executeQuery(count).close();
            one.execute(String.format(ALLOCATION, resource).replace("09:", "10:"));
            SQLException error = null;
            try {
                two.execute(String.format(ALLOCATION, resource).replace("09:", "11:"));
                first.commit();
                second.commit();
            } catch (SQLException e) {
                error = e;
            }
            assertThat((Object) error).as("one of the two transactions must fail").isNotNull();

            LibresException translated = SqlErrors.translate("allocating", error);

            assertThat(translated).isInstanceOf(SerializationFailure.class).hasCause(error);
            assertThat(((SerializationFailure) translated).isRetryable()).isTrue();
            assertThat(((SerializationFailure) translated).sqlState()).contains("40001");
        }
    }

    @Test
    @DisplayName("a detected deadlock (40P01) becomes a retryable SerializationFailure")
    void deadlock() throws Exception {
        String a = java.util.UUID.randomUUID().toString();
        String b = java.util.UUID.randomUUID().toString();
        try (Connection setup = dataSource.getConnection(); Statement s = setup.createStatement()) {
            s.execute(String.format(ALLOCATION, a));
            s.execute(String.format(ALLOCATION, b));
        }
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection();
                Statement one = first.createStatement(); Statement two = second.createStatement()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            String update = "UPDATE allocations SET quota = 2 WHERE resource = '%s'";
            one.execute(String.format(update, a));
            two.execute(String.format(update, b));
            CompletableFuture<SQLException> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    one.execute(String.format(update, b));
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            SQLException error = null;
            try {
                two.execute(String.format(update, a));
            } catch (SQLException e) {
                error = e;
            }
            SQLException other = waiting.get(1, TimeUnit.MINUTES);
            SQLException deadlock = error != null ? error : other;
            assertThat((Object) deadlock).isNotNull();

            SerializationFailure translated = catchThrowableOfType(SerializationFailure.class, () -> {
                throw SqlErrors.translate("changing quotas", deadlock);
            });

            assertThat(translated.sqlState()).contains("40P01");
            assertThat(translated.isRetryable()).isTrue();
            first.rollback();
            second.rollback();
        }
    }

    @Test
    @DisplayName("an error without SQLSTATE, or none at all, is a StorageException that says so")
    void withoutState() {
        SQLException bare = new SQLException("connection reset");

        assertThat(SqlErrors.translate("committing", bare)).isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("unknown").hasMessageContaining("connection reset");
        assertThat(SqlErrors.translate("committing", null)).isExactlyInstanceOf(StorageException.class);
        assertThat(SqlErrors.sqlState(new SQLException("outer", null, new SQLException("inner", "40001"))))
                .isEqualTo("40001");
        assertThat(SqlErrors.constraint(bare)).isEmpty();
    }
}
