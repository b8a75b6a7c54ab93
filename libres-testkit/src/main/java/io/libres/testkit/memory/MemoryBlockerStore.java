package io.libres.testkit.memory;

import io.libres.db.models.ReservationBlocker;
import io.libres.db.query.QueryResult;
import io.libres.errors.StorageException;
import io.libres.spi.BlockerCriteria;
import io.libres.spi.BlockerStore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The reservation_blockers table of a memory unit of work. */
final class MemoryBlockerStore implements BlockerStore {

    private final MemoryUnitOfWork work;

    MemoryBlockerStore(MemoryUnitOfWork work) {
        this.work = work;
    }

    @Override
    public List<ReservationBlocker> insert(List<ReservationBlocker> blockers) {
        if (blockers.isEmpty()) {
            return List.of();
        }
        Tables t = work.write();
        List<ReservationBlocker> stored = new ArrayList<>();
        for (ReservationBlocker b : blockers) {
            int id = b.id().isPresent() ? b.requireId() : work.storage().blockerIds.incrementAndGet();
            if (t.blockers.containsKey(id)) {
                throw new StorageException("a blocker with id " + id + " is already stored"
                        + " (primary key reservation_blockers_pkey)", "23505", null);
            }
            ReservationBlocker withId = new ReservationBlocker(id, b.token(), b.target(), b.targetType(),
                    b.resource(), b.start(), b.end(), b.timezone(), b.reason(),
                    b.id().isPresent() && b.created() != null ? b.created() : work.now(), null);
            t.blockers.put(id, withId);
            stored.add(withId);
        }
        return stored;
    }

    @Override
    public void update(List<ReservationBlocker> blockers) {
        if (blockers.isEmpty()) {
            return;
        }
        Tables t = work.write();
        for (ReservationBlocker b : blockers) {
            if (b.id().isPresent() && t.blockers.containsKey(b.requireId())) {
                t.blockers.put(b.requireId(), new ReservationBlocker(b.requireId(), b.token(), b.target(), b.targetType(),
                        b.resource(), b.start(), b.end(), b.timezone(), b.reason(), b.created(), work.now()));
            }
        }
    }

    @Override
    public QueryResult<ReservationBlocker> find(BlockerCriteria criteria) {
        Predicate<ReservationBlocker> matches = predicate(criteria);
        return QueryResult.of("blocker matching " + criteria, () -> work.read().blockers.values().stream()
                .filter(matches).collect(Collectors.toList()).stream());
    }

    @Override
    public int delete(BlockerCriteria criteria) {
        Tables t = work.write();
        List<Integer> doomed = t.blockers.values().stream().filter(predicate(criteria))
                .map(ReservationBlocker::requireId).collect(Collectors.toList());
        doomed.forEach(t.blockers::remove);
        return doomed.size();
    }

    static Predicate<ReservationBlocker> predicate(BlockerCriteria c) {
        return b -> (c.resources() == null || c.resources().contains(b.resource()))
                && (c.tokens() == null || c.tokens().contains(b.token()))
                && (c.ids() == null || c.ids().contains(b.requireId()))
                && (c.targets() == null || c.targets().contains(b.target()));
    }
}
