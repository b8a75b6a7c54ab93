package io.libres.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.context.Context;
import io.libres.spi.Storage;
import io.libres.testkit.memory.InMemoryStorage;
import io.libres.testkit.postgres.Isolation;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("@LibresTest beside @WithPostgres")
class LibresTestWithPostgresTest {

    @Nested
    @WithPostgres(isolation = Isolation.PER_TEST)
    @LibresTest(storageProvider = ProbeStorageProvider.class)
    @DisplayName("with a SQL storage")
    class SqlStorage {

        TestDatabase database;

        @Test
        @DisplayName("runs the storage on the database @WithPostgres injects")
        void sameDatabase(DataSource dataSource, Context context) throws SQLException {
            assertThat(context.dsn()).hasValueSatisfying(dsn -> assertThat(dsn).startsWith(database.jdbcUrl()));
            assertThat(LibresTestSqlStorageTest.rows(dataSource, "SELECT dsn FROM " + ProbeStorageProvider.TABLE))
                    .containsExactly(context.dsn().orElseThrow());
        }
    }

    @Nested
    @WithPostgres
    @LibresTest
    @DisplayName("with the in-memory storage")
    class InMemory {

        @Test
        @DisplayName("injects the in-memory storage and, from @WithPostgres, a database beside it")
        void both(Storage storage, DataSource dataSource, TestDatabase database) throws SQLException {
            assertThat(storage).isInstanceOf(InMemoryStorage.class);
            assertThat(LibresTestSqlStorageTest.rows(dataSource, "SELECT current_database()"))
                    .containsExactly(database.databaseName());
        }
    }
}
