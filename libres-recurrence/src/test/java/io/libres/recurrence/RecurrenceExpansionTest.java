package io.libres.recurrence;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("expanding a recurrence")
class RecurrenceExpansionTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1);

    private static List<LocalDate> days(Expansion expansion) {
        return expansion.occurrences().stream().map(Occurrence::day).collect(Collectors.toList());
    }

    @Test
    @DisplayName("a date UNTIL includes its day; a floating UNTIL its wall-clock time; an RRULE: prefix is accepted")
    void dateAndFloatingUntil() {
        Expansion byDay = Recurrence.of("RRULE:FREQ=DAILY;UNTIL=20270303", MONDAY, LocalTime.of(23, 0),
                Duration.ofMinutes(30)).expand(ZURICH, 10);
        assertThat(days(byDay)).containsExactly(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2));
        Expansion byTime = Recurrence.of("FREQ=DAILY;UNTIL=20270303T100000", MONDAY, LocalTime.of(10, 0),
                Duration.ofHours(1)).expand(ZURICH, 10);
        assertThat(byTime.occurrences()).hasSize(3);
        assertThat(Recurrence.of("FREQ=DAILY;UNTIL=20270303T095959", MONDAY, LocalTime.of(10, 0), Duration.ofHours(1))
                .expand(ZURICH, 10).occurrences()).hasSize(2);
    }

    @Test
    @DisplayName("the same UTC UNTIL ends a series at different occurrences in different zones")
    void utcUntilDependsOnTheZone() {
        Recurrence recurrence = Recurrence.of("FREQ=DAILY;UNTIL=20270303T090000Z", MONDAY, LocalTime.of(9, 30),
                Duration.ofHours(1));
        // 09:30 in Zurich is 08:30 UTC (before the end); in New York 14:30 UTC (after it)
        assertThat(recurrence.expand(ZURICH, 10).occurrences()).hasSize(3);
        assertThat(recurrence.expand(ZoneId.of("America/New_York"), 10).occurrences()).hasSize(2);
    }

    @Test
    @DisplayName("two ends, no end or a bad limit are refused with typed errors")
    void ends() {
        assertThatThrownBy(() -> Recurrence.of("FREQ=DAILY;COUNT=2", MONDAY, LocalTime.NOON, Duration.ofHours(1))
                .withUntil(ZonedDateTime.of(2027, 4, 1, 0, 0, 0, 0, ZURICH)).expand(ZURICH, 10))
                .isInstanceOf(InvalidRecurrenceRule.class).hasMessageContaining("COUNT");
        assertThatThrownBy(() -> Recurrence.of("FREQ=DAILY;UNTIL=20270401", MONDAY, LocalTime.NOON, Duration.ofHours(1))
                .withUntil(ZonedDateTime.of(2027, 4, 1, 0, 0, 0, 0, ZURICH)).expand(ZURICH, 10))
                .isInstanceOf(InvalidRecurrenceRule.class).hasMessageContaining("UNTIL");
        assertThatThrownBy(() -> Recurrence.of("FREQ=DAILY;COUNT=2;UNTIL=20270401", MONDAY, LocalTime.NOON,
                Duration.ofHours(1))).isInstanceOf(InvalidRecurrenceRule.class);
        assertThatThrownBy(() -> Recurrence.of("FREQ=DAILY;COUNT=2", MONDAY, LocalTime.NOON, Duration.ofHours(1))
                .expand(ZURICH, 0)).isInstanceOf(InvalidRecurrenceRule.class);
        assertThatThrownBy(() -> Recurrence.of("FREQ=DAILY;COUNT=2", MONDAY, LocalTime.NOON, Duration.ofHours(1))
                .expand(null, 1)).isInstanceOf(InvalidRecurrenceRule.class);
        assertThatThrownBy(() -> HolidayCalendar.of((LocalDate[]) null)).isInstanceOf(InvalidRecurrenceRule.class);
        assertThatThrownBy(() -> HolidayCalendar.of(java.util.Arrays.asList(MONDAY, null)))
                .isInstanceOf(InvalidRecurrenceRule.class);
    }

    @Test
    @DisplayName("COUNT counts rule instances: exceptions and holidays neither count against the limit nor add occurrences")
    void countAndLimit() {
        Recurrence recurrence = Recurrence.of("FREQ=DAILY;COUNT=5", MONDAY, LocalTime.NOON, Duration.ofHours(1))
                .withExceptions(MONDAY.plusDays(1)).withHolidays(HolidayCalendar.of(MONDAY.plusDays(3)));
        Expansion expansion = recurrence.expand(ZURICH, 3);
        assertThat(days(expansion)).containsExactly(MONDAY, MONDAY.plusDays(2), MONDAY.plusDays(4));
        assertThat(expansion.exceptions()).containsExactly(MONDAY.plusDays(1));
        assertThat(expansion.holidays()).containsExactly(MONDAY.plusDays(3));
        assertThatThrownBy(() -> recurrence.expand(ZURICH, 2)).isInstanceOf(TooManyOccurrences.class)
                .hasMessageContaining("more than 2");
    }

    @Test
    @DisplayName("a calendar that skips every day does not loop for ever")
    void everyDayAHoliday() {
        Recurrence recurrence = Recurrence.of("FREQ=DAILY;UNTIL=99991231", MONDAY, LocalTime.NOON, Duration.ofHours(1))
                .withHolidays(day -> true);
        assertThatThrownBy(() -> recurrence.expand(ZURICH, 10)).isInstanceOf(TooManyOccurrences.class)
                .hasMessageContaining("skips");
    }

    @Test
    @DisplayName("an occurrence keeps its wall-clock times, also in the night of the spring change")
    void wallClock() {
        Expansion nights = Recurrence.of("FREQ=DAILY;COUNT=3", LocalDate.of(2027, 3, 27), LocalTime.of(1, 0),
                Duration.ofHours(3)).expand(ZURICH, 10);
        assertThat(nights.occurrences()).extracting(Occurrence::start).containsExactly(
                LocalDateTime.of(2027, 3, 27, 1, 0), LocalDateTime.of(2027, 3, 28, 1, 0), LocalDateTime.of(2027, 3, 29, 1, 0));
        assertThat(nights.occurrences()).extracting(o -> o.end().toLocalTime()).containsOnly(LocalTime.of(4, 0));
    }

    @Test
    @DisplayName("the series in the data survives a round trip, and the caller's data is kept apart from it")
    void seriesData() {
        UUID id = UUID.randomUUID();
        SeriesPart part = new SeriesPart("FREQ=DAILY;COUNT=2", MONDAY, LocalTime.NOON, Duration.ofHours(1), ZURICH,
                null, List.of(MONDAY), List.of(), MONDAY);
        Map<String, Object> data = SeriesData.with(Map.of("room", "blue"), id, part,
                List.of(java.time.Instant.EPOCH, java.time.Instant.EPOCH.plusSeconds(60)));
        assertThat(SeriesData.id(data)).contains(id);
        assertThat(SeriesData.part(data)).contains(part);
        assertThat(SeriesData.withoutSeries(data)).isEqualTo(Map.of("room", "blue"));
        assertThat(SeriesData.id(Map.of())).isEmpty();
        assertThatThrownBy(() -> SeriesData.part(Map.of(SeriesData.KEY, "text"))).isInstanceOf(NotASeries.class);
        assertThatThrownBy(() -> SeriesData.part(Map.of(SeriesData.KEY, Map.of("rule", "FREQ=DAILY"))))
                .isInstanceOf(NotASeries.class);
        assertThatThrownBy(() -> SeriesData.id(Map.of(SeriesData.KEY, Map.of("id", "not-a-uuid"))))
                .isInstanceOf(NotASeries.class);
    }
}
