package io.libres.events;

import org.jspecify.annotations.Nullable;

import io.libres.context.Context;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How long one scheduler operation took, for metrics: what a {@link OperationListener} receives.
 * It names the operation and the scheduler, never the reservation's email or token.
 *
 * @param context the scheduler's context
 * @param scheduler the scheduler's name
 * @param resource the scheduler's resource
 * @param operation the operation, as the scheduler's method is named (for example {@code "reserve"})
 * @param duration how long it took, from the call to its return or failure
 * @param failure the type of the exception it ended with, or null if it returned
 */
public record OperationTiming(Context context, String scheduler, UUID resource, String operation, Duration duration,
        @Nullable Class<? extends Throwable> failure) {

    /**
     * Checks the parts.
     *
     * @param context the context
     * @param scheduler the scheduler's name
     * @param resource the scheduler's resource
     * @param operation the operation
     * @param duration the duration
     * @param failure the failure type, or null
     * @throws NullPointerException if a part but the failure is null
     */
    public OperationTiming {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(duration, "duration");
    }

    /**
     * The failure, if the operation threw.
     *
     * @return the exception type, empty if the operation returned
     */
    public Optional<Class<? extends Throwable>> failed() {
        return Optional.ofNullable(failure);
    }
}
