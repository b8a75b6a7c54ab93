package io.libres.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.context.Context;
import io.libres.spi.Storage;
import io.libres.testkit.postgres.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@LibresTest(storageProvider = ProbeStorageProvider.class)
@DisplayName("@LibresTest with a SQL storage")
class LibresTestSqlStorageTest {

    DataSource dataSource;
    TestDatabase database;
    Context context;
    Storage storage;

    @Test
    @DisplayName("sets the test database as the context's dsn, with its user, and sets the database up there")
    void dsnAndSetup() throws SQLException {
        assertThat(context.dsn()).hasValueSatisfying(dsn -> assertThat(dsn)
                .startsWith(database.jdbcUrl()).contains("user=" + database.user()));
        assertThat(storage).isInstanceOfSatisfying(ProbeStorageProvider.ProbeStorage.class,
                probe -> assertThat(probe.dsn()).isEqualTo(context.dsn().orElseThrow()));
        assertThat(rows(dataSource, "SELECT dsn FROM " + ProbeStorageProvider.TABLE))
                .contains(context.dsn().orElseThrow());
    }

    @Test
    @DisplayName("injects the database into parameters too, the same one as into fields")
    void parameters(DataSource dataSource, TestDatabase database) throws SQLException {
        assertThat(database).isEqualTo(this.database);
        assertThat(rows(dataSource, "SELECT current_database()")).containsExactly(this.database.databaseName());
    }

    static List<String> rows(DataSource dataSource, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
