package io.libres.testkit.memory;

import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationStatus;
import io.libres.db.query.QueryResult;
import io.libres.errors.StorageException;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.ReservationStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The reservations table of a memory unit of work. */
final class MemoryReservationStore implements ReservationStore {

    private final MemoryUnitOfWork work;

    MemoryReservationStore(MemoryUnitOfWork work) {
        this.work = work;
    }

    @Override
    public List<Reservation> insert(List<Reservation> reservations) {
        if (reservations.isEmpty()) {
            return List.of();
        }
        Tables t = work.write();
        List<Reservation> stored = new ArrayList<>();
        for (Reservation r : reservations) {
            int id = r.id().isPresent() ? r.id().getAsInt() : work.storage().reservationIds.incrementAndGet();
            if (t.reservations.containsKey(id)) {
                throw new StorageException("a reservation with id " + id + " is already stored"
                        + " (primary key reservations_pkey)", "23505", null);
            }
            // a record put back under its id keeps its creation time
            Instant created = r.id().isPresent() && r.created().isPresent() ? r.created().get() : work.now();
            Reservation withId = r.toBuilder().id(id).created(created).modified(null).build();
            t.reservations.put(id, withId);
            stored.add(withId);
        }
        return stored;
    }

    @Override
    public void update(List<Reservation> reservations) {
        if (reservations.isEmpty()) {
            return;
        }
        Tables t = work.write();
        for (Reservation r : reservations) {
            int id = r.requireId();
            if (t.reservations.containsKey(id)) {
                t.reservations.put(id, r.toBuilder().modified(work.now()).build());
            }
        }
    }

    @Override
    public QueryResult<Reservation> find(ReservationCriteria criteria) {
        Predicate<Reservation> matches = predicate(criteria);
        return QueryResult.of("reservation matching " + criteria, () -> work.read().reservations.values().stream()
                .filter(matches).collect(Collectors.toList()).stream());
    }

    @Override
    public int delete(ReservationCriteria criteria) {
        Tables t = work.write();
        List<Integer> doomed = t.reservations.values().stream().filter(predicate(criteria))
                .map(Reservation::requireId).collect(Collectors.toList());
        doomed.forEach(t.reservations::remove);
        return doomed.size();
    }

    @Override
    public int touchSession(UUID sessionId, Instant when) {
        Tables t = work.write();
        int touched = 0;
        for (Reservation r : new ArrayList<>(t.reservations.values())) {
            if (sessionId.equals(r.sessionId().orElse(null))) {
                t.reservations.put(r.requireId(), r.toBuilder().modified(when).build());
                touched++;
            }
        }
        return touched;
    }

    @Override
    public int touchSession(UUID sessionId, java.util.Collection<UUID> resources, Instant when) {
        Tables t = work.write();
        int touched = 0;
        for (Reservation r : new ArrayList<>(t.reservations.values())) {
            if (sessionId.equals(r.sessionId().orElse(null)) && resources.contains(r.resource())) {
                t.reservations.put(r.requireId(), r.toBuilder().modified(when).build());
                touched++;
            }
        }
        return touched;
    }

    @Override
    public List<UUID> expiredSessions(Instant before) {
        Map<UUID, Instant> latest = new HashMap<>();
        for (Reservation r : work.read().reservations.values()) {
            if (r.sessionId().isEmpty() || r.status() != ReservationStatus.PENDING) {
                continue;
            }
            Instant created = r.created().orElse(Instant.MIN);
            Instant modified = r.modified().orElse(created);
            Instant last = created.isAfter(modified) ? created : modified;
            latest.merge(r.sessionId().get(), last, (a, b) -> a.isAfter(b) ? a : b);
        }
        return latest.entrySet().stream().filter(e -> e.getValue().isBefore(before)).map(Map.Entry::getKey)
                .sorted(Comparator.comparing(UUID::toString)).collect(Collectors.toList());
    }

    static Predicate<Reservation> predicate(ReservationCriteria c) {
        return r -> (c.resources() == null || c.resources().contains(r.resource()))
                && (c.tokens() == null || c.tokens().contains(r.token()))
                && (c.ids() == null || c.ids().contains(r.requireId()))
                && (c.targets() == null || c.targets().contains(r.target()))
                && (c.status() == null || c.status() == r.status())
                && (c.targetType() == null || c.targetType() == r.targetType())
                && (c.sessionIds() == null || r.sessionId().map(c.sessionIds()::contains).orElse(false));
    }
}
