package io.libres.errors;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the connection to the database was lost while a unit of work was being committed:
 * the commit was sent, but no answer came back, so the database may or may not have committed
 * it. Neither the library nor the driver can tell; {@link io.libres.db.Session#transaction
 * transaction(...)} therefore does not run the work again (it might book twice).
 *
 * <p>To find out, look at what the unit of work would have written, on a new connection, once the
 * database answers again: a reservation by its token ({@code scheduler.reservationsByToken(token)}
 * throws {@link InvalidReservationToken} if the reservation was not committed; after {@code approveReservations(token)}, the
 * reservation's {@code status()} is still pending if the approval was not), a
 * blocker by its token ({@code scheduler.blockersByToken(token)}), allocations by their dates
 * ({@code scheduler.allocationsInRange(dates)}). Keep the token where the failure can reach it:
 *
 * <pre>{@code
 * AtomicReference<UUID> token = new AtomicReference<>();
 * try {
 *     session.transaction(() -> {
 *         token.set(scheduler.reserve(email, dates));
 *         scheduler.approveReservations(token.get());
 *     });
 * } catch (CommitOutcomeUnknown e) {
 *     boolean booked;
 *     try {
 *         booked = token.get() != null && scheduler.reservationsByToken(token.get()).first()
 *                 .map(r -> r.status() == ReservationStatus.APPROVED).orElse(false);
 *     } catch (InvalidReservationToken notCommitted) {
 *         booked = false;
 *     }
 * }
 * }</pre>
 *
 * <p>Then run the work again, or not.
 */
public class CommitOutcomeUnknown extends StorageException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was lost and how to find out
     * @param sqlState the SQLSTATE the driver or server reported, or null
     * @param cause the driver's exception, or null
     */
    public CommitOutcomeUnknown(String message, @Nullable String sqlState, @Nullable Throwable cause) {
        super(message, sqlState, cause);
    }

    /**
     * The stable code of this exception.
     *
     * @return {@link ErrorCode#COMMIT_OUTCOME_UNKNOWN}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.COMMIT_OUTCOME_UNKNOWN;
    }
}
