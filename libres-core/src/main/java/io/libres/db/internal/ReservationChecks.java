package io.libres.db.internal;

import io.libres.errors.ReservationTooLong;
import io.libres.errors.ReservationTooShort;
import io.libres.time.DateRange;
import io.libres.time.TimeZones;
import io.libres.time.Timespan;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The length rules every reservation and blocker must pass. */
final class ReservationChecks {

    private static final Duration SHORTEST = Duration.ofMinutes(5);

    private ReservationChecks() {
    }

    /**
     * Checks the lengths of spans read from the caller's dates, naming a daylight-saving gap a
     * local value fell into when that is what made a span too short.
     */
    static void requireValidLengths(List<Timespan> spans, List<DateRange> dates, ZoneId zone) {
        for (int i = 0; i < spans.size(); i++) {
            try {
                requireValidLength(spans.get(i), zone);
            } catch (ReservationTooShort tooShort) {
                String note = TimeZones.gapNote(dates.get(i).start(), zone) + TimeZones.gapNote(dates.get(i).end(), zone);
                if (note.isEmpty()) {
                    throw tooShort;
                }
                throw new ReservationTooShort(tooShort.getMessage().replaceFirst("; expected",
                        java.util.regex.Matcher.quoteReplacement(note) + "; expected"), tooShort);
            }
        }
    }

    static void requireValidLength(Timespan span, ZoneId zone) {
        if (!TimeZones.isValidReservationLength(span, zone)) {
            throw new ReservationTooLong("the span " + span.start() + " - " + span.end()
                    + " is too long; expected at most 24 hours, or one whole day");
        }
        // libres 1.2 compares only the seconds part of the duration, so it calls an exact 24-hour
        // day too short; the whole duration is what counts here.
        if (span.isReversed() || span.duration().compareTo(SHORTEST) < 0) {
            throw new ReservationTooShort("the span " + span.start() + " - " + span.end()
                    + " is too short; expected at least 5 minutes, ending after the start");
        }
    }
}
