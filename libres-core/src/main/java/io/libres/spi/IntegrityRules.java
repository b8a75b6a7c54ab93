package io.libres.spi;

import io.libres.db.IntegrityViolation;
import io.libres.db.IntegrityViolation.Kind;
import io.libres.db.IntegrityViolation.SlotKey;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservationStatus;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.db.models.TargetType;
import io.libres.errors.InvalidArgument;
import io.libres.time.Rasterizer;
import io.libres.time.Timespan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The integrity rules evaluated in Java over loaded records: the reference every storage's
 * {@link UnitOfWork#checkIntegrity(IntegrityScope)} must agree with, and what storages without a
 * query language of their own (the in-memory storage) use. SQL storages answer the same rules
 * with a few set-based statements instead. See {@link IntegrityViolation.Kind} for the rules.
 */
public final class IntegrityRules {

    private IntegrityRules() {
    }

    /**
     * Evaluates every rule on the records given; records outside the scope may be among them and
     * are left out.
     *
     * @param scope which records to check
     * @param allocations the allocations (at least those of the scope)
     * @param reservations the reservations (at least those of the scope)
     * @param blockers the blockers (at least those of the scope)
     * @param slots the reserved slots (at least those on allocations of the scope)
     * @return the violations, in {@link IntegrityViolation#ORDER}; empty if all is well
     * @throws InvalidArgument if a part is missing
     */
    public static List<IntegrityViolation> evaluate(IntegrityScope scope, Collection<Allocation> allocations,
            Collection<Reservation> reservations, Collection<ReservationBlocker> blockers,
            Collection<ReservedSlot> slots) {
        if (scope == null || allocations == null || reservations == null || blockers == null || slots == null) {
            throw new InvalidArgument("an integrity evaluation needs a scope and the four kinds of records");
        }
        return new Evaluation(scope, allocations, reservations, blockers, slots).run();
    }

    /**
     * Reads the records of a scope through a unit of work's stores and evaluates the rules on them:
     * what {@link UnitOfWork#checkIntegrity(IntegrityScope)} does by default, and the reference a
     * storage's own answer is compared with (four kinds of reads, the slots once per resource of a
     * limited scope).
     *
     * @param work the unit of work to read in
     * @param scope which records to check
     * @return the violations, in {@link IntegrityViolation#ORDER}
     * @throws InvalidArgument if a part is missing
     */
    public static List<IntegrityViolation> readAndEvaluate(UnitOfWork work, IntegrityScope scope) {
        if (work == null || scope == null) {
            throw new InvalidArgument("reading for an integrity check needs a unit of work and a scope");
        }
        java.util.Optional<java.util.Set<java.util.UUID>> limited = scope.limitedTo();
        java.util.List<io.libres.db.models.Allocation> allocations = work.allocations().find(limited
                .map(AllocationCriteria::ofResources).orElseGet(AllocationCriteria::any)).list();
        java.util.List<io.libres.db.models.Reservation> reservations = work.reservations().find(limited
                .map(ReservationCriteria::ofResources).orElseGet(ReservationCriteria::any)).list();
        java.util.Set<java.util.UUID> resources = new java.util.HashSet<>(limited.orElse(java.util.Set.of()));
        if (limited.isEmpty()) {
            allocations.forEach(a -> resources.add(a.mirrorOf()));
            reservations.forEach(r -> resources.add(r.resource()));
        }
        java.util.List<io.libres.db.models.ReservationBlocker> blockers = resources.isEmpty() ? java.util.List.of()
                : work.blockers().find(BlockerCriteria.ofResources(resources)).list();
        java.util.List<io.libres.db.models.ReservedSlot> slots = new java.util.ArrayList<>();
        if (limited.isEmpty()) {
            slots.addAll(work.reservedSlots().find(SlotCriteria.any()).list());
        } else {
            for (java.util.UUID resource : limited.get()) {
                slots.addAll(work.reservedSlots().find(SlotCriteria.ofResource(resource)).list());
            }
        }
        return evaluate(scope, allocations, reservations, blockers, slots);
    }

    /** One evaluation: the records indexed once, then each rule. */
    private static final class Evaluation {

        private final Map<Integer, Allocation> allocationsById = new HashMap<>();
        private final List<Allocation> allocations;
        private final List<Reservation> reservations;
        private final List<ReservationBlocker> blockers;
        private final List<ReservedSlot> slots;
        private final Map<String, Reservation> reservationsBySource = new HashMap<>();
        private final Map<String, ReservationBlocker> blockersBySource = new HashMap<>();
        private final Map<String, List<ReservedSlot>> slotsBySource = new HashMap<>();
        private final Map<List<Object>, Allocation> masters = new HashMap<>();
        private final List<IntegrityViolation> found = new ArrayList<>();

        Evaluation(IntegrityScope scope, Collection<Allocation> allAllocations, Collection<Reservation> allReservations,
                Collection<ReservationBlocker> allBlockers, Collection<ReservedSlot> allSlots) {
            for (Allocation a : allAllocations) {
                allocationsById.put(a.requireId(), a);
            }
            allocations = allAllocations.stream().filter(a -> scope.includes(a.mirrorOf())).collect(Collectors.toList());
            reservations = allReservations.stream().filter(r -> scope.includes(r.resource())).collect(Collectors.toList());
            blockers = allBlockers.stream().filter(b -> scope.includes(b.resource())).collect(Collectors.toList());
            slots = allSlots.stream().filter(s -> {
                Allocation a = allocationsById.get(s.allocationId());
                return a == null ? scope.limitedTo().isEmpty() : scope.includes(a.mirrorOf());
            }).collect(Collectors.toList());
            for (Reservation r : allReservations) {
                reservationsBySource.put(source(SlotSource.RESERVATION, r.token(), r.requireId()), r);
            }
            for (ReservationBlocker b : allBlockers) {
                blockersBySource.put(source(SlotSource.BLOCKER, b.token(), b.requireId()), b);
            }
            for (ReservedSlot s : allSlots) {
                slotsBySource.computeIfAbsent(source(s.source(), s.reservationToken(), s.sourceId()),
                        k -> new ArrayList<>()).add(s);
            }
            for (Allocation a : allAllocations) {
                if (a.isMaster()) {
                    masters.put(List.of(a.mirrorOf(), a.start()), a);
                }
            }
        }

        private static String source(SlotSource source, UUID token, int id) {
            return source + "/" + token + "/" + id;
        }

        List<IntegrityViolation> run() {
            duplicateSlots();
            slotsOnAllocations();
            slotSources();
            approvedReservations();
            quotasAndMirrors();
            targets();
            blockersHoldSlots();
            return IntegrityViolation.sorted(found);
        }

        private void add(Kind kind, List<Integer> allocationIds, List<Integer> reservationIds, List<Integer> blockerIds,
                List<SlotKey> keys) {
            found.add(IntegrityViolation.of(kind, allocationIds, reservationIds, blockerIds, keys));
        }

        private static SlotKey key(ReservedSlot slot) {
            return new SlotKey(slot.resource(), slot.start());
        }

        private void duplicateSlots() {
            Map<SlotKey, List<ReservedSlot>> byKey = new TreeMap<>();
            for (ReservedSlot s : slots) {
                byKey.computeIfAbsent(key(s), k -> new ArrayList<>()).add(s);
            }
            byKey.forEach((key, twins) -> {
                if (twins.size() > 1) {
                    add(Kind.DUPLICATE_SLOT, twins.stream().map(ReservedSlot::allocationId).collect(Collectors.toList()),
                            List.of(), List.of(), List.of(key));
                }
            });
        }

        private void slotsOnAllocations() {
            for (ReservedSlot s : slots) {
                Allocation a = allocationsById.get(s.allocationId());
                if (a == null || !a.resource().equals(s.resource())) {
                    add(Kind.SLOT_WITHOUT_ALLOCATION, List.of(s.allocationId()), List.of(), List.of(), List.of(key(s)));
                } else if (!fits(s, a)) {
                    add(Kind.SLOT_OUTSIDE_ALLOCATION, List.of(s.allocationId()), List.of(), List.of(), List.of(key(s)));
                }
            }
        }

        private static boolean fits(ReservedSlot s, Allocation a) {
            if (!a.partlyAvailable()) {
                return s.start().equals(a.start()) && s.end().equals(a.end());
            }
            return !s.start().isBefore(a.start()) && !s.end().isAfter(a.end())
                    && s.start().equals(Rasterizer.rasterizeStart(s.start(), a.raster()))
                    && s.end().equals(s.start().plus(a.raster().duration()).minus(Timespan.MICROSECOND));
        }

        private void slotSources() {
            for (ReservedSlot s : slots) {
                String source = source(s.source(), s.reservationToken(), s.sourceId());
                if (s.source() == SlotSource.RESERVATION) {
                    Reservation r = reservationsBySource.get(source);
                    if (r == null) {
                        add(Kind.SLOT_WITHOUT_SOURCE, List.of(s.allocationId()), List.of(), List.of(), List.of(key(s)));
                    } else if (r.status() == ReservationStatus.PENDING) {
                        add(Kind.PENDING_RESERVATION_HOLDS_SLOTS, List.of(), List.of(r.requireId()), List.of(),
                                List.of(key(s)));
                    }
                } else if (!blockersBySource.containsKey(source)) {
                    add(Kind.SLOT_WITHOUT_SOURCE, List.of(s.allocationId()), List.of(), List.of(), List.of(key(s)));
                }
            }
        }

        /**
         * The slots an approved reservation may hold, for each start its end, by master: those of its
         * span on a master of an allocation target, every step of a master of a group target. All are
         * required except on a partly available master of a group target: moving such an allocation
         * (libres keeps the slots, as long as they stay within it) leaves the reservation with the
         * steps it held, so there any non-empty part of the steps will do.
         */
        private List<Map<Instant, Instant>> expectedSlots(Reservation r, List<Boolean> optional) {
            List<Map<Instant, Instant>> expected = new ArrayList<>();
            for (Allocation m : allocations) {
                if (!m.isMaster() || !m.group().equals(r.target()) || !m.mirrorOf().equals(r.resource())) {
                    continue;
                }
                Timespan span;
                if (r.targetType() == TargetType.ALLOCATION) {
                    if (r.start().isEmpty() || r.end().isEmpty()) {
                        continue;
                    }
                    Timespan wanted = new Timespan(r.start().get(), r.end().get());
                    if (!m.overlaps(wanted)) {
                        continue;
                    }
                    span = wanted;
                } else {
                    span = null;
                }
                Map<Instant, Instant> steps = new TreeMap<>();
                for (Timespan slot : m.allSlots(span)) {
                    steps.put(slot.start(), slot.end());
                }
                expected.add(steps);
                optional.add(r.targetType() == TargetType.GROUP && m.partlyAvailable());
            }
            return expected;
        }

        private void approvedReservations() {
            for (Reservation r : reservations) {
                if (r.status() != ReservationStatus.APPROVED) {
                    continue;
                }
                List<ReservedSlot> held = slotsBySource.getOrDefault(
                        source(SlotSource.RESERVATION, r.token(), r.requireId()), List.of());
                List<Boolean> optional = new ArrayList<>();
                List<Map<Instant, Instant>> expected = expectedSlots(r, optional);
                Map<Instant, List<ReservedSlot>> byStart = held.stream()
                        .collect(Collectors.groupingBy(ReservedSlot::start, TreeMap::new, Collectors.toList()));
                Map<Instant, Instant> allowed = new HashMap<>();
                boolean ok = true;
                for (int i = 0; i < expected.size(); i++) {
                    Map<Instant, Instant> steps = expected.get(i);
                    allowed.putAll(steps);
                    ok &= optional.get(i) ? steps.keySet().stream().anyMatch(byStart::containsKey)
                            : byStart.keySet().containsAll(steps.keySet());
                }
                for (ReservedSlot s : held) {
                    Allocation a = allocationsById.get(s.allocationId());
                    ok &= s.end().equals(allowed.get(s.start())) && a != null && a.group().equals(r.target())
                            && a.mirrorOf().equals(r.resource());
                }
                for (List<ReservedSlot> atStart : byStart.values()) {
                    ok &= atStart.size() == r.quota()
                            && atStart.stream().map(ReservedSlot::allocationId).distinct().count() == r.quota();
                }
                if (!ok) {
                    add(Kind.APPROVED_RESERVATION_SLOTS_MISMATCH, List.of(), List.of(r.requireId()), List.of(),
                            held.stream().map(Evaluation::key).collect(Collectors.toList()));
                }
            }
        }

        private void quotasAndMirrors() {
            Set<Integer> holding = new HashSet<>();
            for (ReservedSlot s : slots) {
                holding.add(s.allocationId());
            }
            Map<List<Object>, List<Allocation>> families = new TreeMap<>(Comparator.comparing(Object::toString));
            for (Allocation a : allocations) {
                families.computeIfAbsent(List.of(a.mirrorOf(), a.start()), k -> new ArrayList<>()).add(a);
            }
            families.forEach((family, members) -> {
                Allocation master = masters.get(family);
                if (master == null) {
                    for (Allocation mirror : members) {
                        add(Kind.MIRROR_WITHOUT_MASTER, List.of(mirror.requireId()), List.of(), List.of(), List.of());
                    }
                    return;
                }
                if (members.size() > master.quota()) {
                    add(Kind.TOO_MANY_MIRRORS, ids(members), List.of(), List.of(), List.of());
                }
                List<Allocation> holders = members.stream().filter(a -> holding.contains(a.requireId()))
                        .collect(Collectors.toList());
                if (holders.size() > master.quota()) {
                    add(Kind.QUOTA_EXCEEDED, ids(holders), List.of(), List.of(), List.of());
                }
                Set<UUID> valid = new HashSet<>();
                for (int n = 1; n < master.quota(); n++) {
                    valid.add(IntegrityScope.mirrorResource(master.resource(), n));
                }
                for (Allocation mirror : members) {
                    if (mirror.isMaster()) {
                        continue;
                    }
                    if (!mirror.end().equals(master.end()) || !mirror.group().equals(master.group())
                            || mirror.partlyAvailable() != master.partlyAvailable()
                            || !mirror.raster().equals(master.raster())) {
                        add(Kind.MIRROR_MISMATCH, List.of(master.requireId(), mirror.requireId()), List.of(), List.of(),
                                List.of());
                    }
                    if (!valid.contains(mirror.resource())) {
                        add(Kind.MIRROR_RESOURCE_INVALID, List.of(mirror.requireId()), List.of(), List.of(), List.of());
                    }
                }
            });
        }

        private static List<Integer> ids(List<Allocation> allocations) {
            return allocations.stream().map(Allocation::requireId).collect(Collectors.toList());
        }

        private void targets() {
            Set<List<UUID>> targeted = new HashSet<>();
            for (Allocation a : allocations) {
                if (a.isMaster()) {
                    targeted.add(List.of(a.mirrorOf(), a.group()));
                }
            }
            for (Reservation r : reservations) {
                if (!targeted.contains(List.of(r.resource(), r.target()))) {
                    add(Kind.TARGET_WITHOUT_MASTER, List.of(), List.of(r.requireId()), List.of(), List.of());
                }
            }
            for (ReservationBlocker b : blockers) {
                if (!targeted.contains(List.of(b.resource(), b.target()))) {
                    add(Kind.TARGET_WITHOUT_MASTER, List.of(), List.of(), List.of(b.requireId()), List.of());
                }
            }
        }

        private void blockersHoldSlots() {
            for (ReservationBlocker b : blockers) {
                if (!slotsBySource.containsKey(source(SlotSource.BLOCKER, b.token(), b.requireId()))) {
                    add(Kind.BLOCKER_WITHOUT_SLOTS, List.of(), List.of(), List.of(b.requireId()), List.of());
                }
            }
        }
    }
}
