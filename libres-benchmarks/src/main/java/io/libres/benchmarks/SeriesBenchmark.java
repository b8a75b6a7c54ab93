package io.libres.benchmarks;

import io.libres.db.AllocateOptions;
import io.libres.db.OccurrencePolicy;
import io.libres.db.ReserveOptions;
import io.libres.recurrence.Recurrence;
import io.libres.recurrence.Recurring;
import io.libres.recurrence.SeriesBooking;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
 * Reserving a 52-week series (a club's room every Thursday 18:00-20:00 for a year, across both
 * daylight-saving changes) on 52 weekly allocations, approving it and committing, in one unit of
 * work; and booking what is free of the same series in a second room where every fourth Thursday
 * is already taken (39 booked, 13 reported). The series is removed again after each invocation,
 * outside the measured time.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class SeriesBenchmark {

    static final LocalDate FIRST_THURSDAY = LocalDate.of(2030, 1, 3);
    static final Recurrence THURSDAYS = Recurrence.of("FREQ=WEEKLY;BYDAY=TH;COUNT=52", FIRST_THURSDAY,
            LocalTime.of(18, 0), Duration.ofHours(2));

    /** The storage: {@code memory} or {@code postgresql}. */
    @Param({"memory", "postgresql"})
    public String storage;

    Backend backend;
    Recurring room;
    Recurring takenRoom;
    UUID booked;
    Recurring bookedOn;

    /** Allocates the 52 Thursdays of two rooms, one free and one with every fourth Thursday taken. */
    @Setup(Level.Trial)
    public void open() {
        backend = Backend.open(StorageKind.named(storage), "series");
        room = Recurring.on(backend.scheduler("club-room"));
        takenRoom = Recurring.on(backend.scheduler("busy-room"));
        backend.transaction(() -> room.allocate(THURSDAYS, AllocateOptions.DEFAULTS));
        backend.transaction(() -> takenRoom.allocate(THURSDAYS, AllocateOptions.DEFAULTS));
        Recurrence everyFourth = Recurrence.of("FREQ=WEEKLY;INTERVAL=4;BYDAY=TH;COUNT=13", FIRST_THURSDAY,
                LocalTime.of(18, 0), Duration.ofHours(2));
        backend.transaction(() -> takenRoom.approve(takenRoom.reserve("regular@example.org", everyFourth,
                ReserveOptions.DEFAULTS).token()));
    }

    /** Drops the storage. */
    @TearDown(Level.Trial)
    public void close() {
        backend.close();
    }

    /** Removes the series the invocation booked, so the next one finds the same free Thursdays. */
    @TearDown(Level.Invocation)
    public void cancel() {
        if (booked != null) {
            UUID token = booked;
            booked = null;
            Recurring on = bookedOn;
            backend.transaction(() -> on.remove(token));
        }
    }

    /**
     * Reserves the 52 Thursdays of the free room, approves and commits.
     *
     * @return the series' token
     */
    @Benchmark
    public UUID reserveApproveCommitFiftyTwoWeeks() {
        bookedOn = room;
        booked = backend.transaction(() -> {
            SeriesBooking booking = room.reserve("club@example.org", THURSDAYS, ReserveOptions.DEFAULTS);
            room.approve(booking.token());
            return booking.token();
        });
        return booked;
    }

    /**
     * Books what is free of the 52 Thursdays of the busy room (39 of them), approves and commits.
     *
     * @return the series' token
     */
    @Benchmark
    public UUID bookWhatIsFreeApproveCommitFiftyTwoWeeks() {
        bookedOn = takenRoom;
        booked = backend.transaction(() -> {
            SeriesBooking booking = takenRoom.reserve("club@example.org", THURSDAYS, ReserveOptions.DEFAULTS,
                    OccurrencePolicy.BOOK_WHAT_IS_FREE);
            takenRoom.approve(booking.token());
            return booking.token();
        });
        return booked;
    }
}
