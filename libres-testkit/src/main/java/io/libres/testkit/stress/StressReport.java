package io.libres.testkit.stress;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a stress run counted.
 *
 * @param operations the operations run (each one unit of work through {@code transaction(...)})
 * @param succeeded the operations that committed
 * @param bookings the reservations approved (slots written for a reservation)
 * @param conflictsRetried the retryable failures that {@code transaction(...)} ran again
 * @param gaveUp the operations whose retries ran out (a {@link io.libres.errors.SerializationFailure}
 *     or another retryable failure reached the caller)
 * @param typedErrors the typed {@link io.libres.errors.LibresException}s that reached the caller, by
 *     simple class name (full allocations, stale tokens, refused quota changes, lost connections)
 * @param untyped the exceptions that were not a {@code LibresException} (must be none)
 * @param untypedSamples the first few untyped exceptions, for the failure message
 * @param violations what the integrity check found afterwards (must be nothing)
 * @param faults the backends terminated and servers restarted during the run
 * @param millis how long the run took
 */
public record StressReport(long operations, long succeeded, long bookings, long conflictsRetried, long gaveUp,
        Map<String, Long> typedErrors, long untyped, List<String> untypedSamples, List<String> violations,
        String faults, long millis) {

    /**
     * Copies the maps and lists.
     *
     * @param operations the operations run
     * @param succeeded the operations that committed
     * @param bookings the reservations approved
     * @param conflictsRetried the conflicts retried
     * @param gaveUp the operations that gave up
     * @param typedErrors the typed errors by class
     * @param untyped the untyped exceptions
     * @param untypedSamples the first untyped exceptions
     * @param violations the integrity violations
     * @param faults the faults injected
     * @param millis the run's duration
     */
    public StressReport {
        typedErrors = Map.copyOf(new TreeMap<>(typedErrors));
        untypedSamples = List.copyOf(untypedSamples);
        violations = List.copyOf(violations);
    }

    /**
     * Conflicts retried per committed booking (approved reservation), the figure issue 11 asks for.
     *
     * @return the ratio, 0 without bookings
     */
    public double conflictsPerBooking() {
        return bookings == 0 ? 0 : (double) conflictsRetried / bookings;
    }

    /**
     * Conflicts retried per committed operation.
     *
     * @return the ratio, 0 without committed operations
     */
    public double conflictsPerSuccess() {
        return succeeded == 0 ? 0 : (double) conflictsRetried / succeeded;
    }

    /**
     * The figures on one line, for the build log.
     *
     * @param name what ran
     * @return for example {@code "stress mix: 1200 operations, 800 committed, ..."}
     */
    public String summary(String name) {
        return String.format(java.util.Locale.ROOT, "%s: %d operations in %d ms, %d committed, %d bookings, %d conflicts"
                + " retried (%.3f per booking, %.3f per committed operation), %d gave up, typed errors %s, %d untyped"
                + " exceptions, %d integrity violations%s", name, operations, millis, succeeded, bookings,
                conflictsRetried, conflictsPerBooking(), conflictsPerSuccess(), gaveUp, new TreeMap<>(typedErrors),
                untyped, violations.size(), faults.isEmpty() ? "" : ", faults: " + faults);
    }
}
