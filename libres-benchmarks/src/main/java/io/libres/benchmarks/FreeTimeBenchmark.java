package io.libres.benchmarks;

import io.libres.db.AllocateOptions;
import io.libres.db.AvailabilityMatrix;
import io.libres.db.DayAvailability;
import io.libres.db.FreeSlot;
import io.libres.db.FreeSlotQuery;
import io.libres.db.Queries;
import io.libres.db.Scheduler;
import io.libres.db.Schedulers;
import io.libres.db.SearchHit;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
 * Finding free time across 50 rooms, each with a month, a year or two years of hourly
 * allocations (08:00 to 18:00 every day, partly available on a 15-minute raster) of which a
 * third are booked: the first free
 * 30-minute slot on any room between 14:00 and 16:00 from a given day on, and a week's matrix of
 * all 50 rooms; each next to the same answer got by looping over the schedulers with the
 * per-scheduler API. Each read runs in a unit of work of its own, rolled back afterwards.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class FreeTimeBenchmark {

    static final int ROOMS = 50;
    static final int FIRST_HOUR = 8;
    static final int HOURS = 10;
    /** The day the searches start from: a Monday in June, in the middle of the allocated days. */
    static final LocalDate SEARCH_DAY = LocalDate.of(2030, 6, 3);
    static final LocalTime FROM = LocalTime.of(14, 0);
    static final LocalTime UNTIL = LocalTime.of(16, 0);
    static final Duration LENGTH = Duration.ofMinutes(30);

    /** The storage: {@code memory}, {@code postgresql} (JDBI) or {@code jooq}. */
    @Param({"memory", "postgresql", "jooq"})
    public String storage;

    /**
     * How many days every room has allocations for, centred on the search day: a month, a year or
     * two years, to show what the answers cost does not grow with the days before and after.
     */
    @Param({"31", "365", "730"})
    public int days;

    LocalDate firstDay;

    Backend backend;
    List<Scheduler> rooms;
    Schedulers all;
    FreeSlotQuery afternoon;
    Timespan week;

    /** Allocates and books the year of every room on a fresh storage. */
    @Setup(Level.Trial)
    public void open() {
        backend = Backend.open(StorageKind.named(storage), "free-time");
        firstDay = SEARCH_DAY.minusDays(days / 2);
        rooms = new ArrayList<>();
        for (int i = 0; i < ROOMS; i++) {
            Scheduler room = backend.scheduler("room-" + i);
            rooms.add(room);
            List<DateRange> hours = new ArrayList<>();
            List<DateRange> booked = new ArrayList<>();
            for (int day = 0; day < days; day++) {
                LocalDate date = firstDay.plusDays(day);
                for (int hour = FIRST_HOUR; hour < FIRST_HOUR + HOURS; hour++) {
                    DateRange range = DateRange.of(date.atTime(hour, 0), date.atTime(hour + 1, 0));
                    hours.add(range);
                    // a third booked; on the search day the afternoons fill up room by room
                    if ((i + day + hour) % 3 == 0 || date.equals(SEARCH_DAY) && hour >= 14 && i < ROOMS - 1) {
                        booked.add(range);
                    }
                }
            }
            backend.transaction(() -> room.allocate(hours,
                    AllocateOptions.builder().partlyAvailable(true).raster(15).build()));
            backend.transaction(() -> room.approveReservations(room.reserve("booker@example.org", booked,
                    io.libres.db.ReserveOptions.builder().build())));
        }
        backend.analyze();
        all = Schedulers.of(rooms);
        afternoon = FreeSlotQuery.of(LENGTH, SEARCH_DAY, firstDay.plusDays(days - 1L)).between(FROM, UNTIL)
                .limit(1).build();
        week = DateRange.of(SEARCH_DAY.atStartOfDay(), SEARCH_DAY.plusDays(7).atStartOfDay()).resolve(Backend.ZONE)
                .withStoredEnd();
    }

    /** Drops the storage. */
    @TearDown(Level.Trial)
    public void close() {
        backend.close();
    }

    /**
     * The first free 30-minute slot on any of the 50 rooms between 14:00 and 16:00.
     *
     * @return the slot
     */
    @Benchmark
    public Optional<FreeSlot> firstFreeSlot() {
        return read(() -> all.firstFreeSlot(afternoon));
    }

    /**
     * The same answer with the per-scheduler API: day by day, every room's allocations in the
     * window ({@code searchAllocations}), then their free slots, until a day has one.
     *
     * @return the earliest start found, in the rooms' zone
     */
    @Benchmark
    public Optional<ZonedDateTime> firstFreeSlotLooping() {
        return read(() -> {
            for (LocalDate day = SEARCH_DAY; day.isBefore(firstDay.plusDays(days)); day = day.plusDays(1)) {
                ZonedDateTime best = null;
                for (Scheduler room : rooms) {
                    DateRange window = DateRange.of(day.atTime(FROM), day.atTime(UNTIL));
                    Timespan limits = window.resolve(Backend.ZONE).withStoredEnd();
                    for (SearchHit hit : room.searchAllocations(window)) {
                        List<Timespan> free = hit.allocation().freeSlots(room.lookup(), limits);
                        for (int i = 0; i + 1 < free.size(); i++) {
                            if (free.get(i + 1).start().equals(free.get(i).end().plusNanos(1_000))) {
                                ZonedDateTime start = free.get(i).start().atZone(Backend.ZONE);
                                best = best == null || start.isBefore(best) ? start : best;
                                break;
                            }
                        }
                    }
                }
                if (best != null) {
                    return Optional.of(best);
                }
            }
            return Optional.empty();
        });
    }

    /**
     * A week's matrix of all 50 rooms by day.
     *
     * @return the matrix
     */
    @Benchmark
    public AvailabilityMatrix weekMatrix() {
        return read(() -> all.availabilityMatrix(SEARCH_DAY, SEARCH_DAY.plusDays(6)));
    }

    /**
     * The free share of the same cells with the per-scheduler API: {@code availabilityByDay} of
     * each room.
     *
     * @return the days of every room
     */
    @Benchmark
    public List<Map<LocalDate, DayAvailability>> weekMatrixLooping() {
        return read(() -> {
            Queries queries = new Queries(backend.context());
            List<Map<LocalDate, DayAvailability>> rows = new ArrayList<>();
            for (Scheduler room : rooms) {
                rows.add(queries.availabilityByDay(week, List.of(room.resource()), Backend.ZONE));
            }
            return rows;
        });
    }

    private <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } finally {
            rooms.get(0).rollback();
        }
    }
}
