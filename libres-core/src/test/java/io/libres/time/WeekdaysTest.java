package io.libres.time;

import io.libres.db.FreeSlotQuery;
import io.libres.db.SearchOptions;
import io.libres.errors.InvalidArgument;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeekdaysTest {

    @Test
    @DisplayName("libres' abbreviations read as days of the week, whatever their case, and back")
    void abbreviations() {
        assertThat(Weekdays.parse("mo", "TU", " we ", "Th", "fr", "sa", "su")).isEqualTo(EnumSet.allOf(DayOfWeek.class));
        assertThat(Weekdays.parse(List.of())).isEmpty();
        for (DayOfWeek day : DayOfWeek.values()) {
            assertThat(Weekdays.parse(Weekdays.abbreviation(day))).containsExactly(day);
        }
        assertThat(Arrays.stream(DayOfWeek.values()).map(Weekdays::abbreviation))
                .containsExactly("mo", "tu", "we", "th", "fr", "sa", "su");
    }

    @Test
    @DisplayName("an unknown or missing abbreviation, or a missing day, is InvalidArgument naming what is expected")
    void badInput() {
        assertThatThrownBy(() -> Weekdays.parse("mon")).isInstanceOf(InvalidArgument.class)
                .hasMessageContaining("'mon' is unknown").hasMessageContaining("mo, tu");
        assertThatThrownBy(() -> Weekdays.parse(Arrays.asList("mo", null))).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> Weekdays.parse((List<String>) null)).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> Weekdays.copyOf(Arrays.asList(DayOfWeek.MONDAY, null))).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> Weekdays.abbreviation(null)).isInstanceOf(InvalidArgument.class);
    }

    @Test
    @DisplayName("every weekday parameter takes both forms: search options and free-slot queries")
    void everyParameterTakesBothForms() {
        Set<DayOfWeek> weekend = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        SearchOptions bySet = SearchOptions.builder().weekdays(weekend).build();
        assertThat(bySet.days()).isEqualTo(weekend);
        assertThat(SearchOptions.builder().weekdays("sa", "su").build()).isEqualTo(bySet);
        assertThat(SearchOptions.builder().weekdays(List.of("sa", "su")).build()).isEqualTo(bySet);
        assertThat(SearchOptions.builder().days(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).build()).isEqualTo(bySet);
        assertThat(SearchOptions.builder().days(weekend).build()).isEqualTo(bySet);

        FreeSlotQuery.Builder query = FreeSlotQuery.of(Duration.ofHours(1), LocalDate.of(2015, 2, 1), LocalDate.of(2015, 2, 28));
        FreeSlotQuery byDays = query.on(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).build();
        assertThat(query.on(weekend).build()).isEqualTo(byDays);
        assertThat(query.weekdays("sa", "su").build()).isEqualTo(byDays);
        assertThatThrownBy(() -> query.weekdays("sat")).isInstanceOf(InvalidArgument.class);
    }
}
