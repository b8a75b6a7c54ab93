package io.libres.db;


import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How {@link Session#transaction} retries a unit of work that failed with a retryable
 * {@link io.libres.errors.StorageException} (a {@link io.libres.errors.SerializationFailure}, or a
 * connection lost before commit): up to a number of attempts and within a time budget, waiting a
 * random (jittered) time that doubles with each attempt up to a bound. From its second attempt on,
 * a retry queues behind the other retries of the same session (context), so that units of work
 * that lost a conflict run again one at a time instead of colliding again; the budget bounds that
 * wait too. A real livelock therefore still ends: after the attempts or the budget, the last
 * failure reaches the caller.
 *
 * @param maxAttempts how many times the work runs at most, 1 or more
 * @param initialBackoff the longest wait before the second attempt
 * @param maxBackoff the longest wait before any attempt
 * @param budget how long all attempts together may take before no further one starts
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration budget) {

    /** No time budget: only the attempts bound the retries. */
    private static final Duration UNBOUNDED = Duration.ofDays(365);

    /**
     * Twenty attempts within ten seconds, waiting up to 5 ms, then 10, 20 ... ms (at most 200 ms)
     * between them. Chosen with the stress runs of the testkit (16 threads over a pool of 8 on a
     * few small-quota allocations) and issue 13's W5 (8 threads, 400 attempts at one allocation of
     * quota 50), where no unit of work gives up with it; see docs/PERFORMANCE.md.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(20, Duration.ofMillis(5), Duration.ofMillis(200),
            Duration.ofSeconds(10));

    /**
     * Validates the policy.
     *
     * @param maxAttempts how many times the work runs at most, 1 or more
     * @param initialBackoff the longest wait before the second attempt, zero or more, never null
     * @param maxBackoff the longest wait before any attempt, zero or more, never null
     * @param budget how long all attempts together may take, more than zero, never null
     * @throws io.libres.errors.InvalidArgument if there are no attempts, a backoff is negative or
     *     missing, or the budget is not positive
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new io.libres.errors.InvalidArgument("a retry policy of " + maxAttempts + " attempts is invalid; expected 1 or more");
        }
        if (initialBackoff == null || maxBackoff == null || initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new io.libres.errors.InvalidArgument("a retry policy needs backoffs of zero or more; got " + initialBackoff
                    + " and " + maxBackoff + "; expected durations of zero or more");
        }
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new io.libres.errors.InvalidArgument("a retry policy needs a time budget of more than zero; got "
                    + budget + "; expected a positive duration");
        }
    }

    /**
     * A policy bounded by its attempts only (no time budget).
     *
     * @param maxAttempts how many times the work runs at most, 1 or more
     * @param initialBackoff the longest wait before the second attempt, zero or more, never null
     * @param maxBackoff the longest wait before any attempt, zero or more, never null
     * @throws io.libres.errors.InvalidArgument if there are no attempts or a backoff is negative or missing
     */
    public RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        this(maxAttempts, initialBackoff, maxBackoff, UNBOUNDED);
    }

    /**
     * The same policy with a time budget.
     *
     * @param value how long all attempts together may take, more than zero
     * @return the changed policy
     * @throws io.libres.errors.InvalidArgument if the budget is missing or not positive
     */
    public RetryPolicy withBudget(Duration value) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, value);
    }

    /**
     * Tells whether another attempt may start.
     *
     * @param attempt the attempt about to run, 2 or more
     * @param elapsed how long the attempts so far took, never null
     * @return true while the attempt is within the policy's attempts and the time budget is not spent
     */
    public boolean allowsAttempt(int attempt, Duration elapsed) {
        return attempt <= maxAttempts && elapsed.compareTo(budget) < 0;
    }

    /**
     * A policy that retries without waiting.
     *
     * @param maxAttempts how many times the work runs at most
     * @return the policy
     */
    public static RetryPolicy immediate(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The random wait before an attempt.
     *
     * @param attempt the attempt about to run, 2 or more
     * @return a duration between zero and the doubled backoff, at most {@code maxBackoff}
     */
    public Duration backoffBefore(int attempt) {
        long bound = initialBackoff.toNanos();
        for (int i = 2; i < attempt && bound < maxBackoff.toNanos(); i++) {
            bound *= 2;
        }
        bound = Math.min(bound, maxBackoff.toNanos());
        return bound <= 0 ? Duration.ZERO : Duration.ofNanos(ThreadLocalRandom.current().nextLong(bound + 1));
    }
}
