package io.libres.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Two classes run this concurrently: each must find its class database empty, which it
 * would not if the other's rows were visible.
 */
@WithPostgres
@Execution(ExecutionMode.CONCURRENT)
abstract class PerClassIsolation {

    private static final Set<String> DATABASES_SEEN = ConcurrentHashMap.newKeySet();

    DataSource dataSource;

    @BeforeAll
    static void claimsAnEmptyDatabase(TestDatabase database, DataSource classDataSource) throws Exception {
        assertThat(DATABASES_SEEN.add(database.databaseName())).isTrue();
        assertThat(Sql.tableExists(classDataSource, "allocation")).isFalse();
        Sql.execute(classDataSource, "CREATE TABLE allocation (owner text)");
        Sql.execute(classDataSource, "INSERT INTO allocation VALUES ('" + database.databaseName() + "')");
    }

    @Test
    @DisplayName("sees the rows its class wrote, and none of the other class")
    void seesOnlyItsOwnClassRows(TestDatabase database) throws Exception {
        assertThat(Sql.single(dataSource, "SELECT string_agg(owner, ',') FROM allocation"))
                .isEqualTo(database.databaseName());
    }
}
