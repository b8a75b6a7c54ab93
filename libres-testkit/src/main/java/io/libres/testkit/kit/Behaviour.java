package io.libres.testkit.kit;

import io.libres.context.Context;
import io.libres.db.Scheduler;
import io.libres.db.models.Lookup;
import io.libres.time.DateRange;

import java.time.LocalDateTime;
import java.util.function.Supplier;

/**
 * The base of every capability group of the kit: access to the test's fixture.
 */
public abstract class Behaviour {

    private final Supplier<KitFixture> fixture;

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected Behaviour(Supplier<KitFixture> fixture) {
        this.fixture = fixture;
    }

    /** @return the fixture of the running test */
    protected KitFixture fixture() {
        return fixture.get();
    }

    /** @return the scheduler of the running test */
    protected Scheduler scheduler() {
        return fixture.get().scheduler();
    }

    /** @return the context of the running test */
    protected Context context() {
        return fixture.get().context();
    }

    /** @return the scheduler's lookup */
    protected Lookup lookup() {
        return scheduler().lookup();
    }

    /**
     * A local date-time in the scheduler's zone.
     *
     * @param year the year
     * @param month the month
     * @param day the day
     * @param hour the hour
     * @param minute the minute
     * @return the date-time
     */
    protected static LocalDateTime at(int year, int month, int day, int hour, int minute) {
        return KitFixture.at(year, month, day, hour, minute);
    }

    /**
     * A local date-time on the hour.
     *
     * @param year the year
     * @param month the month
     * @param day the day
     * @param hour the hour
     * @return the date-time
     */
    protected static LocalDateTime at(int year, int month, int day, int hour) {
        return KitFixture.at(year, month, day, hour, 0);
    }

    /**
     * A range of local date-times.
     *
     * @param start the start
     * @param end the end
     * @return the range
     */
    protected static DateRange range(LocalDateTime start, LocalDateTime end) {
        return KitFixture.range(start, end);
    }
}
