package io.libres.testkit.postgres.internal;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened when the provisioner considered one strategy.
 *
 * @param strategy the strategy's name
 * @param outcome whether it was skipped, failed or used
 * @param detail why it was skipped or failed, or what was used
 * @param failure the exception of a failed attempt, if any
 */
public record Attempt(String strategy, Outcome outcome, String detail, Optional<Throwable> failure) {

    /** The three ends of an attempt. */
    public enum Outcome {
        /** The strategy does not apply here. */
        SKIPPED,
        /** The strategy applied but could not provide a server. */
        FAILED,
        /** The strategy provided the server. */
        USED
    }

    /**
     * Checks that every part is present.
     *
     * @param strategy the strategy's name
     * @param outcome whether it was skipped, failed or used
     * @param detail why it was skipped or failed, or what was used
     * @param failure the exception of a failed attempt; empty if none, never null
     * @throws NullPointerException if a part is null
     */
    public Attempt {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(failure, "failure");
    }

    /**
     * Renders the attempt as one line of the failure message.
     *
     * @return for example {@code "Testcontainers (Docker): skipped: no Docker engine answered ..."}
     */
    public String describe() {
        return strategy + ": " + outcome.name().toLowerCase(Locale.ROOT) + ": " + detail;
    }
}
