package io.libres.recurrence.internal;

import io.libres.recurrence.Expansion;
import io.libres.recurrence.InvalidRecurrenceRule;
import io.libres.recurrence.Occurrence;
import io.libres.recurrence.Recurrence;
import io.libres.recurrence.TooManyOccurrences;
import io.libres.time.TimeZones;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a recurrence with lib-recur. The rule runs in floating time (no zone), so every
 * instance keeps its wall-clock time; UNTIL is taken off the rule and applied here, because an
 * UNTIL in UTC must be compared with each occurrence's instant in the scheduler's zone, which a
 * floating iteration cannot do.
 */
public final class RuleExpander {

    /**
     * How many rule instances per allowed occurrence may be skipped (exceptions, holidays) before
     * the expansion gives up: a calendar that skips nearly every day must not loop for ever.
     */
    private static final int MAX_SKIPPED_PER_OCCURRENCE = 100;

    private RuleExpander() {
    }

    /**
     * Parses an RRULE value strictly (RFC 5545).
     *
     * @param rule the value
     * @return the parsed rule
     * @throws InvalidRecurrenceRule if lib-recur refuses it
     */
    public static RecurrenceRule parse(String rule) {
        try {
            return new RecurrenceRule(rule, RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException | IllegalArgumentException e) {
            throw new InvalidRecurrenceRule("'" + rule + "' is not a valid RFC 5545 recurrence rule (" + e.getMessage()
                    + "); expected an RRULE value such as FREQ=WEEKLY;BYDAY=TH;COUNT=52", e);
        }
    }

    /**
     * Expands a recurrence; see {@link Recurrence#expand(ZoneId, int)}.
     *
     * @param recurrence the recurrence
     * @param zone the scheduler's zone
     * @param limit the most occurrences allowed
     * @return the expansion
     */
    public static Expansion expand(Recurrence recurrence, ZoneId zone, int limit) {
        if (zone == null) {
            throw new InvalidRecurrenceRule("the zone to expand the recurrence in is missing; expected a zone");
        }
        if (limit < 1) {
            throw new InvalidRecurrenceRule("an occurrence limit of " + limit + " is invalid; expected 1 or more");
        }
        RecurrenceRule rule = parse(recurrence.rule());
        DateTime ruleUntil = rule.getUntil();
        if (ruleUntil != null && recurrence.until() != null) {
            throw new InvalidRecurrenceRule("the rule '" + recurrence.rule() + "' has an UNTIL and the series an end ("
                    + recurrence.until() + "); expected one of them");
        }
        if (rule.getCount() != null && recurrence.until() != null) {
            throw new InvalidRecurrenceRule("the rule '" + recurrence.rule() + "' has a COUNT and the series an end ("
                    + recurrence.until() + "); expected one of them");
        }
        if (ruleUntil == null && rule.getCount() == null && recurrence.until() == null) {
            throw new InvalidRecurrenceRule("the rule '" + recurrence.rule() + "' never ends; expected COUNT or UNTIL"
                    + " in the rule, or an end of the series");
        }
        Until until = Until.of(ruleUntil, recurrence.until() == null ? null : recurrence.until().toInstant());
        if (ruleUntil != null) {
            rule.setUntil(null);
        }
        LocalDate first = recurrence.firstDay();
        DateTime start = new DateTime(first.getYear(), first.getMonthValue() - 1, first.getDayOfMonth(),
                recurrence.startTime().getHour(), recurrence.startTime().getMinute(), recurrence.startTime().getSecond());
        RecurrenceRuleIterator instances = rule.iterator(start);
        List<Occurrence> occurrences = new ArrayList<>();
        List<LocalDate> exceptions = new ArrayList<>();
        List<LocalDate> holidays = new ArrayList<>();
        long skipped = 0;
        while (instances.hasNext()) {
            DateTime next = instances.nextDateTime();
            LocalDateTime local = LocalDateTime.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth(),
                    next.getHours(), next.getMinutes(), next.getSeconds());
            if (until.isPassedBy(local, zone)) {
                break;
            }
            LocalDate day = local.toLocalDate();
            if (recurrence.exceptions().contains(day)) {
                exceptions.add(day);
                skipped++;
            } else if (recurrence.holidays().isHoliday(day)) {
                holidays.add(day);
                skipped++;
            } else {
                if (occurrences.size() == limit) {
                    throw new TooManyOccurrences("the recurrence '" + recurrence.rule() + "' from " + first
                            + " gives more than " + limit + " occurrences; expected at most " + limit
                            + " per call (shorten the rule or raise the occurrence limit)");
                }
                occurrences.add(new Occurrence(local, local.plus(recurrence.duration())));
            }
            if (skipped > (long) MAX_SKIPPED_PER_OCCURRENCE * limit) {
                throw new TooManyOccurrences("the recurrence '" + recurrence.rule() + "' from " + first + " skips more than "
                        + skipped + " instances as exceptions or holidays; expected a rule that ends sooner");
            }
        }
        return new Expansion(occurrences, exceptions, holidays);
    }

    /** Where the series ends: an instant, a wall-clock time, a day, or only by COUNT. */
    private record Until(Instant instant, LocalDateTime local, LocalDate day) {

        static Until of(DateTime ruleUntil, Instant given) {
            if (given != null) {
                return new Until(given, null, null);
            }
            if (ruleUntil == null) {
                return new Until(null, null, null);
            }
            if (ruleUntil.isAllDay()) {
                return new Until(null, null, LocalDate.of(ruleUntil.getYear(), ruleUntil.getMonth() + 1,
                        ruleUntil.getDayOfMonth()));
            }
            if (ruleUntil.isFloating()) {
                return new Until(null, LocalDateTime.of(ruleUntil.getYear(), ruleUntil.getMonth() + 1,
                        ruleUntil.getDayOfMonth(), ruleUntil.getHours(), ruleUntil.getMinutes(), ruleUntil.getSeconds()),
                        null);
            }
            return new Until(Instant.ofEpochMilli(ruleUntil.getTimestamp()), null, null);
        }

        boolean isPassedBy(LocalDateTime start, ZoneId zone) {
            if (instant != null) {
                return TimeZones.localize(start, zone).toInstant().isAfter(instant);
            }
            if (local != null) {
                return start.isAfter(local);
            }
            return day != null && start.toLocalDate().isAfter(day);
        }
    }
}
