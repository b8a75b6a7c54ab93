package io.libres.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.spi.AllocationCriteria;
import io.libres.spi.UnitOfWork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The capability flags and hooks of {@link StorageContractTest}, checked against the storage, so
 * that a flag left at its default changes something visible: the checks each enables are reported
 * (as JUnit report entries), and a flag that contradicts the storage fails with what to override.
 */
public abstract class CapabilityContract extends ContractGroup {

    /**
     * Creates the group.
     *
     * @param fixture supplies the running test's fixture
     */
    protected CapabilityContract(Supplier<ContractFixture> fixture) {
        super(fixture);
    }

    @Test
    @DisplayName("supportsRealDatabase() agrees with dataSource(): a real database is readable raw, an in-memory"
            + " storage gives none; the enabled checks are reported")
    void realDatabaseFlag(TestReporter reporter) throws SQLException {
        ContractFixture f = fixture();
        if (f.realDatabase()) {
            try (Connection c = f.requireDataSource("check that it is the storage's database").getConnection();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT to_regclass('reserved_slots') IS NOT NULL")) {
                assertThat(rs.next() && rs.getBoolean(1)).as("dataSource() reaches the storage's database: its"
                        + " reserved_slots table exists after setupDatabase()").isTrue();
            }
            reporter.publishEntry("supportsRealDatabase", "true: data read back raw from the tables, SQLSTATEs of"
                    + " refused statements, conflicts allowed at the write, aborted transactions after a failed"
                    + " statement");
        } else {
            assertThat(f.dataSource()).as("dataSource() is given but supportsRealDatabase() is false, so the checks"
                    + " only a real database can pass are off (raw data, SQLSTATEs): override supportsRealDatabase()"
                    + " to return true").isNull();
            reporter.publishEntry("supportsRealDatabase", "false: conflicts expected at commit, no raw reads");
        }
    }

    @Test
    @DisplayName("statementCounter() counts the statements of the storage under test")
    void statementCounterCounts(TestReporter reporter) {
        StatementCounter counter = fixture().requireStatementCounter();
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            long before = counter.statements();
            work.allocations().find(AllocationCriteria.ofResource(resource)).list();
            assertThat(counter.statements() - before).as("statements counted for one find(..).list(); the counter"
                    + " must see every statement of the storage under test (build the storage on the"
                    + " CountingDataSource you return)").isEqualTo(1);
        }
        reporter.publishEntry("statementCounter", counter.getClass().getName());
    }
}
