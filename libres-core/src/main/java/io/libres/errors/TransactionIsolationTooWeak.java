package io.libres.errors;

/**
 * Thrown when libres is asked to join a transaction that runs below SERIALIZABLE. The guarantee
 * that no slot is booked twice and that checks (overlaps, quotas, availability) hold when the
 * transaction commits needs SERIALIZABLE; begin the transaction with that isolation
 * (Spring: {@code @Transactional(isolation = Isolation.SERIALIZABLE)}; JDBI:
 * {@code jdbi.inTransaction(TransactionIsolationLevel.SERIALIZABLE, handle -> ...)}). Thrown before
 * anything is read or written.
 */
public class TransactionIsolationTooWeak extends StorageException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#TRANSACTION_ISOLATION_TOO_WEAK}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.TRANSACTION_ISOLATION_TOO_WEAK;
    }

    /**
     * Creates the exception.
     *
     * @param message the isolation found and the one expected
     */
    public TransactionIsolationTooWeak(String message) {
        super(message, null, null);
    }
}
