package io.libres.testkit.memory;

import io.libres.db.models.ReservationBlocker;
import io.libres.db.query.QueryResult;
import io.libres.errors.StorageException;
import io.libres.spi.BlockerCriteria;
import io.libres.spi.BlockerStore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The reservation_blockers table and the blocker data of a memory unit of work. */
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
        Set<Tables.TokenKey> touched = new java.util.HashSet<>();
        for (Integer id : doomed) {
            ReservationBlocker gone = t.blockers.remove(id);
            touched.add(new Tables.TokenKey(gone.resource(), gone.token()));
        }
        // as the SQL storages do: no data outlives the last blocker of its token
        for (ReservationBlocker left : t.blockers.values()) {
            touched.remove(new Tables.TokenKey(left.resource(), left.token()));
        }
        touched.forEach(t.blockerData::remove);
        return doomed.size();
    }

    @Override
    public boolean keepData(UUID resource, UUID token, Map<String, Object> data) {
        Tables t = work.write();
        boolean held = t.blockers.values().stream().anyMatch(b -> b.resource().equals(resource)
                && b.token().equals(token));
        if (held) {
            t.blockerData.put(new Tables.TokenKey(resource, token),
                    Collections.unmodifiableMap(new LinkedHashMap<>(data == null ? Map.of() : data)));
        }
        return held;
    }

    @Override
    public Optional<Map<String, Object>> data(UUID resource, UUID token) {
        Map<String, Object> data = work.read().blockerData.get(new Tables.TokenKey(resource, token));
        return data == null ? Optional.empty() : Optional.of(new LinkedHashMap<>(data));
    }

    static Predicate<ReservationBlocker> predicate(BlockerCriteria c) {
        return b -> (c.resources() == null || c.resources().contains(b.resource()))
                && (c.tokens() == null || c.tokens().contains(b.token()))
                && (c.ids() == null || c.ids().contains(b.requireId()))
                && (c.targets() == null || c.targets().contains(b.target()));
    }
}
