package io.libres.db;

import io.libres.errors.InvalidArgument;

/**
 * Where a committed unit of work stands in the storage's history of writes (on PostgreSQL: the
 * write-ahead log position after the commit). A read that carries it, or that runs in the context
 * that committed, sees that commit, on a replica or on the primary: the read-your-writes token.
 *
 * <p>Carry it from one request to the next as text: {@link #token()} gives it,
 * {@link #parse(String)} reads it back. Positions of one storage are ordered; a later commit has a
 * position at least as high.
 *
 * <p>Immutable and thread-safe.
 */
public final class WritePosition implements Comparable<WritePosition> {

    private static final String PREFIX = "wp1:";

    private final long value;

    private WritePosition(long value) {
        this.value = value;
    }

    /**
     * A position as a storage reports it.
     *
     * @param value the position, 0 or more (on PostgreSQL the log sequence number as a number)
     * @return the position
     * @throws InvalidArgument if the value is negative
     */
    public static WritePosition of(long value) {
        if (value < 0) {
            throw new InvalidArgument("a write position of " + value + " is negative; expected 0 or more");
        }
        return new WritePosition(value);
    }

    /**
     * Reads a position back from its {@link #token()}.
     *
     * @param token the text, as {@code wp1:16b3748}
     * @return the position
     * @throws InvalidArgument if the token is missing or not one {@link #token()} gives
     */
    public static WritePosition parse(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() == PREFIX.length()
                || token.length() > PREFIX.length() + 16) {
            throw new InvalidArgument("'" + token + "' is no write position; expected a token such as 'wp1:16b3748'"
                    + " as WritePosition.token() gives it");
        }
        try {
            return of(Long.parseLong(token.substring(PREFIX.length()), 16));
        } catch (NumberFormatException e) {
            throw new InvalidArgument("'" + token + "' is no write position; expected 'wp1:' and a hexadecimal number"
                    + " as WritePosition.token() gives it", e);
        }
    }

    /**
     * The position as the storage reported it.
     *
     * @return 0 or more
     */
    public long value() {
        return value;
    }

    /**
     * The position as text, to carry to a later request (a header, a cookie, a form field).
     *
     * @return for example {@code wp1:16b3748}
     */
    public String token() {
        return PREFIX + Long.toHexString(value);
    }

    /**
     * The later of two positions.
     *
     * @param other another position
     * @return this or the other, whichever is later
     */
    public WritePosition max(WritePosition other) {
        return other != null && other.value > value ? other : this;
    }

    /**
     * Orders positions by their place in the history of writes.
     *
     * @param other the position to compare with
     * @return negative, zero or positive as this one is earlier, the same or later
     */
    @Override
    public int compareTo(WritePosition other) {
        return Long.compare(value, other.value);
    }

    /**
     * Positions are equal when they stand at the same place.
     *
     * @param other the object to compare with
     * @return true for a position of the same value
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof WritePosition && ((WritePosition) other).value == value;
    }

    /**
     * A hash of the position.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }

    /**
     * The token.
     *
     * @return the same as {@link #token()}
     */
    @Override
    public String toString() {
        return token();
    }
}
