package io.libres.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

@WithPostgres(isolation = Isolation.PER_TEST)
@Execution(ExecutionMode.CONCURRENT)
@DisplayName("@WithPostgres(isolation = PER_TEST), tests running concurrently")
class PerTestIsolationTest {

    private static final Set<String> DATABASES_SEEN = ConcurrentHashMap.newKeySet();

    DataSource dataSource;

    @BeforeEach
    void startsEmpty(TestDatabase database) throws Exception {
        assertThat(DATABASES_SEEN.add(database.databaseName()))
                .as("database %s is new to this test", database.databaseName())
                .isTrue();
        assertThat(Sql.tableExists(dataSource, "reservation")).isFalse();
    }

    @RepeatedTest(4)
    @DisplayName("each test gets an empty database of its own and writes to it unseen by the others")
    void writesItsOwnRows(TestDatabase database) throws Exception {
        Sql.execute(dataSource, "CREATE TABLE reservation (token text)");
        Sql.execute(dataSource, "INSERT INTO reservation VALUES ('" + database.databaseName() + "')");

        assertThat(Sql.single(dataSource, "SELECT string_agg(token, ',') FROM reservation"))
                .isEqualTo(database.databaseName());
    }
}
