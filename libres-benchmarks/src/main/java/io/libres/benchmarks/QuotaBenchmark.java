package io.libres.benchmarks;

import io.libres.db.AllocateOptions;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.time.DateRange;
import java.time.LocalDate;
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
 * Buying four seats of a concert with 100 seats (at most four per customer) of which 40 are
 * sold: reserve with quota 4, approve and commit, in one unit of work ({@link Backend#transaction}). The
 * purchase is removed again after each invocation, outside the measured time.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Threads(1)
public class QuotaBenchmark {

    static final int SEATS = 100;
    static final int PER_CUSTOMER = 4;
    static final int SOLD_BEFORE = 40;

    /** The storage: {@code memory}, {@code postgresql} (through JDBI) or {@code jooq}. */
    @Param({"memory", "postgresql", "jooq"})
    public String storage;

    Backend backend;
    Scheduler hall;
    DateRange evening;
    ReserveOptions fourSeats;
    UUID bought;

    /** Allocates the concert on a fresh storage and sells the first 40 seats. */
    @Setup(Level.Trial)
    public void open() {
        backend = Backend.open(StorageKind.named(storage), "quota");
        hall = backend.scheduler("concert-hall");
        LocalDate day = LocalDate.of(2030, 6, 7);
        evening = DateRange.of(day.atTime(20, 0), day.atTime(22, 30));
        fourSeats = ReserveOptions.builder().quota(PER_CUSTOMER).build();
        backend.transaction(() -> hall.allocate(evening,
                AllocateOptions.builder().quota(SEATS).quotaLimit(PER_CUSTOMER).build()));
        for (int customer = 0; customer < SOLD_BEFORE / PER_CUSTOMER; customer++) {
            String email = "early" + customer + "@example.org";
            backend.transaction(() -> hall.approveReservations(hall.reserve(email, evening, fourSeats)));
        }
    }

    /** Drops the storage. */
    @TearDown(Level.Trial)
    public void close() {
        backend.close();
    }

    /** Removes the seats the invocation bought, so the next one finds the same 60 free seats. */
    @TearDown(Level.Invocation)
    public void refund() {
        if (bought != null) {
            UUID token = bought;
            bought = null;
            backend.transaction(() -> hall.removeReservation(token));
        }
    }

    /**
     * Buys four seats.
     *
     * @return the reservation's token
     */
    @Benchmark
    public UUID reserveFourSeatsApproveCommit() {
        bought = backend.transaction(() -> {
            UUID token = hall.reserve("fan@example.org", evening, fourSeats);
            hall.approveReservations(token);
            return token;
        });
        return bought;
    }
}
