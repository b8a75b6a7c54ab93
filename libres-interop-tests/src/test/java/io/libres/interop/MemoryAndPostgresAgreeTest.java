package io.libres.interop;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.IntegrityViolation;
import io.libres.db.MoveOptions;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservedSlot;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.jdbi.JdbiStorage;
import io.libres.jooq.JooqStorage;
import io.libres.testkit.memory.InMemoryStorage;
import io.libres.testkit.postgres.PostgresServer;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.time.DateRange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stateful property: random sequences of scheduler operations (allocate, reserve, approve, deny,
 * remove, groups and group reservations, change a reservation's span and quota, change an allocation's quota, move it, blockers,
 * browser sessions) run on the in-memory storage and on PostgreSQL through JDBI and through jOOQ
 * (a database each) side by side.
 * After every step all three give the same outcome (the same result, or an exception of the same
 * class), hold the same allocations, reservations, blockers and reserved slots, report the same
 * availability, and pass the integrity check. Ids and tokens differ between the two (PostgreSQL's
 * sequences are not rolled back, tokens are random), so records are compared with tokens replaced
 * by the index of the step that made them. Shrunk counterexamples are kept as named regression
 * tests in {@code MemoryAndPostgresRegressionTest}.
 */
class MemoryAndPostgresAgreeTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final String EMAIL = "property@example.org";
    /** Two browser sessions, the same in both worlds. */
    private static final List<UUID> SESSIONS = List.of(UUID.fromString("5e551011-0000-4000-8000-000000000001"),
            UUID.fromString("5e551011-0000-4000-8000-000000000002"));
    private static final AtomicInteger TRIES = new AtomicInteger();

    private static final List<TestDatabase> DATABASES = new ArrayList<>();
    private static Storage jdbi;
    private static Storage jooq;

    /** A database of its own per SQL adapter, made at the first try, dropped after the last. */
    private static synchronized List<Storage> sqlStorages() {
        if (jdbi == null) {
            TestDatabase forJdbi = PostgresServer.shared().createDatabase("agreement-jdbi");
            DATABASES.add(forJdbi);
            jdbi = JdbiStorage.builder().dsn(dsn(forJdbi)).build();
            jdbi.setupDatabase();
            TestDatabase forJooq = PostgresServer.shared().createDatabase("agreement-jooq");
            DATABASES.add(forJooq);
            jooq = JooqStorage.builder().dsn(dsn(forJooq)).build();
            jooq.setupDatabase();
        }
        return List.of(jdbi, jooq);
    }

    /** The JDBC URL with user and password, so that each storage makes (and stops) a pool of its own. */
    private static String dsn(TestDatabase database) {
        String url = database.jdbcUrl();
        String dsn = url + (url.contains("?") ? "&" : "?") + "user=" + database.user();
        return database.password().isEmpty() ? dsn : dsn + "&password=" + database.password();
    }

    @AfterContainer
    static void dropDatabases() {
        for (Storage storage : new Storage[] {jdbi, jooq}) {
            if (storage instanceof io.libres.context.StoppableService) {
                ((io.libres.context.StoppableService) storage).stopService();
            }
        }
        jdbi = null;
        jooq = null;
        DATABASES.forEach(PostgresServer.shared()::dropDatabase);
        DATABASES.clear();
    }

    // ------------------------------------------------------------------ operations

    /** One scheduler operation; indices pick among the records made so far (modulo their number). */
    interface Op {
        /**
         * Runs the operation in a world.
         *
         * @param world the world
         * @return a summary of the result, equal in both worlds when they agree
         */
        Object run(World world);
    }

    record Allocate(int day, int hour, int hours, int quota, boolean partly, int raster) implements Op {
        @Override
        public Object run(World w) {
            List<Allocation> made = w.scheduler.allocate(w.range(day, hour, 0, hour + hours, 0),
                    AllocateOptions.builder().quota(quota).partlyAvailable(partly).raster(raster).build());
            made.forEach(a -> w.groups.putIfAbsent(a.group(), "g" + w.groups.size()));
            return made.size();
        }
    }

    record AllocateGroup(int day, int hour, int quota) implements Op {
        @Override
        public Object run(World w) {
            List<Allocation> made = w.scheduler.allocate(List.of(w.range(day, hour, 0, hour + 1, 0),
                    w.range(day + 3, hour, 0, hour + 1, 0)), AllocateOptions.builder().grouped(true).quota(quota).build());
            made.forEach(a -> w.groups.putIfAbsent(a.group(), "g" + w.groups.size()));
            return made.size();
        }
    }

    record ReserveGroup(int allocation, int quota) implements Op {
        @Override
        public Object run(World w) {
            Allocation a = w.allocation(allocation);
            if (a == null) {
                return "no allocation";
            }
            UUID token = w.scheduler.reserveGroup(EMAIL, a.group(), ReserveOptions.builder().quota(quota).build());
            w.tokens.put(token, "r" + w.tokens.size());
            return "reserved";
        }
    }

    record Reserve(int allocation, int offset, int length, int quota, int session) implements Op {
        @Override
        public Object run(World w) {
            Allocation a = w.allocation(allocation);
            if (a == null) {
                return "no allocation";
            }
            ReserveOptions.Builder options = ReserveOptions.builder().quota(quota);
            if (session > 0) {
                options = options.sessionId(SESSIONS.get(session - 1));
            }
            Instant start = a.start().plusSeconds(offset * 900L);
            UUID token = w.scheduler.reserve(EMAIL, DateRange.of(start, start.plusSeconds(length * 900L)),
                    options.build());
            w.tokens.put(token, "r" + w.tokens.size());
            return "reserved";
        }
    }

    record Approve(int reservation) implements Op {
        @Override
        public Object run(World w) {
            UUID token = w.token(reservation);
            return token == null ? "no reservation" : w.scheduler.approveReservations(token).size();
        }
    }

    record Deny(int reservation) implements Op {
        @Override
        public Object run(World w) {
            UUID token = w.token(reservation);
            return token == null ? "no reservation" : w.scheduler.denyReservation(token).size();
        }
    }

    record Remove(int reservation) implements Op {
        @Override
        public Object run(World w) {
            UUID token = w.token(reservation);
            return token == null ? "no reservation" : w.scheduler.removeReservation(token).size();
        }
    }

    record ChangeReservation(int reservation, int offset, int length, int quota) implements Op {
        @Override
        public Object run(World w) {
            UUID token = w.token(reservation);
            if (token == null) {
                return "no reservation";
            }
            Reservation r = w.scheduler.reservationsByToken(token).list().get(0);
            if (r.start().isEmpty()) {
                return "group reservation";
            }
            Instant start = r.start().get().plusSeconds(offset * 900L);
            DateRange dates = DateRange.of(start, start.plusSeconds(length * 900L));
            Optional<Reservation> changed = quota == 0 ? w.scheduler.changeReservation(token, r.requireId(), dates)
                    : w.scheduler.changeReservation(token, r.requireId(), dates, quota);
            return changed.isPresent();
        }
    }

    record ChangeQuota(int allocation, int quota) implements Op {
        @Override
        public Object run(World w) {
            Allocation a = w.allocation(allocation);
            return a == null ? "no allocation" : w.scheduler.changeQuota(a, quota).quota();
        }
    }

    record Move(int allocation, int startHours, int endHours) implements Op {
        @Override
        public Object run(World w) {
            Allocation a = w.allocation(allocation);
            if (a == null) {
                return "no allocation";
            }
            Instant end = a.end().plusNanos(1000);
            w.scheduler.moveAllocation(a.requireId(), MoveOptions.builder().dates(DateRange.of(
                    a.start().plusSeconds(startHours * 3600L), end.plusSeconds(endHours * 3600L))).build());
            return "moved";
        }
    }

    record AddBlocker(int allocation, int offset, int length) implements Op {
        @Override
        public Object run(World w) {
            Allocation a = w.allocation(allocation);
            if (a == null) {
                return "no allocation";
            }
            Instant start = a.start().plusSeconds(offset * 900L);
            List<ReservationBlocker> made = w.scheduler.addBlocker(List.of(DateRange.of(start,
                    start.plusSeconds(length * 900L))), "maintenance");
            made.forEach(b -> w.tokens.putIfAbsent(b.token(), "b" + w.tokens.size()));
            return made.size();
        }
    }

    record RemoveBlocker(int blocker) implements Op {
        @Override
        public Object run(World w) {
            List<UUID> blockers = w.tokens.entrySet().stream().filter(e -> e.getValue().startsWith("b"))
                    .map(Map.Entry::getKey).collect(Collectors.toList());
            return blockers.isEmpty() ? "no blocker"
                    : w.scheduler.removeBlocker(blockers.get(blocker % blockers.size())).size();
        }
    }

    record ConfirmSession(int session) implements Op {
        @Override
        public Object run(World w) {
            return w.scheduler.queries().confirmReservationsForSession(SESSIONS.get(session), null).size();
        }
    }

    record RemoveFromSession(int session, int reservation) implements Op {
        @Override
        public Object run(World w) {
            UUID token = w.token(reservation);
            if (token == null) {
                return "no reservation";
            }
            w.scheduler.queries().removeReservationFromSession(SESSIONS.get(session), token);
            return "removed";
        }
    }

    record ExpireSessions() implements Op {
        @Override
        public Object run(World w) {
            return w.scheduler.queries().removeExpiredReservationSessions(Instant.now().plusSeconds(86_400)).size();
        }
    }

    // ------------------------------------------------------------------ worlds

    /** One storage with its context and scheduler, and the records its steps made, in order. */
    static final class World {
        final Scheduler scheduler;
        /** Tokens of reservations ("r<n>") and blockers ("b<n>"), by the step order that made them. */
        final Map<UUID, String> tokens = new LinkedHashMap<>();
        final Map<UUID, String> groups = new LinkedHashMap<>();

        World(Storage storage, String name) {
            Context context = Registry.createDefault().registerContext("agreement");
            context.setService(StoragePorts.STORAGE.key(), ctx -> storage, true);
            this.scheduler = new Scheduler(context, name, ZURICH);
        }

        DateRange range(int day, int fromHour, int fromMinute, int toHour, int toMinute) {
            LocalDateTime base = LocalDateTime.of(2030, 1, 7, 0, 0).plusDays(day);
            return DateRange.of(base.plusHours(fromHour).plusMinutes(fromMinute), base.plusHours(toHour)
                    .plusMinutes(toMinute));
        }

        /** The masters, by start: the same order in both worlds. */
        Allocation allocation(int index) {
            List<Allocation> masters = scheduler.managedAllocations().list().stream().filter(Allocation::isMaster)
                    .sorted(Comparator.comparing(Allocation::start)).collect(Collectors.toList());
            return masters.isEmpty() ? null : masters.get(index % masters.size());
        }

        UUID token(int index) {
            List<UUID> reservations = tokens.entrySet().stream().filter(e -> e.getValue().startsWith("r"))
                    .map(Map.Entry::getKey).collect(Collectors.toList());
            return reservations.isEmpty() ? null : reservations.get(index % reservations.size());
        }

        /** Runs an operation in a transaction of its own: its summary, or the class of what it threw. */
        Object step(Op op) {
            try {
                return scheduler.transaction(() -> op.run(this));
            } catch (RuntimeException e) {
                return e.getClass().getName();
            }
        }

        private String token(UUID token) {
            return tokens.getOrDefault(token, "?");
        }

        /** What the world holds, with tokens and groups replaced by their step names, ids left out. */
        List<Object> state() {
            return scheduler.transaction(() -> {
                List<Object> state = new ArrayList<>();
                state.add(scheduler.managedAllocations().list().stream()
                        .sorted(Comparator.comparing(Allocation::start).thenComparing(a -> a.resource().toString()))
                        .map(a -> List.of(a.resource(), a.start(), a.end(), a.quota(), a.quotaLimit(),
                                a.partlyAvailable(), a.raster().minutes(), groups.getOrDefault(a.group(), "?")))
                        .collect(Collectors.toList()));
                state.add(scheduler.managedReservations().list().stream()
                        .map(r -> List.of(token(r.token()), r.status(), r.start().map(Object::toString).orElse("-"),
                                r.end().map(Object::toString).orElse("-"), r.quota(), r.targetType(),
                                groups.getOrDefault(r.target(), "?"), r.sessionId().map(Object::toString).orElse("-")))
                        .sorted(Comparator.comparing(Object::toString)).collect(Collectors.toList()));
                state.add(scheduler.managedBlockers().list().stream()
                        .map(b -> List.of(token(b.token()), String.valueOf(b.start()), String.valueOf(b.end()),
                                groups.getOrDefault(b.target(), "?")))
                        .sorted(Comparator.comparing(Object::toString)).collect(Collectors.toList()));
                state.add(scheduler.managedReservedSlots().list().stream()
                        .sorted(Comparator.comparing(ReservedSlot::start).thenComparing(s -> s.resource().toString()))
                        .map(s -> List.of(s.resource(), s.start(), s.end(), s.source(), token(s.reservationToken())))
                        .collect(Collectors.toList()));
                state.add(scheduler.availability());
                return state;
            });
        }
    }

    // ------------------------------------------------------------------ the property

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 7);
        Arbitrary<Op> allocate = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(8, 14), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 3), Arbitraries.of(true, false), Arbitraries.of(15, 30, 60))
                .as(Allocate::new);
        Arbitrary<Op> reserve = Combinators.combine(index, Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 2)).as(Reserve::new);
        Arbitrary<Op> change = Combinators.combine(index, Arbitraries.integers().between(-2, 4),
                Arbitraries.integers().between(1, 8), Arbitraries.integers().between(0, 3)).as(ChangeReservation::new);
        Arbitrary<Op> op = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, allocate),
                net.jqwik.api.Tuple.of(6, reserve),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(8, 14), Arbitraries.integers().between(1, 3))
                        .as(AllocateGroup::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(index, Arbitraries.integers().between(1, 3))
                        .as(ReserveGroup::new)),
                net.jqwik.api.Tuple.of(5, index.map(Approve::new)),
                net.jqwik.api.Tuple.of(1, index.map(Deny::new)),
                net.jqwik.api.Tuple.of(2, index.map(Remove::new)),
                net.jqwik.api.Tuple.of(3, change),
                net.jqwik.api.Tuple.of(2, Combinators.combine(index, Arbitraries.integers().between(1, 4))
                        .as(ChangeQuota::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(index, Arbitraries.integers().between(-1, 1),
                        Arbitraries.integers().between(-1, 1)).as(Move::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(index, Arbitraries.integers().between(0, 8),
                        Arbitraries.integers().between(1, 4)).as(AddBlocker::new)),
                net.jqwik.api.Tuple.of(1, index.map(RemoveBlocker::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 1).map(ConfirmSession::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 1), index)
                        .as(RemoveFromSession::new)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new ExpireSessions())));
        return op.list().ofMinSize(10).ofMaxSize(30);
    }

    @Property(tries = 40)
    void memoryAndPostgresAgree(@ForAll("operations") List<Op> operations) {
        agree(operations, (op, outcome) -> net.jqwik.api.statistics.Statistics.label("outcomes")
                .collect(op.getClass().getSimpleName(), outcome instanceof String && ((String) outcome).contains("Exception")
                        || outcome instanceof String && ((String) outcome).contains("Error") ? "refused" : "done"));
    }

    /**
     * Runs the operations in both worlds, comparing after every step.
     *
     * @param operations the steps
     */
    static void agree(List<Op> operations) {
        agree(operations, (op, outcome) -> { });
    }

    /**
     * Runs the operations in both worlds, comparing after every step, telling each outcome.
     *
     * @param operations the steps
     * @param outcomes told each operation and its outcome in memory
     */
    static void agree(List<Op> operations, java.util.function.BiConsumer<Op, Object> outcomes) {
        String name = "agreement-" + TRIES.incrementAndGet() + "-" + UUID.randomUUID();
        World memory = new World(InMemoryStorage.create(), name);
        List<Storage> storages = sqlStorages();
        List<World> sql = List.of(new World(storages.get(0), name), new World(storages.get(1), name));
        List<String> names = List.of("PostgreSQL through JDBI", "PostgreSQL through jOOQ");
        Function<World, List<IntegrityViolation>> integrity = w -> w.scheduler.checkIntegrity();
        try {
            for (int i = 0; i < operations.size(); i++) {
                Op op = operations.get(i);
                String step = "step " + (i + 1) + " " + op;
                Object expected = memory.step(op);
                outcomes.accept(op, expected);
                List<Object> state = memory.state();
                assertThat(integrity.apply(memory)).as("integrity in memory after " + step).isEmpty();
                for (int w = 0; w < sql.size(); w++) {
                    assertThat(sql.get(w).step(op)).as("outcome on " + names.get(w) + " of " + step).isEqualTo(expected);
                    assertThat(sql.get(w).state()).as("state on " + names.get(w) + " after " + step).isEqualTo(state);
                    assertThat(integrity.apply(sql.get(w))).as("integrity on " + names.get(w) + " after " + step).isEmpty();
                }
            }
        } finally {
            for (World w : sql) {
                w.scheduler.transaction(() -> w.scheduler.extinguishManagedRecords());
            }
        }
    }
}
