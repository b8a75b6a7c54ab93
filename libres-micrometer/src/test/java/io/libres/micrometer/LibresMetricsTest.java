package io.libres.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.events.Events;
import io.libres.testkit.memory.InMemoryStorage;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import io.libres.time.DateRange;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@WithPostgres
@DisplayName("The libres metrics")
class LibresMetricsTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final DateRange NINE = DateRange.of(LocalDateTime.of(2031, 5, 5, 9, 0), LocalDateTime.of(2031, 5, 5, 10, 0));

    private static Context inMemory(String name) {
        Context context = Registry.createDefault().registerContext(name);
        InMemoryStorage.installOn(context);
        return context;
    }

    @Test
    @DisplayName("time each operation by context, scheduler, operation and outcome, and count reservations by state")
    void operationsAndReservations() {
        Context context = inMemory("shop");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Scheduler room = new Scheduler(context, "Room", ZURICH);
        LibresMetrics.of(context).scheduler(room).bindTo(registry);

        room.allocate(NINE, AllocateOptions.builder().quota(3).approveManually(true).build());
        UUID alice = room.reserve("alice@example.org", NINE);
        UUID bob = room.reserve("bob@example.org", NINE);
        room.approveReservations(alice);
        room.denyReservation(bob);
        room.commit();
        try {
            room.reserve("not-an-email", NINE);
        } catch (RuntimeException expected) {
            room.rollback();
        }

        assertThat(registry.get(LibresMetrics.OPERATIONS).tags("context", "shop", "scheduler", "Room",
                "operation", "reserve", "outcome", "success").timer().count()).isEqualTo(2);
        assertThat(registry.get(LibresMetrics.OPERATIONS).tags("operation", "reserve", "outcome", "error").timer()
                .count()).isEqualTo(1);
        assertThat(registry.get(LibresMetrics.OPERATIONS).tags("operation", "allocate").timer().count()).isEqualTo(1);
        assertThat(registry.get(LibresMetrics.OPERATIONS).tags("operation", "commit").timer().totalTime(
                java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(registry.get(LibresMetrics.RESERVATIONS).tags("scheduler", "Room", "state", "made").counter().count())
                .isEqualTo(2);
        assertThat(registry.get(LibresMetrics.RESERVATIONS).tags("state", "approved").counter().count()).isEqualTo(1);
        assertThat(registry.get(LibresMetrics.RESERVATIONS).tags("state", "denied").counter().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("tag by context and scheduler (plus operation, outcome and state), never by email, token or date")
    void lowCardinalityTags() {
        Context context = inMemory("tags");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LibresMetrics.of(context).bindTo(registry);
        Scheduler room = new Scheduler(context, "Hall", ZURICH);
        room.allocate(NINE);
        UUID token = room.reserve("carol@example.org", NINE);
        room.approveReservations(token);
        room.commit();

        Set<String> keys = registry.getMeters().stream().flatMap(m -> m.getId().getTags().stream()).map(Tag::getKey)
                .collect(Collectors.toSet());
        String everything = registry.getMeters().stream().map(Meter::getId).map(Object::toString)
                .collect(Collectors.joining());
        assertThat(keys).isSubsetOf("context", "scheduler", "operation", "outcome", "state");
        assertThat(everything).doesNotContain("carol").doesNotContain(token.toString()).doesNotContain("2031");
        assertThat(registry.get(LibresMetrics.RESERVATIONS).tags("scheduler", "Hall", "state", "made").counter()
                .count()).isEqualTo(1);
    }

    @Test
    @DisplayName("count the conflicts a transaction retried and the transactions that gave up")
    void retriesAndGiveUps() {
        Context context = inMemory("retries");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LibresMetrics.of(context).bindTo(registry);

        Events.of(context).conflictRetried(context, 1);
        Events.of(context).conflictRetried(context, 2);
        Events.of(context).retriesExhausted(context, 3);

        assertThat(registry.get(LibresMetrics.RETRIES).tags("context", "retries").counter().count()).isEqualTo(2);
        assertThat(registry.get(LibresMetrics.GIVE_UPS).tags("context", "retries").counter().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("stop counting once closed")
    void close() {
        Context context = inMemory("closed");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LibresMetrics metrics = LibresMetrics.of(context);
        metrics.bindTo(registry);
        Scheduler room = new Scheduler(context, "Room", ZURICH);
        room.allocate(NINE);
        metrics.close();
        room.allocate(DateRange.of(LocalDateTime.of(2031, 5, 6, 9, 0), LocalDateTime.of(2031, 5, 6, 10, 0)));

        assertThat(registry.get(LibresMetrics.OPERATIONS).tags("operation", "allocate").timer().count()).isEqualTo(1);
        room.rollback();
    }

    @Test
    @DisplayName("gauge the pool libres owns on a real PostgreSQL: busy while a unit of work is open, then idle")
    void poolGauges(TestDatabase database) {
        Context context = Registry.createDefault().registerContext("pooled");
        String url = database.jdbcUrl();
        context.setSetting("dsn", url + (url.contains("?") ? "&" : "?") + "user=" + database.user()
                + (database.password().isEmpty() ? "" : "&password=" + database.password()));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LibresMetrics.of(context).bindTo(registry);
        Scheduler room = new Scheduler(context, "Room", ZURICH);
        room.setupDatabase();

        room.allocate(NINE);
        double busy = registry.get(LibresMetrics.POOL).tags("context", "pooled", "state", "active").gauge().value();
        room.rollback();
        room.close();
        double after = registry.get(LibresMetrics.POOL).tags("state", "active").gauge().value();

        assertThat(busy).isEqualTo(1);
        assertThat(after).isZero();
        assertThat(registry.get(LibresMetrics.POOL).tags("state", "idle").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(registry.get(LibresMetrics.POOL_MAX).gauge().value()).isPositive();
        assertThat(registry.get(LibresMetrics.OPERATIONS).tags("scheduler", "Room", "operation", "allocate").timer()
                .count()).isEqualTo(1);
    }

    @Test
    @DisplayName("have no pool gauges where the application owns the pool")
    void noPoolGaugesForInMemory() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LibresMetrics.of(inMemory("mem")).bindTo(registry);

        assertThat(registry.find(LibresMetrics.POOL).meters()).isEmpty();
    }

    @Test
    @DisplayName("a missing context is InvalidArgument, saying what was expected")
    void missingContext() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LibresMetrics.of(null))
                .isInstanceOf(io.libres.errors.InvalidArgument.class).hasMessageContaining("expected a libres Context");
    }
}
