package io.libres.jooq.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants as libres 1.2 stores them: UTC wall-clock times in {@code timestamp without time zone}
 * columns. The conversion never involves the JVM's zone, so no daylight saving shift creeps in.
 */
final class Times {

    private Times() {
    }

    /** The UTC wall-clock time of an instant, as stored; null stays null. */
    static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The instant of a stored UTC wall-clock time; null stays null. */
    static Instant instant(LocalDateTime stored) {
        return stored == null ? null : stored.toInstant(ZoneOffset.UTC);
    }
}
