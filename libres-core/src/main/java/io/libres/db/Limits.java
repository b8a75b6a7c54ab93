package io.libres.db;

/**
 * The limits the scheduler checks before it writes, so that input a database column or its
 * JSON type would refuse (or that would exhaust the stack) is a typed error naming the limit.
 *
 * <ul>
 *   <li>{@code data} (of allocations and reservations) is a JSON object of at most
 *       {@value #MAX_DATA_DEPTH} nested lists and maps, without cycles, of at most
 *       {@value #MAX_DATA_CHARACTERS} characters of compact JSON text; its keys and strings hold no
 *       NUL character ({@code U+0000}, which PostgreSQL's {@code jsonb} cannot store) and no unpaired
 *       surrogate;</li>
 *   <li>an email has at most {@value #MAX_EMAIL_LENGTH} characters (the {@code email} column) and no
 *       NUL character or unpaired surrogate, whatever the email validator says;</li>
 *   <li>a quota (of an allocation, a move, a quota change or a reservation) is at most
 *       {@value #MAX_QUOTA}: every spot of an allocation is a mirror allocation once reserved, and the
 *       scheduler works out the spots of all of them in memory;</li>
 *   <li>a blocker's reason holds no NUL character or unpaired surrogate.</li>
 * </ul>
 */
public final class Limits {

    /** The deepest nesting of lists and maps in {@code data}, the object itself being level 1. */
    public static final int MAX_DATA_DEPTH = 100;

    /** The longest {@code data}, in characters of its compact JSON text (not counting escapes). */
    public static final int MAX_DATA_CHARACTERS = 1_000_000;

    /** The longest email address: the length of libres 1.2's {@code email} column. */
    public static final int MAX_EMAIL_LENGTH = 254;

    /** The largest quota of an allocation or reservation. */
    public static final int MAX_QUOTA = 10_000;

    private Limits() {
    }
}
