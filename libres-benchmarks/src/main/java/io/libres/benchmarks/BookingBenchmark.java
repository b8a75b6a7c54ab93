package io.libres.benchmarks;

import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.time.DateRange;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * Booking one quarter hour of a meeting room: reserve, approve and commit in one unit of work,
 * run again when a concurrent booking conflicts ({@link Backend#transaction}).
 *
 * <p>Each benchmark thread books on an allocation of its own (08:00 to 18:00, partly available on a
 * 15-minute raster, every other hour already booked), all of one resource, so four threads race
 * on distinct allocations of the same room (on PostgreSQL only, see {@link RacedRoom}). The booking is removed again after each invocation,
 * outside the measured time, so every invocation sees the same half-booked allocation. The
 * secondary result {@code conflicts} counts the attempts that a conflict made run again.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BookingBenchmark {

    /** The room and the storage it lives on, for the single-thread benchmark. */
    @State(Scope.Benchmark)
    public static class Room {

        /** The storage: {@code memory}, {@code postgresql} (through JDBI) or {@code jooq}. */
        @Param({"memory", "postgresql", "jooq"})
        public String storage;

        Backend backend;
        final AtomicInteger nextDay = new AtomicInteger();

        /** Opens a fresh storage for the trial. */
        @Setup(Level.Trial)
        public void open() {
            backend = Backend.open(StorageKind.named(storage), "booking");
        }

        /** Drops the storage. */
        @TearDown(Level.Trial)
        public void close() {
            backend.close();
        }
    }

    /**
     * The room the four racing threads share. PostgreSQL only: the in-memory storage lets one
     * writer commit at a time and has no fairness, so a thread that keeps committing starves the
     * others (they back off and conflict again for minutes); that measures the testkit, not libres.
     */
    @State(Scope.Benchmark)
    public static class RacedRoom {

        /** The storage: {@code postgresql} (through JDBI) or {@code jooq}. */
        @Param({"postgresql", "jooq"})
        public String storage;

        Backend backend;
        final AtomicInteger nextDay = new AtomicInteger();

        /** Opens a fresh storage for the trial. */
        @Setup(Level.Trial)
        public void open() {
            backend = Backend.open(StorageKind.named(storage), "raced-booking");
        }

        /** Drops the storage. */
        @TearDown(Level.Trial)
        public void close() {
            backend.close();
        }
    }

    /** One thread's allocation and the quarter hours still free on it. */
    abstract static class Desk {

        static final LocalDate FIRST_DAY = LocalDate.of(2030, 6, 3);

        Backend backend;
        Scheduler room;
        final List<DateRange> freeQuarters = new ArrayList<>();
        int cursor;
        UUID booked;

        /** Allocates a day of its own and books every other hour of it. */
        void allocate(Backend on, AtomicInteger nextDay) {
            backend = on;
            room = backend.scheduler("meeting-room");
            LocalDate day = FIRST_DAY.plusDays(nextDay.getAndIncrement());
            AllocateOptions rastered = AllocateOptions.builder().partlyAvailable(true).raster(15).build();
            backend.transaction(() -> room.allocate(DateRange.of(day.atTime(8, 0), day.atTime(18, 0)), rastered));
            for (int hour = 8; hour < 18; hour++) {
                LocalTime start = LocalTime.of(hour, 0);
                if (hour % 2 == 0) {
                    DateRange taken = DateRange.of(day.atTime(start), day.atTime(start.plusHours(1)));
                    backend.transaction(() -> room.approveReservations(room.reserve("regular@example.org", taken)));
                } else {
                    for (int quarter = 0; quarter < 4; quarter++) {
                        LocalTime from = start.plusMinutes(15L * quarter);
                        freeQuarters.add(DateRange.of(day.atTime(from), day.atTime(from.plusMinutes(15))));
                    }
                }
            }
        }

        DateRange nextQuarter() {
            DateRange quarter = freeQuarters.get(cursor);
            cursor = (cursor + 1) % freeQuarters.size();
            return quarter;
        }

        /** Removes the booking the invocation made, so the next one finds the same free quarters. */
        void removeBooking() {
            if (booked != null) {
                UUID token = booked;
                booked = null;
                backend.transaction(() -> room.removeReservation(token));
            }
        }
    }

    /** The single thread's allocation. */
    @State(Scope.Thread)
    public static class SoloDesk extends Desk {

        /**
         * Allocates the thread's day.
         *
         * @param shared the room of the trial
         */
        @Setup(Level.Trial)
        public void allocate(Room shared) {
            allocate(shared.backend, shared.nextDay);
        }

        /** Removes the booking the invocation made, outside the measured time. */
        @TearDown(Level.Invocation)
        public void cancel() {
            removeBooking();
        }
    }

    /** A racing thread's allocation. */
    @State(Scope.Thread)
    public static class RacingDesk extends Desk {

        /**
         * Allocates the thread's day.
         *
         * @param shared the room of the trial
         */
        @Setup(Level.Trial)
        public void allocate(RacedRoom shared) {
            allocate(shared.backend, shared.nextDay);
        }

        /** Removes the booking the invocation made, outside the measured time. */
        @TearDown(Level.Invocation)
        public void cancel() {
            removeBooking();
        }
    }

    /** The attempts that a conflict with another thread's unit of work made run again. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Conflicts {

        /** Attempts run again in this iteration. */
        public long conflicts;

        /** Starts each iteration from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            conflicts = 0;
        }
    }

    /**
     * One thread books a quarter hour.
     *
     * @param desk the thread's allocation
     * @param conflicts counts attempts run again
     * @return the reservation's token
     */
    @Benchmark
    @Threads(1)
    public UUID reserveApproveCommit(SoloDesk desk, Conflicts conflicts) {
        return book(desk, conflicts);
    }

    /**
     * Four threads book quarter hours at once, each on an allocation of its own of the same room.
     *
     * @param desk the thread's allocation
     * @param conflicts counts attempts run again
     * @return the reservation's token
     */
    @Benchmark
    @Threads(4)
    public UUID reserveApproveCommitFourThreads(RacingDesk desk, Conflicts conflicts) {
        return book(desk, conflicts);
    }

    private static UUID book(Desk desk, Conflicts conflicts) {
        Scheduler room = desk.room;
        DateRange quarter = desk.nextQuarter();
        int[] attempts = {0};
        desk.booked = desk.backend.transaction(() -> {
            attempts[0]++;
            UUID token = room.reserve("guest@example.org", quarter);
            room.approveReservations(token);
            return token;
        });
        conflicts.conflicts += attempts[0] - 1;
        return desk.booked;
    }
}
