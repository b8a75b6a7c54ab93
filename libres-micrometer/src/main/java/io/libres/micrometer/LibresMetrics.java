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
import io.libres.spi.StoragePorts;
import io.micrometer.core.instrument.Counter;
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
 *       {@value #POOL_MAX}: gauges of the connection pool, where libres owns it.</li>
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
     * Subscribes to the context's events and operations and registers the pool gauges.
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
        pool().ifPresent(pool -> {
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

    private Optional<PoolStatistics> pool() {
        try {
            return context.getService(StoragePorts.STORAGE).poolStatistics();
        } catch (LibresException e) {
            LOG.info("No pool metrics for context '{}': its storage is not available yet ({})", context.name(),
                    e.getMessage());
            return Optional.empty();
        }
    }
}
