package io.libres.spi;

import io.libres.db.models.ReservationBlocker;
import io.libres.db.query.QueryResult;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reservation_blockers table within one unit of work, and the data of blocker tokens that
 * table cannot hold (an SQL storage keeps it in libres for Java's own table
 * {@code libres_java_blocker_data}, which libres 1.2 ignores).
 *
 * <p>Each method says how many statements it may send; the number never grows with the rows
 * involved. Writes are seen at once by every read of the same unit of work.
 */
public interface BlockerStore {

    /**
     * Inserts blockers in one batch; a blocker without id gets the next id, one with an id keeps it.
     * {@code created} is the unit of work's time, except that a blocker carrying both an id and a
     * {@code created} keeps that {@code created}; {@code modified} is unset. At most two statements;
     * none for an empty list.
     *
     * @param blockers the new blockers
     * @return the same blockers with ids and creation timestamps, in order
     */
    List<ReservationBlocker> insert(List<ReservationBlocker> blockers);

    /**
     * Writes every column of stored blockers, by id, and sets their {@code modified} to the unit of
     * work's time; {@code created} is kept. One statement; none for an empty list.
     *
     * @param blockers stored blockers
     */
    void update(List<ReservationBlocker> blockers);

    /**
     * The blockers matching every criterion given, ordered by id. A {@link QueryResult} is lazy: nothing is sent until
     * one of its terminal methods ({@code stream}, {@code list}, {@code count}, {@code first},
     * {@code one}, {@code exists}) runs, and each sends one statement.
     *
     * @param criteria which blockers
     * @return the blockers
     */
    QueryResult<ReservationBlocker> find(BlockerCriteria criteria);

    /**
     * Deletes the blockers matching the criteria, and the data kept for every token of a resource
     * the deletion leaves without blockers ({@link #keepData}), so no data outlives its
     * blockers. One statement.
     *
     * @param criteria which blockers
     * @return how many blockers were deleted
     */
    int delete(BlockerCriteria criteria);

    /**
     * Keeps data for the blockers of a token on a resource, replacing what was kept for them
     * before; libres 1.2's blockers have no data column. The data lives as long as a blocker of
     * the resource has the token (see {@link #delete}). One statement.
     *
     * @param resource the blockers' resource
     * @param token the blockers' token
     * @param data a JSON object (string keys; strings, numbers, booleans, lists and maps as values)
     * @return true if kept; false, writing nothing, if no blocker of the resource has the token
     */
    boolean keepData(UUID resource, UUID token, Map<String, Object> data);

    /**
     * The data kept for the blockers of a token on a resource. One statement.
     *
     * @param resource the blockers' resource
     * @param token the blockers' token
     * @return the data, empty if none is kept
     */
    Optional<Map<String, Object>> data(UUID resource, UUID token);
}
