package io.libres.recurrence;

import org.jspecify.annotations.Nullable;

import io.libres.errors.InvalidArgument;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * How a series is kept in the {@code data} (jsonb) of its allocations and reservations, so that
 * libres 1.2's tables stay untouched and every storage keeps it without code of its own. The
 * series lives under the key {@value #KEY}, as a JSON object of strings:
 *
 * <pre>{@code
 * "libres_series": {
 *   "id": "5f0c...",                     the series (for reservations: their token)
 *   "rule": "FREQ=WEEKLY;BYDAY=TH;COUNT=52",
 *   "first": "2027-01-07", "start": "18:00", "duration": "PT2H", "zone": "Europe/Zurich",
 *   "until": "2027-12-31T17:00:00Z",     only when the end was given besides the rule
 *   "exceptions": ["2027-04-01"],        the EXDATE days given
 *   "holidays": ["2027-05-13"],          the days skipped as holidays
 *   "from": "2027-01-07",                the first day this rule applies to
 *   "extent": ["2027-01-07T17:00:00Z", "2028-01-01T00:00:00Z"]   where the records lie
 * }
 * }</pre>
 *
 * <p>A Python service running libres 1.2 sees one more key in the data and nothing else. The
 * key is reserved: data given by the caller may not hold it.
 */
public final class SeriesData {

    /** The key of the series in the records' data. */
    public static final String KEY = "libres_series";

    private SeriesData() {
    }

    /**
     * The caller's data with the series added under {@link #KEY}.
     *
     * @param data the caller's data (may be null or empty)
     * @param id the series' id
     * @param part the rule
     * @param extent where the series' records lie: start and end
     * @return a new map
     * @throws InvalidArgument if the caller's data already holds the key
     */
    static Map<String, Object> with(@Nullable Map<String, Object> data, UUID id, SeriesPart part, List<Instant> extent) {
        if (data != null && data.containsKey(KEY)) {
            throw new InvalidArgument("the data holds the key '" + KEY + "', which keeps the series; expected data"
                    + " without it");
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("id", id.toString());
        series.put("rule", part.rule());
        series.put("first", part.firstDay().toString());
        series.put("start", part.startTime().toString());
        series.put("duration", part.duration().toString());
        series.put("zone", part.zone().getId());
        if (part.until() != null) {
            series.put("until", part.until().toString());
        }
        series.put("exceptions", strings(part.exceptions()));
        series.put("holidays", strings(part.holidays()));
        series.put("from", part.from().toString());
        series.put("extent", strings(extent));
        Map<String, Object> merged = new LinkedHashMap<>(data == null ? Map.of() : data);
        merged.put(KEY, series);
        return merged;
    }

    /**
     * The caller's data: the data without the series.
     *
     * @param data a record's data
     * @return a new map without {@link #KEY}
     */
    public static Map<String, Object> withoutSeries(Map<String, Object> data) {
        Map<String, Object> rest = new LinkedHashMap<>(data == null ? Map.of() : data);
        rest.remove(KEY);
        return rest;
    }

    /**
     * The series' id in a record's data.
     *
     * @param data a record's data
     * @return the id, empty if the data holds no series
     */
    public static Optional<UUID> id(Map<String, Object> data) {
        return entry(data).map(series -> uuid(series.get("id")));
    }

    /**
     * The rule in a record's data.
     *
     * @param data a record's data
     * @return the rule, empty if the data holds no series
     * @throws NotASeries if the series in the data cannot be read
     */
    public static Optional<SeriesPart> part(Map<String, Object> data) {
        return entry(data).map(SeriesData::decode);
    }

    /**
     * Where the series' records lie, as kept in a record's data.
     *
     * @param data a record's data
     * @return start and end, empty if the data holds no series
     * @throws NotASeries if the series in the data cannot be read
     */
    public static Optional<List<Instant>> extent(Map<String, Object> data) {
        return entry(data).map(series -> {
            try {
                return list(series.get("extent")).stream().map(Instant::parse).collect(Collectors.toList());
            } catch (DateTimeParseException e) {
                throw unreadable(series, e);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> entry(Map<String, Object> data) {
        Object series = data == null ? null : data.get(KEY);
        if (series == null) {
            return Optional.empty();
        }
        if (!(series instanceof Map)) {
            throw new NotASeries("the data key '" + KEY + "' holds " + series + "; expected the JSON object of a series");
        }
        return Optional.of((Map<String, Object>) series);
    }

    private static SeriesPart decode(Map<String, Object> series) {
        try {
            Object until = series.get("until");
            return new SeriesPart(String.valueOf(series.get("rule")), LocalDate.parse(text(series, "first")),
                    LocalTime.parse(text(series, "start")), Duration.parse(text(series, "duration")),
                    ZoneId.of(text(series, "zone")), until == null ? null : Instant.parse(until.toString()),
                    list(series.get("exceptions")).stream().map(LocalDate::parse).collect(Collectors.toList()),
                    list(series.get("holidays")).stream().map(LocalDate::parse).collect(Collectors.toList()),
                    LocalDate.parse(text(series, "from")));
        } catch (RuntimeException e) {
            throw unreadable(series, e);
        }
    }

    private static NotASeries unreadable(Map<String, Object> series, RuntimeException e) {
        return new NotASeries("the series " + series + " under the data key '" + KEY + "' cannot be read ("
                + e.getMessage() + "); expected the fields libres-recurrence writes", e);
    }

    private static String text(Map<String, Object> series, String field) {
        Object value = series.get(field);
        if (value == null) {
            throw new IllegalArgumentException("the field '" + field + "' is missing");
        }
        return value.toString();
    }

    private static UUID uuid(Object value) {
        try {
            return UUID.fromString(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new NotASeries("the series id '" + value + "' under the data key '" + KEY + "' is not a UUID;"
                    + " expected the id libres-recurrence writes", e);
        }
    }

    private static List<String> list(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                values.add(String.valueOf(item));
            }
        }
        return values;
    }

    private static List<String> strings(Collection<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.toList());
    }
}
