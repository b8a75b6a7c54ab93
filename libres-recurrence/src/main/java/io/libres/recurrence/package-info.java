/**
 * Recurring allocations, reservations and blockers: an RFC 5545 rule (RRULE) with a first day, a
 * start time and a duration in the scheduler's zone, exception days (EXDATE) and a holiday
 * calendar, expanded into occurrences and booked as one series.
 *
 * <pre>{@code
 * Recurring club = Recurring.on(scheduler);
 * Recurrence thursdays = Recurrence.of("FREQ=WEEKLY;BYDAY=TH;COUNT=52",
 *         LocalDate.of(2027, 1, 7), LocalTime.of(18, 0), Duration.ofHours(2));
 * club.allocate(thursdays, AllocateOptions.DEFAULTS);
 * SeriesBooking booking = club.reserve("club@example.org", thursdays, ReserveOptions.DEFAULTS);
 * club.approve(booking.token());
 * }</pre>
 *
 * <p>The series is remembered in the {@code data} of its allocations and reservations, under the
 * key {@link io.libres.recurrence.SeriesData#KEY}: libres 1.2's tables stay as they are, and every
 * storage (in memory, JDBI, jOOQ, a user's own) keeps series without code of its own. The rule is
 * expanded by dmfs lib-recur; the core does not depend on it.
 */
@NullMarked
package io.libres.recurrence;

import org.jspecify.annotations.NullMarked;
