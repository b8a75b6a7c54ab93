package io.libres.testkit.stress;

import io.libres.context.Context;
import io.libres.db.AllocateOptions;
import io.libres.db.MoveOptions;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.db.Session;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.LibresException;
import io.libres.errors.StorageException;
import io.libres.events.OperationListener;
import io.libres.events.Subscription;
import io.libres.time.DateRange;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A bounded random mix of scheduler operations from many threads on a few small-quota
 * allocations of one resource (reserve, approve, deny, remove, changeReservation, changeQuota,
 * blockers, moves, group reservations, reads), each operation one unit of work run by
 * {@link Session#transaction(Supplier)} with the library's default retry policy; optionally with
 * faults injected meanwhile (backends terminated, the server restarted once). Counts what happened
 * ({@link StressReport}); the caller then checks integrity.
 *
 * <p>Used by {@link StressKit} (in the build, bounded) and by the soak (the same run for a
 * duration, see the testkit's README).
 */
public final class StressRun {

    /** The zone of the stress schedulers. */
    public static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    private static final LocalDateTime DAY = LocalDateTime.of(2031, 3, 3, 0, 0);
    private static final int SAMPLES = 5;

    private final Context context;
    private final int threads;
    private final long operations;
    private final Duration duration;
    private final long seed;
    private final Faults faults;

    private StressRun(Context context, int threads, long operations, Duration duration, long seed, Faults faults) {
        this.context = context;
        this.threads = threads;
        this.operations = operations;
        this.duration = duration;
        this.seed = seed;
        this.faults = faults;
    }

    /**
     * A run of a number of operations.
     *
     * @param context the context, with the storage under test installed and its tables set up
     * @param threads how many threads run operations at once
     * @param operations how many operations they run in all
     * @param seed the seed of the random choices (the interleaving is the machine's)
     * @return the run, not started
     */
    public static StressRun of(Context context, int threads, long operations, long seed) {
        return new StressRun(context, threads, operations, null, seed, null);
    }

    /**
     * The same run for a duration instead of a number of operations, for a soak.
     *
     * @param length how long the threads keep running operations
     * @return the changed run
     */
    public StressRun lasting(Duration length) {
        return new StressRun(context, threads, Long.MAX_VALUE, length, seed, faults);
    }

    /**
     * The same run with faults injected while it runs.
     *
     * @param injected what terminates backends and restarts the server
     * @return the changed run
     */
    public StressRun withFaults(Faults injected) {
        return new StressRun(context, threads, operations, duration, seed, injected);
    }

    /** The allocations of one run, on one scheduler of its own. */
    private static final class World {
        final Scheduler scheduler;
        final int single;
        final int triple;
        final int partial;
        final int movable;
        final UUID group;
        final DateRange singleDates = hours(8, 9);
        final DateRange tripleDates = hours(9, 10);
        final DateRange partialDates = hours(10, 12);
        final List<DateRange> moveWindows = List.of(span(1, 8, 0, 9, 0), span(1, 10, 0, 11, 0));
        final Pool pending = new Pool();
        final Pool approved = new Pool();
        final Pool blockers = new Pool();

        World(Scheduler scheduler) {
            this.scheduler = scheduler;
            single = scheduler.allocate(singleDates).get(0).requireId();
            triple = scheduler.allocate(tripleDates, AllocateOptions.builder().quota(3).quotaLimit(2).build())
                    .get(0).requireId();
            partial = scheduler.allocate(partialDates, AllocateOptions.builder().partlyAvailable(true).raster(15)
                    .quota(2).build()).get(0).requireId();
            movable = scheduler.allocate(moveWindows.get(0), AllocateOptions.builder().quota(2).build())
                    .get(0).requireId();
            group = scheduler.allocate(List.of(hours(13, 14), hours(14, 15)),
                    AllocateOptions.builder().grouped(true).quota(2).build()).get(0).group();
        }

        /** A raster-aligned part of the partly available allocation, 15 to 60 minutes long. */
        DateRange partOfPartial(Random random) {
            int start = random.nextInt(7) * 15;
            int length = 15 * (1 + random.nextInt(Math.min(4, (120 - start) / 15)));
            return DateRange.of(DAY.plusHours(10).plusMinutes(start), DAY.plusHours(10).plusMinutes(start + length));
        }

        DateRange movableDates() {
            Allocation now = scheduler.allocationById(movable);
            return DateRange.of(now.start().atZone(ZURICH), now.end().plusNanos(1000).atZone(ZURICH));
        }
    }

    private static DateRange hours(int from, int to) {
        return DateRange.of(DAY.plusHours(from), DAY.plusHours(to));
    }

    private static DateRange span(int days, int fromHour, int fromMinute, int toHour, int toMinute) {
        LocalDateTime day = DAY.plusDays(days);
        return DateRange.of(day.plusHours(fromHour).plusMinutes(fromMinute), day.plusHours(toHour).plusMinutes(toMinute));
    }

    /** Tokens the operations pass to each other, picked at random. */
    private static final class Pool {
        private final List<UUID> tokens = new ArrayList<>();

        synchronized void add(UUID token) {
            tokens.add(token);
        }

        synchronized Optional<UUID> take(Random random) {
            return tokens.isEmpty() ? Optional.empty() : Optional.of(tokens.remove(random.nextInt(tokens.size())));
        }

        synchronized Optional<UUID> peek(Random random) {
            return tokens.isEmpty() ? Optional.empty() : Optional.of(tokens.get(random.nextInt(tokens.size())));
        }
    }

    /** The kinds of operation, with their weights in the mix. */
    private enum Kind {
        BOOK(5), RESERVE(3), RESERVE_GROUP(1), APPROVE(3), DENY(2), REMOVE(5), CHANGE_RESERVATION(2), CHANGE_QUOTA(1),
        BLOCK(1), UNBLOCK(1), MOVE(1), READ(2);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }

        static Kind pick(Random random) {
            int total = 0;
            for (Kind kind : values()) {
                total += kind.weight;
            }
            int roll = random.nextInt(total);
            for (Kind kind : values()) {
                roll -= kind.weight;
                if (roll < 0) {
                    return kind;
                }
            }
            throw new IllegalStateException("no kind for the roll");
        }
    }

    /** The counters of a run, shared by its threads. */
    private static final class Counters implements OperationListener {
        final LongAdder operations = new LongAdder();
        final LongAdder succeeded = new LongAdder();
        final LongAdder bookings = new LongAdder();
        final LongAdder retried = new LongAdder();
        final LongAdder gaveUp = new LongAdder();
        final LongAdder untyped = new LongAdder();
        final Map<String, LongAdder> typed = new ConcurrentHashMap<>();
        final List<String> samples = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void conflictRetried(Context context, int attempt) {
            retried.increment();
        }

        void failed(RuntimeException e) {
            if (e instanceof StorageException && ((StorageException) e).isRetryable()) {
                gaveUp.increment();
                typed.computeIfAbsent("gave up: " + e.getClass().getSimpleName(), k -> new LongAdder()).increment();
            } else if (e instanceof LibresException) {
                typed.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
            } else {
                untyped.increment();
                if (samples.size() < SAMPLES) {
                    java.io.StringWriter trace = new java.io.StringWriter();
                    e.printStackTrace(new java.io.PrintWriter(trace));
                    samples.add(trace.toString());
                }
            }
        }

        StressReport report(List<String> violations, String faults, long millis) {
            Map<String, Long> byClass = new java.util.TreeMap<>();
            typed.forEach((name, count) -> byClass.put(name, count.sum()));
            return new StressReport(operations.sum(), succeeded.sum(), bookings.sum(), retried.sum(), gaveUp.sum(),
                    byClass, untyped.sum(), new ArrayList<>(samples), violations, faults, millis);
        }
    }

    /**
     * Runs the mix, then the integrity check.
     *
     * @param integrity the integrity check, run on the context once every thread has stopped; it
     *     returns what it found wrong, one line per violation
     * @return what the run counted
     * @throws InterruptedException if the calling thread is interrupted while the run waits
     */
    public StressReport run(Function<Context, List<String>> integrity) throws InterruptedException {
        Scheduler setUp = new Scheduler(context, "stress-" + UUID.randomUUID(), ZURICH);
        World world = Session.of(context).transaction(() -> new World(setUp));
        Counters counters = new Counters();
        Session session = Session.of(context);
        AtomicLong issued = new AtomicLong();
        long started = System.nanoTime();
        long deadline = duration == null ? Long.MAX_VALUE : started + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        FaultThread faultThread = faults == null ? null : new FaultThread(faults, new Random(seed ^ 0x5DEECE66DL), issued);
        try (Subscription ignored = setUp.events().onOperations(counters)) {
            if (faultThread != null) {
                faultThread.start();
            }
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(seed + 31L * t);
                workers.add(pool.submit(() -> {
                    long n;
                    while ((n = issued.incrementAndGet()) <= operations && System.nanoTime() < deadline) {
                        boolean pastHalf = duration == null ? n >= operations / 2
                                : System.nanoTime() - started >= duration.toNanos() / 2;
                        if (faultThread != null && pastHalf) {
                            faultThread.restartSoon();
                        }
                        counters.operations.increment();
                        try {
                            Kind kind = Kind.pick(random);
                            if (session.transaction(() -> perform(kind, world, random))) {
                                counters.bookings.increment();
                            }
                            counters.succeeded.increment();
                        } catch (RuntimeException e) {
                            counters.failed(e);
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a stress thread failed outside an operation", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            if (faultThread != null) {
                faultThread.finish();
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        List<String> violations = integrity.apply(context);
        return counters.report(violations, faultThread == null ? "" : faultThread.summary(), millis);
    }

    /** Runs one operation in the caller's unit of work; true if it approved a reservation. */
    private static boolean perform(Kind kind, World world, Random random) {
        Scheduler s = world.scheduler;
        switch (kind) {
            case RESERVE: {
                int target = random.nextInt(4);
                DateRange dates = target == 0 ? world.singleDates : target == 1 ? world.tripleDates
                        : target == 2 ? world.partOfPartial(random) : world.movableDates();
                int quota = target == 1 ? 1 + random.nextInt(2) : 1;
                UUID token = s.reserve(email(random), dates, ReserveOptions.builder().quota(quota).build());
                afterCommit(world.pending, token);
                return false;
            }
            case BOOK: {
                DateRange dates = random.nextBoolean() ? world.partOfPartial(random)
                        : random.nextBoolean() ? world.tripleDates : world.singleDates;
                UUID token = s.reserve(email(random), dates);
                s.approveReservations(token);
                afterCommit(world.approved, token);
                return true;
            }
            case RESERVE_GROUP:
                afterCommit(world.pending, s.reserveGroup(email(random), world.group));
                return false;
            case APPROVE: {
                Optional<UUID> token = world.pending.take(random);
                if (token.isEmpty()) {
                    return false;
                }
                // back to the pool if the unit of work does not commit, for another try or a denial
                Optional<UUID> back = token;
                try {
                    s.approveReservations(token.get());
                } catch (RuntimeException e) {
                    world.pending.add(back.get());
                    throw e;
                }
                afterCommit(world.approved, token.get());
                return true;
            }
            case DENY:
                world.pending.take(random).ifPresent(s::denyReservation);
                return false;
            case REMOVE: {
                Optional<UUID> token = random.nextInt(3) > 0 ? world.approved.take(random) : world.pending.take(random);
                token.ifPresent(s::removeReservation);
                return false;
            }
            case CHANGE_RESERVATION: {
                Optional<UUID> token = world.approved.peek(random);
                if (token.isEmpty()) {
                    return false;
                }
                for (Reservation reservation : s.reservationsByToken(token.get()).list()) {
                    if (reservation.target() != null && s.allocationsByReservation(token.get(), reservation.requireId())
                            .list().stream().anyMatch(a -> a.requireId() == world.partial)) {
                        s.changeReservation(token.get(), reservation.requireId(), world.partOfPartial(random));
                    }
                }
                return false;
            }
            case CHANGE_QUOTA:
                s.changeQuota(s.allocationById(random.nextBoolean() ? world.triple : world.movable), 1 + random.nextInt(4));
                return false;
            case BLOCK: {
                List<ReservationBlocker> made = s.addBlocker(random.nextBoolean() ? world.partOfPartial(random)
                        : world.singleDates);
                afterCommit(world.blockers, made.get(0).token());
                return false;
            }
            case UNBLOCK:
                world.blockers.take(random).ifPresent(s::removeBlocker);
                return false;
            case MOVE:
                s.moveAllocation(world.movable, MoveOptions.builder()
                        .dates(world.moveWindows.get(random.nextInt(world.moveWindows.size()))).build());
                return false;
            case READ:
                s.availability(DateRange.of(DAY, DAY.plusDays(2)));
                return false;
            default:
                throw new IllegalStateException("unknown operation " + kind);
        }
    }

    /**
     * Puts a token in a pool. A unit of work that fails after this leaves a token that no longer
     * exists; the operation using it later gets a typed error, counted like any other.
     */
    private static void afterCommit(Pool pool, UUID token) {
        pool.add(token);
    }

    private static String email(Random random) {
        return "stress-" + random.nextInt(20) + "@example.org";
    }

    /**
     * Races many attempts at one allocation (issue 13's W5): {@code threads} threads, each attempt
     * its own unit of work through {@link Session#transaction(Supplier)} with the default policy,
     * reserving and approving one spot of one allocation of the given quota, quota limit 1.
     *
     * @param context the context, with the storage under test installed and its tables set up
     * @param threads how many threads race
     * @param attempts how many attempts they make in all
     * @param quota the allocation's quota, which is how many attempts can succeed
     * @return what the race counted; bookings are the attempts that succeeded
     * @throws InterruptedException if the calling thread is interrupted while the race waits
     */
    public static StressReport race(Context context, int threads, int attempts, int quota) throws InterruptedException {
        Scheduler scheduler = new Scheduler(context, "race-" + UUID.randomUUID(), ZURICH);
        DateRange hour = DateRange.of(LocalDateTime.of(2030, 1, 1, 8, 0), LocalDateTime.of(2030, 1, 1, 9, 0));
        scheduler.allocate(hour, AllocateOptions.builder().quota(quota).quotaLimit(1).build());
        scheduler.commit();
        Counters counters = new Counters();
        Session session = Session.of(context);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        long started;
        try (Subscription ignored = scheduler.events().onOperations(counters)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                done.add(pool.submit(() -> {
                    go.await();
                    counters.operations.increment();
                    try {
                        session.transaction(() -> scheduler.approveReservations(
                                scheduler.reserve("racer@example.org", hour)));
                        counters.succeeded.increment();
                        counters.bookings.increment();
                    } catch (AlreadyReservedError full) {
                        counters.typed.computeIfAbsent(full.getClass().getSimpleName(), k -> new LongAdder()).increment();
                    } catch (RuntimeException e) {
                        counters.failed(e);
                    }
                    return null;
                }));
            }
            started = System.nanoTime();
            go.countDown();
            for (Future<?> attempt : done) {
                try {
                    attempt.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a racing thread failed outside its attempt", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return counters.report(List.of(), "", millis);
    }

    /** Terminates a random backend every few operations and restarts the server once, when asked. */
    private static final class FaultThread extends Thread {
        private final Faults faults;
        private final Random random;
        private final CountDownLatch restart = new CountDownLatch(1);
        private volatile boolean running = true;
        private final AtomicLong terminated = new AtomicLong();
        private final AtomicLong restarts = new AtomicLong();
        private final AtomicLong issued;
        private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

        FaultThread(Faults faults, Random random, AtomicLong issued) {
            super("libres-stress-faults");
            this.faults = faults;
            this.random = random;
            this.issued = issued;
            setDaemon(true);
        }

        void restartSoon() {
            restart.countDown();
        }

        /**
         * Terminates a random backend after every 4 to 16 operations issued, and restarts the
         * server once when asked. Counting operations rather than time keeps the faults per
         * operation the same on a loaded machine, where each operation takes longer: a rate per
         * second there killed each unit of work's connection many times over.
         */
        @Override
        public void run() {
            boolean restarted = false;
            long next = issued.get() + nextGap();
            while (running) {
                try {
                    if (!restarted && restart.getCount() == 0) {
                        restarted = true;
                        faults.restartServer();
                        restarts.incrementAndGet();
                    }
                    if (issued.get() < next) {
                        Thread.sleep(5);
                        continue;
                    }
                    next = issued.get() + nextGap();
                    if (running) {
                        terminated.addAndGet(faults.terminateRandomBackend(random));
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // the server may be restarting; the next round tries again
                    if (errors.size() < SAMPLES) {
                        errors.add(e.toString());
                    }
                }
            }
        }

        private long nextGap() {
            return 4 + random.nextInt(13);
        }

        void finish() throws InterruptedException {
            running = false;
            interrupt();
            join(TimeUnit.SECONDS.toMillis(60));
        }

        String summary() {
            return terminated.get() + " backends terminated, " + restarts.get() + " server restart(s)"
                    + (errors.isEmpty() ? "" : ", fault injection errors " + errors);
        }
    }
}
