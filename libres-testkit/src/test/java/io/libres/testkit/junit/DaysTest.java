package io.libres.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.errors.InvalidDateRange;
import io.libres.time.DateRange;
import io.libres.time.Timespan;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Days")
class DaysTest {

    static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Nested
    @DisplayName("finds the DST changes in the zone's rules")
    class DstChanges {

        @Test
        @DisplayName("Europe/Zurich 2026: spring-forward on 29 March, 23 hours long")
        void springForward() {
            DstChange spring = Days.springForward(ZURICH, 2026).orElseThrow();

            assertThat(spring.date()).isEqualTo(LocalDate.of(2026, 3, 29));
            assertThat(spring.isSpringForward()).isTrue();
            assertThat(spring.isFallBack()).isFalse();
            assertThat(spring.length()).isEqualTo(Duration.ofHours(23));
            assertThat(spring.day().resolve(ZURICH).duration()).isEqualTo(Duration.ofHours(23));
            assertThat(spring.transition().getDateTimeBefore()).isEqualTo(LocalDate.of(2026, 3, 29).atTime(2, 0));
        }

        @Test
        @DisplayName("Europe/Zurich 2026: fall-back on 25 October, 25 hours long")
        void fallBack() {
            DstChange autumn = Days.fallBack(ZURICH, 2026).orElseThrow();

            assertThat(autumn.date()).isEqualTo(LocalDate.of(2026, 10, 25));
            assertThat(autumn.isFallBack()).isTrue();
            assertThat(autumn.length()).isEqualTo(Duration.ofHours(25));
            assertThat(autumn.day().resolve(ZURICH).duration()).isEqualTo(Duration.ofHours(25));
        }

        @Test
        @DisplayName("Europe/Zurich 2026: exactly these two, spring first")
        void both() {
            assertThat(Days.dstChanges(ZURICH, 2026)).extracting(DstChange::date)
                    .containsExactly(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25));
        }

        @Test
        @DisplayName("follow the rules from year to year rather than a fixed date")
        void otherYear() {
            assertThat(Days.springForward(ZURICH, 2027)).hasValueSatisfying(change -> {
                assertThat(change.date()).isEqualTo(LocalDate.of(2027, 3, 28));
                assertThat(change.date().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            });
            assertThat(Days.springForward(ZoneId.of("America/New_York"), 2026))
                    .map(DstChange::date).hasValue(LocalDate.of(2026, 3, 8));
        }

        @Test
        @DisplayName("none in a zone without DST, nor in UTC")
        void noDst() {
            assertThat(Days.dstChanges(TOKYO, 2026)).isEmpty();
            assertThat(Days.springForward(TOKYO, 2026)).isEmpty();
            assertThat(Days.fallBack(TOKYO, 2026)).isEmpty();
            assertThat(Days.dstChanges(ZoneId.of("UTC"), 2026)).isEmpty();
            assertThat(Days.of(LocalDate.of(2026, 3, 29), TOKYO).resolve(TOKYO).duration())
                    .isEqualTo(Duration.ofHours(24));
        }
    }

    @Nested
    @DisplayName("makes ranges")
    class Ranges {

        @Test
        @DisplayName("a day: from its midnight in the zone to the next, whatever zone reads it")
        void day() {
            DateRange day = Days.of(LocalDate.of(2026, 7, 1), ZURICH);

            assertThat(day.start()).isEqualTo(ZonedDateTime.of(2026, 7, 1, 0, 0, 0, 0, ZURICH));
            assertThat(day.end()).isEqualTo(ZonedDateTime.of(2026, 7, 2, 0, 0, 0, 0, ZURICH));
            assertThat(day.resolve(TOKYO)).isEqualTo(day.resolve(ZURICH));
        }

        @Test
        @DisplayName("several days, the last included")
        void days() {
            Timespan span = Days.of(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 30), ZURICH).resolve(ZURICH);

            assertThat(span.duration()).isEqualTo(Duration.ofHours(3 * 24 - 1));
            assertThat(span.startIn(ZURICH).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 28));
            assertThat(span.endIn(ZURICH).toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        }

        @Test
        @DisplayName("a part of a day, one hour shorter across spring-forward")
        void partOfDay() {
            LocalDate spring = Days.springForward(ZURICH, 2026).orElseThrow().date();

            assertThat(Days.between(spring, LocalTime.of(1, 0), LocalTime.of(4, 0), ZURICH).resolve(ZURICH).duration())
                    .isEqualTo(Duration.ofHours(2));
            assertThat(Days.between(spring.plusDays(1), LocalTime.of(1, 0), LocalTime.of(4, 0), ZURICH)
                    .resolve(ZURICH).duration()).isEqualTo(Duration.ofHours(3));
        }

        @Test
        @DisplayName("a week from Monday to the next Monday, and its seven days in a row")
        void week() {
            LocalDate thursday = LocalDate.of(2026, 10, 22);
            DateRange week = Days.week(thursday, ZURICH);
            List<DateRange> days = Days.daysOfWeek(thursday, ZURICH);

            assertThat(((ZonedDateTime) week.start()).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(((ZonedDateTime) week.start()).toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 19));
            assertThat(week.resolve(ZURICH).duration()).isEqualTo(Duration.ofHours(7 * 24 + 1));
            assertThat(days).hasSize(7);
            assertThat(days.get(0).start()).isEqualTo(week.start());
            assertThat(days.get(6).end()).isEqualTo(week.end());
            for (int i = 1; i < days.size(); i++) {
                assertThat(days.get(i).start()).isEqualTo(days.get(i - 1).end());
            }
        }
    }

    @Nested
    @DisplayName("rejects")
    class Rejects {

        @Test
        @DisplayName("missing values and ranges that run backwards, with InvalidDateRange")
        void badInput() {
            LocalDate day = LocalDate.of(2026, 1, 5);
            assertThatThrownBy(() -> Days.of(null, ZURICH))
                    .isInstanceOf(InvalidDateRange.class).hasMessageContaining("date is missing");
            assertThatThrownBy(() -> Days.of(day, null))
                    .isInstanceOf(InvalidDateRange.class).hasMessageContaining("zone is missing");
            assertThatThrownBy(() -> Days.of(day, day.minusDays(1), ZURICH))
                    .isInstanceOf(InvalidDateRange.class).hasMessageContaining("before the first day");
            assertThatThrownBy(() -> Days.between(day, LocalTime.NOON, LocalTime.NOON, ZURICH))
                    .isInstanceOf(InvalidDateRange.class).hasMessageContaining("is not after the start time");
            assertThatThrownBy(() -> Days.dstChanges(null, 2026))
                    .isInstanceOf(InvalidDateRange.class).hasMessageContaining("zone is missing");
        }
    }

    @Nested
    @LibresTest
    @DisplayName("fit the scheduler")
    class WithScheduler {

        @Test
        @DisplayName("an allocation of the spring-forward day has 23 hourly slots")
        void allocationOnSpringForward(Scheduler scheduler) {
            DstChange spring = Days.springForward(scheduler.zone(), 2026).orElseThrow();

            Allocation allocation = scheduler.allocate(spring.day(),
                    AllocateOptions.builder().partlyAvailable(true).raster(60).build()).get(0);

            assertThat(allocation.countSlots()).isEqualTo((int) spring.length().toHours());
            assertThat(allocation.timespan()).isEqualTo(spring.day().resolve(scheduler.zone()).withStoredEnd());
        }
    }
}
