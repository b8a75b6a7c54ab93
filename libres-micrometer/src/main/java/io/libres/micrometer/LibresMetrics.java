package io.libres.micrometer;

import io.libres.internal.Arguments;
import io.libres.context.Context;
import io.libres.db.Scheduler;
import io.libres.db.models.Reservation;
import io.libres.errors.LibresException;
import io.libres.events.Events;
import io.libres.events.OperationListener;
import io.libres.events.OperationTiming;
import io.libres.events.ReservationsApproved;
import io.libres.events.ReservationsDenied;
import io.libres.events.ReservationsMade;
import io.libres.events.Subscription;
import io.libres.spi.PoolStatistics;
import io.libres.spi.ReplicaStatistics;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of one libres context, for any Micrometer registry:
 *
 * <ul>
 *   <li>{@value #OPERATIONS}: a timer per scheduler operation, tags {@code context},
 *       {@code scheduler}, {@code operation} and {@code outcome} ({@code success} or
 *       {@code error});</li>
 *   <li>{@value #RESERVATIONS}: a counter of reservations, tags {@code context}, {@code scheduler}
 *       and {@code state} ({@code made}, {@code approved}, {@code denied});</li>
 *   <li>{@value #RETRIES} and {@value #GIVE_UPS}: counters of serialization conflicts a
 *       transaction retried, and of transactions that gave up, tag {@code context};</li>
 *   <li>{@value #POOL} (tag {@code state}: {@code active}, {@code idle}, {@code pending}) and
 *       {@value #POOL_MAX}: gauges of the connection pool, where libres owns it;</li>
 *   <li>with read replicas ({@link io.libres.spi.ReplicaStatistics}): {@value #REPLICA_READS}, the
 *       read-only units of work by {@code route} ({@code replica}, or {@code primary} for a
 *       fallback), {@value #REPLICA_WAITS}, the reads that waited for a replica to replay a commit
 *       they had to see, and {@value #REPLICA_SKIPS}, the replicas skipped by {@code reason}
 *       ({@code down}, {@code lagging}: beyond the lag bound or not at the position within the wait
 *       bound); function counters on the storage's own counts, tag {@code context}.</li>
 * </ul>
 *
 * <p>Tags are the context's and the scheduler's names only, never an email, token or date. A
 * scheduler's name is known once it ran an operation or was {@link #scheduler(Scheduler) named};
 * reservations of a resource not known yet count under {@code scheduler=unknown}.
 *
 * <pre>{@code
 * LibresMetrics.of(context).bindTo(meterRegistry);
 * }</pre>
 */
public final class LibresMetrics implements MeterBinder, AutoCloseable {

    /** The timer of scheduler operations. */
    public static final String OPERATIONS = "libres.operations";
    /** The counter of reservations made, approved and denied. */
    public static final String RESERVATIONS = "libres.reservations";
    /** The counter of conflicts retried. */
    public static final String RETRIES = "libres.transactions.retries";
    /** The counter of transactions that gave up after conflicts. */
    public static final String GIVE_UPS = "libres.transactions.giveups";
    /** The gauge of pool connections by state. */
    public static final String POOL = "libres.pool.connections";
    /** The gauge of the pool's maximum size. */
    public static final String POOL_MAX = "libres.pool.connections.max";

    /** The function counter of read-only units of work by route (replica or primary). */
    public static final String REPLICA_READS = "libres.replica.reads";
    /** The function counter of reads that waited for a replica to replay a commit. */
    public static final String REPLICA_WAITS = "libres.replica.waits";
    /** The function counter of replicas skipped, by reason (down or lagging). */
    public static final String REPLICA_SKIPS = "libres.replica.skips";

    private static final Logger LOG = LoggerFactory.getLogger(LibresMetrics.class);
    private static final String UNKNOWN = "unknown";

    private final Context context;
    private final Map<UUID, String> schedulerNames = new ConcurrentHashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    private LibresMetrics(Context context) {
        this.context = Arguments.requireNonNull(context, "the context is missing (null); expected a libres Context");
    }

    /**
     * The metrics of a context, bound to no registry yet.
     *
     * @param context the context
     * @return the binder
     * @throws io.libres.errors.InvalidArgument if the context is null
     */
    public static LibresMetrics of(Context context) {
        return new LibresMetrics(context);
    }

    /**
     * Names a scheduler up front, so its reservations are tagged with its name from the first one.
     *
     * @param scheduler a scheduler of this binder's context
     * @return this binder
     */
    public LibresMetrics scheduler(Scheduler scheduler) {
        schedulerNames.put(scheduler.resource(), scheduler.name());
        return this;
    }

    /**
     * Subscribes to the context's events and operations and registers the pool gauges and, when
     * the context's storage has read replicas, the replica counters.
     *
     * @param registry the registry
     */
    @Override
    public void bindTo(MeterRegistry registry) {
        Tags base = Tags.of("context", context.name());
        Events events = Events.of(context);
        subscriptions.add(events.onOperations(new OperationListener() {
            @Override
            public void operationFinished(OperationTiming timing) {
                schedulerNames.putIfAbsent(timing.resource(), timing.scheduler());
                Timer.builder(OPERATIONS).description("Scheduler operations of libres")
                        .tags(base).tag("scheduler", timing.scheduler()).tag("operation", timing.operation())
                        .tag("outcome", timing.failed().isPresent() ? "error" : "success")
                        .register(registry).record(timing.duration());
            }

            @Override
            public void conflictRetried(Context ignored, int attempt) {
                Counter.builder(RETRIES).description("Serialization conflicts a libres transaction retried")
                        .tags(base).register(registry).increment();
            }

            @Override
            public void retriesExhausted(Context ignored, int attempts) {
                Counter.builder(GIVE_UPS).description("libres transactions that gave up after conflicts")
                        .tags(base).register(registry).increment();
            }
        }));
        subscriptions.add(events.on(ReservationsMade.class, e -> count(registry, base, "made", e.reservations())));
        subscriptions.add(events.on(ReservationsApproved.class,
                e -> count(registry, base, "approved", e.reservations())));
        subscriptions.add(events.on(ReservationsDenied.class, e -> count(registry, base, "denied", e.reservations())));
        Optional<Storage> storage = storage();
        storage.filter(s -> s.replicaStatistics().isPresent()).ifPresent(s -> replicaCounters(registry, base, s));
        storage.flatMap(Storage::poolStatistics).ifPresent(pool -> {
            gauge(registry, base.and("state", "active"), pool, PoolStatistics::activeConnections);
            gauge(registry, base.and("state", "idle"), pool, PoolStatistics::idleConnections);
            gauge(registry, base.and("state", "pending"), pool, PoolStatistics::pendingThreads);
            Gauge.builder(POOL_MAX, pool, p -> p.maximumConnections()).tags(base).strongReference(true)
                    .description("The most connections libres' pool opens").register(registry);
        });
    }

    /** Stops listening to the context; meters already registered stay in the registry. */
    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }

    private void count(MeterRegistry registry, Tags base, String state, List<Reservation> reservations) {
        for (Reservation reservation : reservations) {
            Counter.builder(RESERVATIONS).description("Reservations made, approved and denied")
                    .tags(base).tag("scheduler", schedulerNames.getOrDefault(reservation.resource(), UNKNOWN))
                    .tag("state", state).register(registry).increment();
        }
    }

    private static void gauge(MeterRegistry registry, Tags tags, PoolStatistics pool,
            ToDoubleFunction<PoolStatistics> value) {
        // the statistics view is made for this binder: hold it, Micrometer's gauges hold weakly
        Gauge.builder(POOL, pool, value).tags(tags).description("Connections of libres' pool by state")
                .strongReference(true).register(registry);
    }

    private static void replicaCounters(MeterRegistry registry, Tags base, Storage storage) {
        // the storage keeps the counts; the context holds the storage, Micrometer holds it weakly
        replicaCounter(registry, REPLICA_READS, base.and("route", "replica"), storage, ReplicaStatistics::replicaReads,
                "Read-only units of work of libres by where they ran");
        replicaCounter(registry, REPLICA_READS, base.and("route", "primary"), storage, ReplicaStatistics::primaryReads,
                "Read-only units of work of libres by where they ran");
        replicaCounter(registry, REPLICA_WAITS, base, storage, ReplicaStatistics::waits,
                "Reads of libres that waited for a replica to replay a commit they had to see");
        replicaCounter(registry, REPLICA_SKIPS, base.and("reason", "down"), storage, ReplicaStatistics::skippedDown,
                "Read replicas libres skipped, by reason");
        replicaCounter(registry, REPLICA_SKIPS, base.and("reason", "lagging"), storage,
                ReplicaStatistics::skippedLagging, "Read replicas libres skipped, by reason");
    }

    private static void replicaCounter(MeterRegistry registry, String name, Tags tags, Storage storage,
            ToLongFunction<ReplicaStatistics> count, String description) {
        FunctionCounter.builder(name, storage, s -> s.replicaStatistics().map(count::applyAsLong).orElse(0L))
                .tags(tags).description(description).register(registry);
    }

    private Optional<Storage> storage() {
        try {
            return Optional.of(context.getService(StoragePorts.STORAGE));
        } catch (LibresException e) {
            LOG.info("No pool or replica metrics for context '{}': its storage is not available yet ({})",
                    context.name(), e.getMessage());
            return Optional.empty();
        }
    }
}
