package io.libres.benchmarks;

import io.libres.db.AllocateOptions;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.db.Session;
import io.libres.db.models.Reservation;
import io.libres.time.DateRange;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

/**
 * A large answer read whole ({@code QueryResult.list()}) or streamed ({@code QueryResult.stream()}
 * inside a unit of work: the SQL storages fetch it through a cursor, 500 rows per round trip):
 * every reservation of a scheduler holding {@link #RESERVATIONS} of them (one per hourly allocation,
 * made in one call). Meant for {@code -prof gc} (allocation per record: divide by
 * {@link #RESERVATIONS}) and for a run with a small heap ({@code -jvmArgsAppend -Xmx...}), where
 * the stream keeps going when the list no longer fits.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class StreamBenchmark {

    /** The reservations of the answer. */
    static final int RESERVATIONS = 20_000;

    /** The storage: {@code memory}, {@code postgresql} (JDBI) or {@code jooq}. */
    @Param({"memory", "postgresql", "jooq"})
    public String storage;

    Backend backend;
    Scheduler scheduler;

    /** Allocates W4's hours and reserves each of them, in chunks of 2,000. */
    @Setup(Level.Trial)
    public void open() {
        backend = Backend.open(StorageKind.named(storage), "stream");
        scheduler = backend.scheduler("stream");
        for (int from = 0; from < RESERVATIONS; from += 2_000) {
            // W4's hours (06:00-20:00 every day): consecutive hours would meet a daylight-saving gap
            List<DateRange> hours = new java.util.ArrayList<>();
            for (int k = from; k < from + 2_000; k++) {
                hours.add(Workloads.patternHour(k));
            }
            backend.transaction(() -> {
                scheduler.allocate(hours, AllocateOptions.builder().build());
                return scheduler.reserve(Workloads.EMAIL, hours, ReserveOptions.builder().build());
            });
        }
        backend.analyze();
    }

    /** Drops the storage. */
    @TearDown(Level.Trial)
    public void close() {
        backend.close();
    }

    /**
     * Lists every reservation in a unit of work of its own, then counts them.
     *
     * @return the number of reservations
     */
    @Benchmark
    public long list() {
        return Session.of(backend.context()).read(() -> {
            List<Reservation> all = scheduler.managedReservations().list();
            return all.stream().filter(r -> r.quota() == 1).count();
        });
    }

    /**
     * Streams every reservation in a unit of work of its own, counting them as they come.
     *
     * @return the number of reservations
     */
    @Benchmark
    public long stream() {
        return Session.of(backend.context()).read(() -> {
            try (Stream<Reservation> all = scheduler.managedReservations().stream()) {
                return all.filter(r -> r.quota() == 1).count();
            }
        });
    }
}
