package io.libres.db;


import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How {@link Session#transaction} retries a unit of work that failed with a retryable
 * {@link io.libres.errors.SerializationFailure}: up to a number of attempts, waiting a random
 * (jittered) time that doubles with each attempt up to a bound.
 *
 * @param maxAttempts how many times the work runs at most, 1 or more
 * @param initialBackoff the longest wait before the second attempt
 * @param maxBackoff the longest wait before any attempt
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Five attempts, waiting up to 10 ms, then 20, 40, 80 ms (at most 500 ms). */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(500));

    /**
     * Validates the policy.
     *
     * @param maxAttempts how many times the work runs at most, 1 or more
     * @param initialBackoff the longest wait before the second attempt, zero or more, never null
     * @param maxBackoff the longest wait before any attempt, zero or more, never null
     * @throws io.libres.errors.InvalidArgument if there are no attempts or a backoff is negative or missing
     */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new io.libres.errors.InvalidArgument("a retry policy of " + maxAttempts + " attempts is invalid; expected 1 or more");
        }
        if (initialBackoff == null || maxBackoff == null || initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new io.libres.errors.InvalidArgument("a retry policy needs backoffs of zero or more; got " + initialBackoff
                    + " and " + maxBackoff + "; expected durations of zero or more");
        }
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
