package io.libres.spi;

import io.libres.db.models.Reservation;
import io.libres.db.query.QueryResult;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The reservations table within one unit of work. Each method is answerable with one statement.
 */
public interface ReservationStore {

    /**
     * Inserts reservations in one batch. A reservation without id gets the next id of the
     * sequence; one with an id keeps it (a changed reservation keeps its id).
     *
     * @param reservations the new reservations
     * @return the same reservations with ids and creation timestamps, in order
     */
    List<Reservation> insert(List<Reservation> reservations);

    /**
     * Writes every column of stored reservations, by id, and sets their modification time.
     *
     * @param reservations stored reservations
     */
    void update(List<Reservation> reservations);

    /**
     * The reservations matching the criteria, ordered by id.
     *
     * @param criteria which reservations
     * @return the reservations
     */
    QueryResult<Reservation> find(ReservationCriteria criteria);

    /**
     * Deletes the reservations matching the criteria.
     *
     * @param criteria which reservations
     * @return how many were deleted
     */
    int delete(ReservationCriteria criteria);

    /**
     * Sets the modification time of every reservation of a session, so that the session counts
     * as active.
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
     * The sessions whose pending reservations were all created and modified before an instant.
     *
     * @param before the expiration instant
     * @return the expired session ids
     */
    List<UUID> expiredSessions(Instant before);
}
