package io.libres.jooq;

import io.libres.spi.Storage;
import io.libres.testkit.sql.RecurrenceStatementCountKit;
import org.junit.jupiter.api.DisplayName;

import javax.sql.DataSource;

/** Runs the kit group {@link RecurrenceStatementCountKit} on the jOOQ adapter. */
@DisplayName("jOOQ: statements sent to PostgreSQL for a recurring series")
class RecurrenceStatementCountTest extends RecurrenceStatementCountKit {

    @Override
    protected Storage storageOn(DataSource dataSource) {
        return JooqStorage.using(dataSource);
    }

    @Override
    protected int chunkedWriteAllowance() {
        // one write is split into chunks below 32767 bind parameters: a year of rows may take two more
        return 2;
    }

    @Test
    @DisplayName("reading a blocker series back (rule and blockers) and removing it with its rule take fixed statements")
    void blockerSeriesReadAndRemoveAreSetBased() {
        sameFor("reading and removing a blocker series", count -> {
            Recurring recurring = recurring();
            recurring.allocate(daily(count, 8), AllocateOptions.builder().quota(2).build());
            SeriesBooking blocked = recurring.addBlockers(daily(count, 8), "cleaning", OccurrencePolicy.ALL_OR_NOTHING);
            recurring.scheduler().commit();
            return counting(() -> {
                assertThat(recurring.blockerSeries(blocked.token()).members()).hasSize(count);
                assertThat(recurring.scheduler().removeBlocker(blocked.token())).hasSize(count);
                recurring.scheduler().commit();
                assertThat(recurring.scheduler().blockerData(blocked.token())).isEmpty();
            });
        }, 12);
    }
}
