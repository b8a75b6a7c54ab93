package io.libres.events;

import io.libres.context.Context;

/**
 * Observes how the schedulers of a context work, for metrics and tracing (the libres-micrometer
 * module is one): how long each operation takes, and how often a
 * {@link io.libres.db.Session#transaction transaction} ran again after a serialization conflict or
 * gave up. Subscribe with {@link Events#onOperations(OperationListener)}.
 *
 * <p>Called on the thread of the operation, after it ended; a listener must be quick and must not
 * throw (what it throws is logged and dropped, never surfaced to the operation).
 */
public interface OperationListener {

    /**
     * An operation of a scheduler returned or threw.
     *
     * @param timing which operation, of which scheduler, how long, and how it ended
     */
    default void operationFinished(OperationTiming timing) {
    }

    /**
     * A transaction failed with a retryable conflict and runs again.
     *
     * @param context the context of the transaction
     * @param attempt the attempt that failed, 1 for the first
     */
    default void conflictRetried(Context context, int attempt) {
    }

    /**
     * A transaction failed with a retryable conflict on its last attempt and gave up.
     *
     * @param context the context of the transaction
     * @param attempts how many attempts it made
     */
    default void retriesExhausted(Context context, int attempts) {
    }
}
