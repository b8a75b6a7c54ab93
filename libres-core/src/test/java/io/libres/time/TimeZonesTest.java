package io.libres.time;

import io.libres.errors.InvalidDateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.Year;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeZonesTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    @Nested
    @DisplayName("reading values")
    class Reading {

        @Test
        @DisplayName("a local date-time is read in the scheduler's zone")
        void localIsReadInZone() {
            assertThat(TimeZones.toInstant(LocalDateTime.of(2015, 2, 9, 10, 0), ZURICH))
                    .isEqualTo(Instant.parse("2015-02-09T09:00:00Z"));
        }

        @Test
        @DisplayName("zoned, offset and instant values are taken as they are")
        void zonedValuesAreKept() {
            Instant utc = Instant.parse("2015-02-09T09:00:00Z");
            assertThat(TimeZones.toInstant(utc.atZone(ZoneId.of("America/New_York")), ZURICH)).isEqualTo(utc);
            assertThat(TimeZones.toInstant(OffsetDateTime.ofInstant(utc, ZoneOffset.ofHours(5)), ZURICH)).isEqualTo(utc);
            assertThat(TimeZones.toInstant(utc, ZURICH)).isEqualTo(utc);
        }

        @Test
        @DisplayName("values are truncated to microseconds, the storage precision")
        void truncatedToMicros() {
            assertThat(TimeZones.toInstant(Instant.parse("2015-02-09T09:00:00.123456789Z"), ZURICH))
                    .isEqualTo(Instant.parse("2015-02-09T09:00:00.123456Z"));
        }

        @Test
        @DisplayName("a local time in the spring-forward gap moves forward by the gap")
        void springForwardGap() {
            // 2026-03-29 02:30 does not exist in Zurich
            assertThat(TimeZones.toInstant(LocalDateTime.of(2026, 3, 29, 2, 30), ZURICH))
                    .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        }

        @Test
        @DisplayName("a local time in the fall-back overlap takes standard time, as libres does")
        void fallBackOverlap() {
            // 2026-10-25 02:30 exists twice in Zurich; standard time is +01:00
            assertThat(TimeZones.toInstant(LocalDateTime.of(2026, 10, 25, 2, 30), ZURICH))
                    .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
        }

        @Test
        @DisplayName("an unsupported temporal is a typed error")
        void unsupported() {
            assertThatThrownBy(() -> TimeZones.toInstant(Year.of(2020), ZURICH))
                    .isInstanceOf(InvalidDateRange.class).hasMessageContaining("Year");
            assertThatThrownBy(() -> new DateRange(Year.of(2020), Instant.EPOCH))
                    .isInstanceOf(InvalidDateRange.class).hasMessageContaining("start");
            assertThatThrownBy(() -> new DateRange(Instant.EPOCH, null))
                    .isInstanceOf(InvalidDateRange.class).hasMessageContaining("end is missing");
        }

        @Test
        @DisplayName("a date range of mixed kinds resolves each value by its kind")
        void mixedRange() {
            DateRange range = new DateRange(LocalDate.of(2015, 2, 9), Instant.parse("2015-02-09T12:00:00Z"));
            assertThat(range.resolve(ZURICH)).isEqualTo(new Timespan(
                    Instant.parse("2015-02-08T23:00:00Z"), Instant.parse("2015-02-09T12:00:00Z")));
        }
    }

    @Nested
    @DisplayName("whole days across daylight-saving changes")
    class WholeDays {

        @Test
        @DisplayName("aligning the spring-forward day gives 23 hours")
        void springForwardDay() {
            Timespan day = TimeZones.alignToDay(DateRange.of(LocalDateTime.of(2026, 3, 29, 10, 0),
                    LocalDateTime.of(2026, 3, 29, 11, 0)).resolve(ZURICH), ZURICH);
            assertThat(day.start()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
            assertThat(day.end()).isEqualTo(Instant.parse("2026-03-29T21:59:59.999999Z"));
            assertThat(day.duration().plus(Timespan.MICROSECOND)).isEqualTo(Duration.ofHours(23));
            assertThat(TimeZones.isWholeDay(day.start(), day.end(), ZURICH)).isTrue();
        }

        @Test
        @DisplayName("aligning the fall-back day gives 25 hours")
        void fallBackDay() {
            Timespan day = TimeZones.alignToDay(DateRange.of(LocalDateTime.of(2026, 10, 25, 10, 0),
                    LocalDateTime.of(2026, 10, 25, 11, 0)).resolve(ZURICH), ZURICH);
            assertThat(day.start()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
            assertThat(day.duration().plus(Timespan.MICROSECOND)).isEqualTo(Duration.ofHours(25));
            assertThat(TimeZones.isWholeDay(day.start(), day.end(), ZURICH)).isTrue();
        }

        @Test
        @DisplayName("a whole day is relative to the zone")
        void relativeToZone() {
            Instant start = Instant.parse("2013-01-01T23:00:00Z");
            Instant end = Instant.parse("2013-01-02T23:00:00Z");
            assertThat(TimeZones.isWholeDay(start, end, ZURICH)).isTrue();
            assertThat(TimeZones.isWholeDay(start, end, ZoneOffset.UTC)).isFalse();
            assertThat(TimeZones.isWholeDay(start, Instant.parse("2013-01-02T22:59:59.999999Z"), ZURICH)).isTrue();
        }

        @Test
        @DisplayName("a whole-day check on a backwards span is a typed error")
        void backwards() {
            assertThatThrownBy(() -> TimeZones.isWholeDay(Instant.parse("2013-01-01T15:00:00Z"),
                    Instant.parse("2013-01-01T00:00:00Z"), ZURICH))
                    .isInstanceOf(InvalidDateRange.class).hasMessageContaining("before the start");
        }

        @Test
        @DisplayName("the weekday is taken in the zone, not in UTC")
        void weekdayInZone() {
            // Sunday 00:30 in Zurich is still Saturday in UTC
            Instant sundayInZurich = ZonedDateTime.of(2026, 3, 29, 0, 30, 0, 0, ZURICH).toInstant();
            assertThat(TimeZones.dayOfWeek(sundayInZurich, ZURICH)).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(TimeZones.dayOfWeek(sundayInZurich, ZoneOffset.UTC)).isEqualTo(DayOfWeek.SATURDAY);
        }
    }

    @Nested
    @DisplayName("reservation length")
    class ReservationLength {

        private boolean valid(LocalDateTime start, LocalDateTime end) {
            return TimeZones.isValidReservationLength(DateRange.of(start, end).resolve(ZURICH), ZURICH);
        }

        @Test
        @DisplayName("up to a whole day is allowed, more is not")
        void wholeDayLimit() {
            assertThat(valid(LocalDateTime.of(2017, 1, 1, 0, 0), LocalDateTime.of(2017, 1, 2, 0, 0).minusNanos(1000))).isTrue();
            assertThat(valid(LocalDateTime.of(2017, 1, 1, 0, 0), LocalDateTime.of(2017, 1, 2, 0, 0))).isTrue();
            assertThat(valid(LocalDateTime.of(2017, 1, 1, 1, 0), LocalDateTime.of(2017, 1, 2, 1, 0))).isFalse();
        }

        @Test
        @DisplayName("the 25-hour fall-back day may be reserved whole, but 24 hours across it not")
        void fallBackDay() {
            assertThat(valid(LocalDateTime.of(2016, 10, 29, 0, 0), LocalDateTime.of(2016, 10, 30, 0, 0))).isTrue();
            assertThat(valid(LocalDateTime.of(2016, 10, 30, 0, 0), LocalDateTime.of(2016, 10, 31, 0, 0))).isTrue();
            assertThat(valid(LocalDateTime.of(2016, 10, 29, 1, 0), LocalDateTime.of(2016, 10, 30, 1, 0))).isFalse();
        }
    }
}
