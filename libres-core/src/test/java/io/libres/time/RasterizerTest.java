package io.libres.time;

import io.libres.errors.InvalidRaster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RasterizerTest {

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 10, 15, 30, 60})
    @DisplayName("every valid raster is found by its minutes")
    void validRasters(int minutes) {
        assertThat(Raster.ofMinutes(minutes).minutes()).isEqualTo(minutes);
        assertThat(Raster.isValid(minutes)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 20, 45, 90, -5})
    @DisplayName("an invalid raster is a typed error naming the minutes")
    void invalidRasters(int minutes) {
        assertThat(Raster.isValid(minutes)).isFalse();
        assertThatThrownBy(() -> Raster.ofMinutes(minutes))
                .isInstanceOf(InvalidRaster.class)
                .hasMessageContaining(Integer.toString(minutes))
                .hasMessageContaining("expected 5, 10, 15, 30 or 60");
    }

    @Test
    @DisplayName("a start snaps down to its raster and loses seconds")
    void rasterizeStart() {
        assertThat(Rasterizer.rasterizeStart(at("2011-01-01T19:01:30.5Z"), Raster.THIRTY))
                .isEqualTo(at("2011-01-01T19:00:00Z"));
        assertThat(Rasterizer.rasterizeStart(at("2011-01-01T19:44:59Z"), Raster.FIFTEEN))
                .isEqualTo(at("2011-01-01T19:30:00Z"));
        assertThat(Rasterizer.rasterizeStart(at("2011-01-01T19:45:00Z"), Raster.FIFTEEN))
                .isEqualTo(at("2011-01-01T19:45:00Z"));
    }

    @Test
    @DisplayName("an end snaps to the next raster minus one microsecond")
    void rasterizeEnd() {
        assertThat(Rasterizer.rasterizeEnd(at("2011-01-01T19:29:00Z"), Raster.THIRTY))
                .isEqualTo(at("2011-01-01T19:29:59.999999Z"));
        assertThat(Rasterizer.rasterizeEnd(at("2011-01-01T19:30:00Z"), Raster.THIRTY))
                .isEqualTo(at("2011-01-01T19:29:59.999999Z"));
        assertThat(Rasterizer.rasterizeEnd(at("2011-01-01T19:31:00Z"), Raster.THIRTY))
                .isEqualTo(at("2011-01-01T19:59:59.999999Z"));
    }

    @Test
    @DisplayName("rastering a stored end again leaves it as it is")
    void rasterizeEndIsIdempotentOnStoredEnds() {
        Instant stored = at("2011-01-01T14:59:59.999999Z");
        for (Raster raster : Raster.values()) {
            assertThat(Rasterizer.rasterizeEnd(stored, raster)).isEqualTo(stored);
        }
    }

    @Test
    @DisplayName("overlapping requests land on the same slot")
    void overlappingRequestsShareSlots() {
        Timespan first = Rasterizer.rasterizeSpan(new Timespan(at("2011-01-01T19:01:00Z"), at("2011-01-01T19:30:00Z")), Raster.THIRTY);
        Timespan second = Rasterizer.rasterizeSpan(new Timespan(at("2011-01-01T19:00:00Z"), at("2011-01-01T19:29:00Z")), Raster.THIRTY);
        assertThat(first).isEqualTo(second);
    }

    @Test
    @DisplayName("iterating a span yields every slot start to stored end")
    void iterateSpan() {
        List<Timespan> slots = Rasterizer.iterateSpan(new Timespan(at("2011-01-01T15:00:00Z"), at("2011-01-01T16:00:00Z")), Raster.FIFTEEN);
        assertThat(slots).extracting(Timespan::start).containsExactly(
                at("2011-01-01T15:00:00Z"), at("2011-01-01T15:15:00Z"), at("2011-01-01T15:30:00Z"), at("2011-01-01T15:45:00Z"));
        assertThat(slots.get(3).end()).isEqualTo(at("2011-01-01T15:59:59.999999Z"));
    }

    @Test
    @DisplayName("a backwards span has no slots")
    void backwardsSpanHasNoSlots() {
        assertThat(Rasterizer.iterateSpan(new Timespan(at("2011-01-01T16:00:00Z"), at("2011-01-01T15:00:00Z")), Raster.FIVE)).isEmpty();
    }
}
