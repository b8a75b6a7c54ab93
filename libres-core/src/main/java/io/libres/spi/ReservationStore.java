package io.libres.spi;

import io.libres.db.models.Reservation;
import io.libres.db.query.QueryResult;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The reservations table within one unit of work.
 *
 * <p>Each method says how many statements it may send; the number never grows with the rows
 * involved. Writes are seen at once by every read of the same unit of work. {@code data} is stored
 * as a JSON object, {@code {}} when empty (never SQL NULL nor JSON null), and reads back as an empty
 * map then.
 */
public interface ReservationStore {

    /**
     * Inserts reservations in one batch. A reservation without id gets the next id of the
     * sequence; one with an id keeps it (a changed reservation keeps its id). {@code created} is
     * the unit of work's time, except that a reservation carrying both an id and a {@code created}
     * keeps that {@code created} (a record put back under its id is not new); {@code modified} is
     * unset. At most two statements (draw the ids, insert); none for an empty list. Ids, like
     * PostgreSQL sequences, are never handed out twice, even after a rollback.
     *
     * @param reservations the new reservations
     * @return the same reservations with ids and creation timestamps, in order
     */
    List<Reservation> insert(List<Reservation> reservations);

    /**
     * Writes every column of stored reservations, by id, and sets their {@code modified} to the unit
     * of work's time; {@code created} is kept. One statement; none for an empty list.
     *
     * @param reservations stored reservations
     */
    void update(List<Reservation> reservations);

    /**
     * The reservations matching every criterion given, ordered by id. A {@link QueryResult} is lazy: nothing is sent until
     * one of its terminal methods ({@code stream}, {@code list}, {@code count}, {@code first},
     * {@code one}, {@code exists}) runs, and each sends one statement.
     *
     * @param criteria which reservations
     * @return the reservations
     */
    QueryResult<Reservation> find(ReservationCriteria criteria);

    /**
     * Deletes the reservations matching the criteria. One statement.
     *
     * @param criteria which reservations
     * @return how many were deleted
     */
    int delete(ReservationCriteria criteria);

    /**
     * Sets the modification time of every reservation of a session, so that the session counts
     * as active. One statement.
     *
     * @param sessionId the session
     * @param when the new modification time
     * @return how many reservations were touched
     */
    int touchSession(UUID sessionId, Instant when);

    /**
     * Sets the modification time of the reservations of a session on some resources only, so
     * that one application touching its cart never changes another application's rows. Storages
     * written before this method existed refuse it; the built-in ones answer it with one statement.
     *
     * @param sessionId the session
     * @param resources the real resources whose reservations are touched
     * @param when the new modification time
     * @return how many reservations were touched
     * @throws io.libres.errors.StorageException if the storage does not implement it
     */
    default int touchSession(UUID sessionId, Collection<UUID> resources, Instant when) {
        throw new io.libres.errors.StorageException(getClass().getName() + " does not implement"
                + " touchSession(sessionId, resources, when); expected a storage that scopes a session to resources",
                null, null);
    }

    /**
     * The sessions whose pending reservations were all created and modified before an instant, in
     * the whole table (as libres 1.2, not limited to one resource): of the pending reservations
     * with a session, grouped by session, those whose latest {@code created} is before the instant
     * and whose latest {@code modified} is unset or before it. Ordered by session id as PostgreSQL
     * orders uuids (by their text form), each once. One statement.
     *
     * @param before the expiration instant
     * @return the expired session ids, ordered
     */
    List<UUID> expiredSessions(Instant before);
}
