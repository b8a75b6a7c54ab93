package io.libres.spi;

import io.libres.db.models.ReservationBlocker;
import io.libres.db.query.QueryResult;

import java.util.List;

/**
 * The reservation_blockers table within one unit of work. Each method is answerable with one
 * statement.
 */
public interface BlockerStore {

    /**
     * Inserts blockers in one batch; a blocker without id gets the next id, one with an id keeps it.
     *
     * @param blockers the new blockers
     * @return the same blockers with ids and creation timestamps, in order
     */
    List<ReservationBlocker> insert(List<ReservationBlocker> blockers);

    /**
     * Writes every column of stored blockers, by id, and sets their modification time.
     *
     * @param blockers stored blockers
     */
    void update(List<ReservationBlocker> blockers);

    /**
     * The blockers matching the criteria, ordered by id.
     *
     * @param criteria which blockers
     * @return the blockers
     */
    QueryResult<ReservationBlocker> find(BlockerCriteria criteria);

    /**
     * Deletes the blockers matching the criteria.
     *
     * @param criteria which blockers
     * @return how many were deleted
     */
    int delete(BlockerCriteria criteria);
}
