package io.libres.errors;

/**
 * Thrown when a unit of work is used against its rules: a libres-style {@code commit()} or
 * {@code rollback()} while a scoped unit of work owns the thread's work, a scope ended twice or
 * out of order, or a scope used from a thread other than the one that began it. Nothing was
 * committed or rolled back by the refused call.
 */
public class UnitOfWorkMisused extends LibresException {

    private static final long serialVersionUID = 1L;

    /**
     * The stable code of this failure.
     *
     * @return {@link ErrorCode#UNIT_OF_WORK_MISUSED}
     */
    @Override
    public ErrorCode code() {
        return ErrorCode.UNIT_OF_WORK_MISUSED;
    }

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what was expected
     */
    public UnitOfWorkMisused(String message) {
        super(message);
    }
}
