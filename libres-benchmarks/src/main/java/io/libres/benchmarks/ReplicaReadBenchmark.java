package io.libres.benchmarks;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.AvailabilityMatrix;
import io.libres.db.FreeSlot;
import io.libres.db.FreeSlotQuery;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.db.Schedulers;
import io.libres.db.Session;
import io.libres.jdbi.JdbiStorage;
import io.libres.spi.ReplicaStatistics;
import io.libres.testkit.postgres.ReplicatedPostgres;
import io.libres.time.DateRange;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Issue 19's benchmark: availability and free-time reads on a streaming standby against the same
 * reads on the primary, while a writer books on the primary. Each trial starts a primary and a hot
 * standby streaming from it ({@link ReplicatedPostgres}, the embedded binaries), and loads 20 rooms
 * with 30 days of hourly allocations (08:00-18:00, partly available on a 15-minute raster), a third
 * of them booked. A writer thread then books and cancels an hour on those rooms, {@link #writes}
 * transactions a second, on the primary, for the whole trial.
 *
 * <p>{@code route=standby} reads through a {@link JdbiStorage} with the standby as its replica
 * (REPEATABLE READ READ ONLY on the standby); {@code route=primary} through one without replicas
 * (SERIALIZABLE on the primary). Both have a HikariCP pool of their own on each server. Every read
 * is a read-only scope ({@code Session.readOnly}) of a context that does not write, so it never
 * waits for the standby; {@link #bookThenReadBack()} books in its own context and reads the booking
 * back at once: on the standby that read waits until the standby has replayed the commit
 * (read-your-writes), which is what its time shows against the primary's.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class ReplicaReadBenchmark {

    static final LocalDate FIRST_DAY = LocalDate.of(2030, 3, 4);
    static final int DAYS = 30;
    static final int ROOMS = 20;
    static final int FIRST_HOUR = 8;
    static final int HOURS = 10;
    static final LocalDate SEARCH_DAY = FIRST_DAY.plusDays(7);
    static final LocalTime FROM = LocalTime.of(14, 0);
    static final LocalTime UNTIL = LocalTime.of(16, 0);

    /** Where the reads run: {@code standby} or {@code primary}. */
    @Param({"standby", "primary"})
    public String route;

    /** The writer's transactions per second on the primary (a booking, or its cancellation). */
    @Param({"20"})
    public int writes;

    private ReplicatedPostgres pair;
    private JdbiStorage primaryStorage;
    private JdbiStorage readStorage;
    private Scheduler room;
    private Scheduler ownRoom;
    private Schedulers all;
    private Session reader;
    private FreeSlotQuery afternoon;
    private DateRange day;
    private Thread writer;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicLong written = new AtomicLong();
    private int ownHour;

    /** Starts the pair, loads the rooms, and starts the writer. */
    @Setup(Level.Trial)
    public void open() {
        pair = ReplicatedPostgres.start();
        primaryStorage = JdbiStorage.connect(pair.primaryUrl());
        primaryStorage.setupDatabase();
        readStorage = "standby".equals(route)
                ? JdbiStorage.builder().dsn(pair.primaryUrl()).replicaDsns(pair.standbyUrl()).build()
                : JdbiStorage.connect(pair.primaryUrl());
        Context writes = context("replica-bench", primaryStorage);
        List<Scheduler> writerRooms = new ArrayList<>();
        for (int i = 0; i < ROOMS; i++) {
            Scheduler loading = Libres.newScheduler(writes, "room-" + i, Backend.ZONE);
            writerRooms.add(loading);
            List<DateRange> hours = new ArrayList<>();
            List<DateRange> booked = new ArrayList<>();
            for (int d = 0; d < DAYS; d++) {
                LocalDate date = FIRST_DAY.plusDays(d);
                for (int hour = FIRST_HOUR; hour < FIRST_HOUR + HOURS; hour++) {
                    DateRange range = DateRange.of(date.atTime(hour, 0), date.atTime(hour + 1, 0));
                    hours.add(range);
                    if ((i + d + hour) % 3 == 0 || date.equals(SEARCH_DAY) && hour >= 14 && i < ROOMS - 1) {
                        booked.add(range);
                    }
                }
            }
            Session.of(writes).transaction(() -> loading.allocate(hours,
                    AllocateOptions.builder().partlyAvailable(true).raster(15).build()));
            Session.of(writes).transaction(() -> loading.approveReservations(loading.reserve(Workloads.EMAIL, booked,
                    ReserveOptions.builder().build())));
        }
        pair.awaitReplayed();

        // the reads: the same context name, so the same resources, on the read storage
        Context reads = context("replica-bench", readStorage);
        reader = Session.of(reads);
        List<Scheduler> rooms = new ArrayList<>();
        for (int i = 0; i < ROOMS; i++) {
            rooms.add(Libres.newScheduler(reads, "room-" + i, Backend.ZONE));
        }
        room = rooms.get(0);
        all = Schedulers.of(rooms);
        day = DateRange.of(SEARCH_DAY.atTime(FIRST_HOUR, 0), SEARCH_DAY.atTime(FIRST_HOUR + HOURS, 0));
        afternoon = FreeSlotQuery.of(Duration.ofMinutes(30), FIRST_DAY, FIRST_DAY.plusDays(DAYS - 1L))
                .between(FROM, UNTIL).limit(1).build();
        double free = reader.readOnly(() -> room.availability(day));
        if (!(free > 0 && free < 100)) {
            throw new IllegalStateException("the benchmark's day should be partly booked, is " + free + " % free");
        }

        // read-your-writes: a context of its own that books and reads back
        Context own = context("replica-bench-own", readStorage);
        ownRoom = Libres.newScheduler(own, "own-room", Backend.ZONE);
        List<DateRange> ownHours = new ArrayList<>();
        for (int k = 0; k < DAYS * HOURS; k++) {
            ownHours.add(ownHour(k));
        }
        Session.of(own).transaction(() -> ownRoom.allocate(ownHours, AllocateOptions.builder().build()));

        writing.set(true);
        writer = new Thread(() -> write(writes, writerRooms), "replica-bench-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** The k-th bookable hour of the own room: 08:00-18:00 of each day (no daylight-saving gap). */
    private static DateRange ownHour(int k) {
        LocalDate date = FIRST_DAY.plusDays(k / HOURS);
        int hour = FIRST_HOUR + k % HOURS;
        return DateRange.of(date.atTime(hour, 0), date.atTime(hour + 1, 0));
    }

    private static Context context(String name, JdbiStorage storage) {
        Context context = Registry.createDefault().registerContext(name);
        storage.install(context);
        return context;
    }

    /** Books an hour that setup left free, cancels it the next time round, at the configured rate. */
    private void write(Context context, List<Scheduler> rooms) {
        long pause = TimeUnit.SECONDS.toNanos(1) / Math.max(1, writes);
        long next = System.nanoTime();
        UUID last = null;
        Scheduler lastRoom = null;
        long n = 0;
        while (writing.get()) {
            if (last != null) {
                UUID token = last;
                Scheduler booked = lastRoom;
                Session.of(context).transaction(() -> booked.removeReservation(token));
                last = null;
            } else {
                int i = (int) (n % ROOMS);
                int d = (int) (n / ROOMS % DAYS);
                // an hour with (room + day + hour) % 3 == 1: never booked by the setup
                int hour = FIRST_HOUR + Math.floorMod(1 - i - d - FIRST_HOUR, 3);
                LocalDate date = FIRST_DAY.plusDays(d);
                Scheduler target = rooms.get(i);
                last = Session.of(context).transaction(() -> {
                    UUID token = target.reserve(Workloads.EMAIL, DateRange.of(date.atTime(hour, 0),
                            date.atTime(hour + 1, 0)));
                    target.approveReservations(token);
                    return token;
                });
                lastRoom = target;
                n++;
            }
            written.incrementAndGet();
            next += pause;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } else {
                next = System.nanoTime();
            }
        }
    }

    /**
     * Stops the writer, reports what happened, and stops both servers.
     *
     * @throws InterruptedException if interrupted while waiting for the writer to stop
     */
    @TearDown(Level.Trial)
    public void close() throws InterruptedException {
        writing.set(false);
        writer.join(30_000);
        Optional<ReplicaStatistics> statistics = readStorage.replicaStatistics();
        System.out.println("replica-bench route=" + route + ": writer transactions " + written.get()
                + ", replica statistics " + statistics.map(Object::toString).orElse("(no replicas)"));
        readStorage.stopService();
        primaryStorage.stopService();
        pair.close();
    }

    /**
     * The free share of one room's partly booked day.
     *
     * @return 0 to 100
     */
    @Benchmark
    public double availability() {
        return reader.readOnly(() -> room.availability(day));
    }

    /**
     * The first free 30-minute slot between 14:00 and 16:00 on any of the 20 rooms.
     *
     * @return the slot
     */
    @Benchmark
    public Optional<FreeSlot> firstFreeSlot() {
        return reader.readOnly(() -> all.firstFreeSlot(afternoon));
    }

    /**
     * A week's availability matrix of the 20 rooms by day.
     *
     * @return the matrix
     */
    @Benchmark
    public AvailabilityMatrix weekMatrix() {
        return reader.readOnly(() -> all.availabilityMatrix(SEARCH_DAY, SEARCH_DAY.plusDays(6)));
    }

    /**
     * Books an hour in a context of its own and reads the room's availability back at once (on the
     * standby route: after waiting until the standby has replayed the booking), then cancels it.
     *
     * @return the availability read back, 50 at most
     */
    @Benchmark
    public double bookThenReadBack() {
        DateRange span = ownHour(ownHour++ % (DAYS * HOURS));
        Session session = Session.of(ownRoom.context());
        UUID token = session.transaction(() -> {
            UUID t = ownRoom.reserve(Workloads.EMAIL, span);
            ownRoom.approveReservations(t);
            return t;
        });
        double free = session.readOnly(() -> ownRoom.availability(span));
        session.transaction(() -> ownRoom.removeReservation(token));
        // the span touches the next hour's allocation too: booked, the pair is at most half free
        if (free > 50.0) {
            throw new IllegalStateException("read-your-writes: the booked hour should be taken, is " + free + " % free");
        }
        return free;
    }
}
