package io.libres.db;

import io.libres.errors.InvalidAllocationError;
import io.libres.errors.InvalidQuota;
import io.libres.errors.InvalidRaster;
import io.libres.errors.LibresException;
import io.libres.time.Raster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    @DisplayName("allocate options default to libres' defaults and copy the data")
    void allocateDefaults() {
        AllocateOptions defaults = AllocateOptions.DEFAULTS;
        assertThat(defaults.raster()).isEqualTo(Raster.FIVE);
        assertThat(defaults.quota()).isEqualTo(1);
        assertThat(defaults.quotaLimit()).isZero();
        assertThat(defaults.data()).isEmpty();
        Map<String, Object> data = new HashMap<>(Map.of("a", 1));
        AllocateOptions options = AllocateOptions.builder().data(data).raster(15).partlyAvailable(true).quota(4).build();
        data.put("b", 2);
        assertThat(options.data()).containsOnlyKeys("a");
        assertThat(options.raster()).isEqualTo(Raster.FIFTEEN);
    }

    @Test
    @DisplayName("bad allocate options are typed errors")
    void allocateInvalid() {
        assertThatThrownBy(() -> AllocateOptions.builder().raster(20)).isInstanceOf(InvalidRaster.class);
        assertThatThrownBy(() -> AllocateOptions.builder().quota(-1).build()).isInstanceOf(InvalidQuota.class)
                .hasMessageContaining("expected 1 or more");
        assertThatThrownBy(() -> AllocateOptions.builder().partlyAvailable(true).grouped(true).build())
                .isInstanceOf(InvalidAllocationError.class);
    }

    @Test
    @DisplayName("reserve, move and search options validate their numbers")
    void otherOptions() {
        assertThatThrownBy(() -> ReserveOptions.builder().quota(0).build()).isInstanceOf(InvalidQuota.class);
        assertThatThrownBy(() -> MoveOptions.builder().newQuota(0).build()).isInstanceOf(InvalidQuota.class);
        assertThatThrownBy(() -> MoveOptions.builder().quotaLimit(-1).build()).isInstanceOf(InvalidQuota.class);
        assertThatThrownBy(() -> SearchOptions.builder().minspots(-2).build()).isInstanceOf(LibresException.class);
        SearchOptions search = SearchOptions.builder().days(DayOfWeek.MONDAY, DayOfWeek.SUNDAY).build();
        assertThat(search.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.SUNDAY);
        assertThat(search.wholeDay()).isEqualTo(Inclusion.ANY);
        assertThat(MoveOptions.builder().build().newDates()).isEmpty();
    }

    @Test
    @DisplayName("inclusion admits records by whether they have the property")
    void inclusion() {
        assertThat(Inclusion.ANY.admits(true)).isTrue();
        assertThat(Inclusion.ANY.admits(false)).isTrue();
        assertThat(Inclusion.YES.admits(false)).isFalse();
        assertThat(Inclusion.NO.admits(true)).isFalse();
        assertThat(Inclusion.NO.admits(false)).isTrue();
    }
}
