package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.Exposure;
import io.libres.db.Inclusion;
import io.libres.db.SearchHit;
import io.libres.db.SearchOptions;
import io.libres.db.Scheduler;
import io.libres.time.DateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Searching allocations. */
public abstract class SearchBehaviour extends Behaviour {

    private static final DateRange EVERYTHING = DateRange.of(Scheduler.MIN_INSTANT, Scheduler.MAX_INSTANT);

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected SearchBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    private int found(DateRange range) {
        return scheduler().searchAllocations(range).size();
    }

    private int found(DateRange range, SearchOptions options) {
        return scheduler().searchAllocations(range, options).size();
    }

    @Test
    @DisplayName("a search finds allocations overlapping the times of day within the dates")
    void search() {
        DateRange dates = range(at(2014, 8, 3, 13), at(2014, 8, 3, 15));
        assertThat(found(dates)).isZero();
        assertThat(found(EVERYTHING)).isZero();
        scheduler().allocate(dates, AllocateOptions.builder().quotaLimit(2).quota(4).build());
        assertThat(found(EVERYTHING)).isEqualTo(1);
        assertThat(found(dates)).isEqualTo(1);
        assertThat(found(range(at(2014, 8, 3, 12), at(2014, 8, 3, 14)))).isEqualTo(1);
        assertThat(found(range(at(2014, 8, 3, 11), at(2014, 8, 3, 14, 1)))).isEqualTo(1);
        // the end is exclusive: a search ending at 13:00 does not touch an allocation starting then
        assertThat(found(range(at(2014, 8, 3, 11), at(2014, 8, 3, 13)))).isZero();
        assertThat(found(dates, SearchOptions.builder().days(DayOfWeek.SUNDAY).build())).isEqualTo(1);
        assertThat(found(dates, SearchOptions.builder().days(DayOfWeek.MONDAY).build())).isZero();
    }

    @Test
    @DisplayName("a range ending at midnight covers its last day as a whole, and not the next day")
    void untilMidnight() {
        scheduler().allocate(range(at(2014, 8, 3, 9), at(2014, 8, 3, 10)));
        scheduler().allocate(range(at(2014, 8, 3, 23), at(2014, 8, 4, 0)));
        scheduler().allocate(range(at(2014, 8, 4, 0), at(2014, 8, 4, 1)));
        scheduler().allocate(range(at(2014, 8, 5, 15), at(2014, 8, 5, 16)));
        assertThat(found(range(at(2014, 8, 3, 0), at(2014, 8, 4, 0)))).isEqualTo(2);
        assertThat(found(range(at(2014, 8, 3, 0), at(2014, 8, 5, 0)))).isEqualTo(3);
        assertThat(found(range(at(2014, 8, 3, 0), at(2014, 8, 6, 0)))).isEqualTo(4);
        // from 14:00 on each day, up to the end of the day
        assertThat(found(range(at(2014, 8, 3, 14), at(2014, 8, 6, 0)))).isEqualTo(2);
        SearchOptions available = SearchOptions.builder().availableOnly(true).build();
        assertThat(found(range(at(2014, 8, 3, 0), at(2014, 8, 4, 0)), available)).isEqualTo(2);
        scheduler().approveReservations(scheduler().reserve("test@example.org", range(at(2014, 8, 3, 9),
                at(2014, 8, 3, 10))));
        assertThat(found(range(at(2014, 8, 3, 0), at(2014, 8, 4, 0)), available)).isEqualTo(1);
    }

    @Test
    @DisplayName("times of day that leave an empty window are refused instead of finding nothing")
    void emptyWindow() {
        scheduler().allocate(range(at(2014, 8, 3, 9), at(2014, 8, 3, 10)));
        assertThatThrownBy(() -> found(range(at(2014, 8, 1, 14), at(2014, 8, 5, 12))))
                .isInstanceOf(io.libres.errors.InvalidDateRange.class).hasMessageContaining("empty window");
        assertThatThrownBy(() -> found(range(at(2014, 8, 1, 10, 1), at(2014, 8, 5, 10))))
                .isInstanceOf(io.libres.errors.InvalidDateRange.class);
        // equal times of day find what overlaps that instant of each day, as in libres
        assertThat(found(range(at(2014, 8, 1, 9, 30), at(2014, 8, 5, 9, 30)))).isEqualTo(1);
        assertThat(found(range(at(2014, 8, 1, 9), at(2014, 8, 5, 10)))).isEqualTo(1);
    }

    @Test
    @DisplayName("allocations that are not exposed are not found")
    void exposure() {
        DateRange dates = range(at(2014, 8, 3, 13), at(2014, 8, 3, 15));
        scheduler().allocate(dates);
        context().setService(Exposure.KEY, ctx -> allocation -> false);
        assertThat(found(dates)).isZero();
        assertThat(scheduler().availability()).isZero();
        context().setService(Exposure.KEY, ctx -> allocation -> true);
        assertThat(found(dates)).isEqualTo(1);
    }

    @Test
    @DisplayName("available only leaves out full allocations")
    void availableOnly() {
        DateRange dates = range(at(2014, 8, 3, 13), at(2014, 8, 3, 15));
        scheduler().allocate(dates, AllocateOptions.builder().quota(4).build());
        SearchOptions available = SearchOptions.builder().availableOnly(true).build();
        assertThat(found(dates, available)).isEqualTo(1);
        for (int i = 0; i < 4; i++) {
            scheduler().approveReservations(scheduler().reserve("test@example.org", dates));
        }
        assertThat(found(dates, available)).isZero();
        assertThat(found(dates)).isEqualTo(1);
    }

    @Test
    @DisplayName("minspots honours the quota limit and the availability")
    void minspots() {
        DateRange dates = range(at(2014, 8, 3, 13), at(2014, 8, 3, 15));
        scheduler().allocate(dates, AllocateOptions.builder().quotaLimit(2).quota(4).build());
        assertThat(spots(dates)).containsExactly(1, 1, 0);
        reserve(dates, 2);
        assertThat(spots(dates)).containsExactly(1, 1, 0);
        reserve(dates, 1);
        assertThat(spots(dates)).containsExactly(1, 0, 0);
        reserve(dates, 1);
        assertThat(spots(dates)).containsExactly(0, 0, 0);
        assertThatThrownBy(() -> SearchOptions.builder().minspots(-1).build()).isInstanceOf(io.libres.errors.InvalidArgument.class);
    }

    private void reserve(DateRange dates, int times) {
        for (int i = 0; i < times; i++) {
            scheduler().approveReservations(scheduler().reserve("test@example.org", dates));
        }
    }

    private List<Integer> spots(DateRange dates) {
        return List.of(found(dates, SearchOptions.builder().minspots(1).build()),
                found(dates, SearchOptions.builder().minspots(2).build()),
                found(dates, SearchOptions.builder().minspots(3).build()));
    }

    @Test
    @DisplayName("weekdays are those of the scheduler's zone, also around midnight")
    void weekdaysInZone() {
        ZonedDateTime start = ZonedDateTime.of(2023, 3, 26, 0, 0, 0, 0, KitFixture.ZURICH);
        DateRange dates = DateRange.of(start, start.plusHours(1));
        scheduler().allocate(dates, AllocateOptions.builder().quotaLimit(2).quota(4).build());
        assertThat(found(EVERYTHING)).isEqualTo(1);
        assertThat(found(dates)).isEqualTo(1);
        assertThat(found(dates, SearchOptions.builder().days(DayOfWeek.SUNDAY).build())).isEqualTo(1);
        assertThat(found(dates, SearchOptions.builder().days(DayOfWeek.SATURDAY).build())).isZero();
        assertThat(found(dates, SearchOptions.builder().days(DayOfWeek.MONDAY).build())).isZero();
    }

    @Test
    @DisplayName("a found group member brings its group, unless strict")
    void groups() {
        DateRange first = range(at(2014, 8, 3, 13), at(2014, 8, 3, 15));
        DateRange second = range(at(2014, 8, 4, 13), at(2014, 8, 4, 15));
        scheduler().allocate(List.of(first, second), AllocateOptions.builder().grouped(true).build());
        assertThat(found(first, SearchOptions.builder().strict(true).build())).isEqualTo(1);
        assertThat(found(second, SearchOptions.builder().strict(true).build())).isEqualTo(1);
        List<SearchHit> hits = scheduler().searchAllocations(first);
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).extraResult()).isFalse();
        assertThat(hits.get(1).extraResult()).isTrue();
        assertThat(found(second)).isEqualTo(2);
        DateRange both = range(at(2014, 8, 3, 13), at(2014, 8, 4, 15));
        assertThat(found(both)).isEqualTo(2);
        assertThat(found(both, SearchOptions.builder().groups(Inclusion.YES).build())).isEqualTo(2);
        assertThat(found(both, SearchOptions.builder().groups(Inclusion.NO).build())).isZero();
    }

    @Test
    @DisplayName("whole-day allocations can be searched for or left out")
    void wholeDay() {
        scheduler().allocate(range(at(2014, 8, 18, 0), at(2014, 8, 18, 0)), AllocateOptions.builder().wholeDay(true).build());
        scheduler().allocate(range(at(2014, 8, 19, 10), at(2014, 8, 19, 11)));
        DateRange both = range(at(2014, 8, 18, 0), at(2014, 8, 19, 23, 59));
        assertThat(found(both, SearchOptions.builder().wholeDay(Inclusion.YES).build())).isEqualTo(1);
        assertThat(found(both, SearchOptions.builder().wholeDay(Inclusion.NO).build())).isEqualTo(1);
        assertThat(found(both)).isEqualTo(2);
    }

    @Test
    @DisplayName("a partly reserved whole day is available before its first reserved slot")
    void wholeDayRegression() {
        scheduler().allocate(range(at(2014, 8, 18, 0), at(2014, 8, 18, 0)),
                AllocateOptions.builder().wholeDay(true).partlyAvailable(true).build());
        scheduler().approveReservations(scheduler().reserve("test@example.org", range(at(2014, 8, 18, 10), at(2014, 8, 18, 11))));
        assertThat(found(range(at(2014, 8, 18, 8), at(2014, 8, 18, 9)), SearchOptions.builder().availableOnly(true).build()))
                .isEqualTo(1);
        assertThat(found(range(at(2014, 8, 18, 10), at(2014, 8, 18, 11)), SearchOptions.builder().availableOnly(true).build()))
                .isZero();
    }

    @Test
    @DisplayName("available only is not supported with blocking names, and says so")
    void availableOnlyWithBlocking() {
        Scheduler blocked = fixture().blockedScheduler();
        assertThatThrownBy(() -> blocked.searchAllocations(EVERYTHING, SearchOptions.builder().availableOnly(true).build()))
                .isInstanceOf(io.libres.errors.InvalidArgument.class).hasMessageContaining("not supported");
    }

    @Test
    @DisplayName("weekdays given as libres' abbreviations find the same allocations as days of the week")
    void weekdayAbbreviations() {
        // 2015-02-09 is a Monday
        for (int day = 9; day <= 15; day++) {
            scheduler().allocate(range(at(2015, 2, day, 10), at(2015, 2, day, 11)));
        }
        DateRange week = range(at(2015, 2, 9, 0), at(2015, 2, 15, 23, 55));
        List<SearchHit> byName = scheduler().searchAllocations(week, SearchOptions.builder().weekdays("mo", "WE", "su").build());
        List<SearchHit> byEnum = scheduler().searchAllocations(week,
                SearchOptions.builder().days(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SUNDAY).build());
        assertThat(byName).hasSize(3).isEqualTo(byEnum);
        assertThat(byName).extracting(h -> h.allocation().displayStart().getDayOfWeek())
                .containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SUNDAY);
        assertThat(scheduler().searchAllocations(week, SearchOptions.builder().weekdays().build())).hasSize(7);
    }

    @Test
    @DisplayName("minspots compares with the availability of master and mirrors, partly reserved mirrors included")
    void minspotsWithPartlyReservedMirrors() {
        DateRange dates = range(at(2014, 8, 3, 13), at(2014, 8, 3, 17));
        scheduler().allocate(dates, AllocateOptions.builder().partlyAvailable(true).raster(60).quota(2).build());
        DateRange twoHours = range(at(2014, 8, 3, 13), at(2014, 8, 3, 15));
        reserve(twoHours, 1);
        // the master is half reserved, the imaginary mirror free: 75 %
        assertThat(scheduler().availability(dates)).isEqualTo(75.0);
        assertThat(spots(dates)).containsExactly(1, 0, 0);
        reserve(twoHours, 1);
        // master and stored mirror both half reserved: 50 %, still enough for one spot
        assertThat(scheduler().availability(dates)).isEqualTo(50.0);
        assertThat(spots(dates)).containsExactly(1, 0, 0);
        reserve(range(at(2014, 8, 3, 15), at(2014, 8, 3, 16)), 1);
        assertThat(scheduler().availability(dates)).isEqualTo(37.5);
        assertThat(spots(dates)).containsExactly(0, 0, 0);
    }

    @Test
    @DisplayName("available only finds an allocation whose master is full while a mirror is free")
    void availableOnlyThroughMirror() {
        DateRange dates = range(at(2014, 8, 3, 13), at(2014, 8, 3, 17));
        scheduler().allocate(dates, AllocateOptions.builder().partlyAvailable(true).raster(60).quota(2).build());
        scheduler().allocate(range(at(2014, 8, 4, 13), at(2014, 8, 4, 17)),
                AllocateOptions.builder().partlyAvailable(true).raster(60).quota(2).build());
        SearchOptions available = SearchOptions.builder().availableOnly(true).build();
        DateRange early = range(at(2014, 8, 3, 13), at(2014, 8, 3, 14));
        reserve(early, 1);
        assertThat(scheduler().managedAllocations().count()).as("master only, the mirror is imaginary").isEqualTo(2);
        assertThat(found(early, available)).isEqualTo(1);
        reserve(range(at(2014, 8, 3, 15), at(2014, 8, 3, 16)), 2);
        assertThat(found(early, available)).as("the stored mirror is free at 13:00").isEqualTo(1);
        reserve(early, 1);
        assertThat(found(early, available)).as("master and mirror are taken at 13:00").isZero();
        assertThat(found(range(at(2014, 8, 3, 16), at(2014, 8, 3, 17)), available)).isEqualTo(1);
        DateRange bothDays = range(at(2014, 8, 3, 13), at(2014, 8, 4, 14));
        assertThat(scheduler().searchAllocations(bothDays, available)).extracting(h -> h.allocation().displayStart()
                .getDayOfMonth()).containsExactly(4);
    }

    @Test
    @DisplayName("a group is known as a group also when its other members lie outside the searched range")
    void groupsOutsideTheRange() {
        List<DateRange> days = List.of(range(at(2014, 8, 3, 13), at(2014, 8, 3, 15)),
                range(at(2014, 8, 5, 13), at(2014, 8, 5, 15)), range(at(2014, 8, 7, 13), at(2014, 8, 7, 15)));
        scheduler().allocate(days, AllocateOptions.builder().grouped(true).build());
        scheduler().allocate(range(at(2014, 8, 4, 13), at(2014, 8, 4, 15)));
        DateRange firstTwo = range(at(2014, 8, 3, 13), at(2014, 8, 4, 15));

        List<SearchHit> hits = scheduler().searchAllocations(firstTwo);

        assertThat(hits).extracting(h -> h.allocation().displayStart().getDayOfMonth()).containsExactly(3, 4, 5, 7);
        assertThat(hits).extracting(SearchHit::extraResult).containsExactly(false, false, true, true);
        assertThat(found(firstTwo, SearchOptions.builder().strict(true).build())).isEqualTo(2);
        assertThat(scheduler().searchAllocations(firstTwo, SearchOptions.builder().groups(Inclusion.NO).build()))
                .extracting(h -> h.allocation().displayStart().getDayOfMonth()).containsExactly(4);
        assertThat(scheduler().searchAllocations(firstTwo, SearchOptions.builder().groups(Inclusion.YES).strict(true)
                .build())).extracting(h -> h.allocation().displayStart().getDayOfMonth()).containsExactly(3);
    }
}
