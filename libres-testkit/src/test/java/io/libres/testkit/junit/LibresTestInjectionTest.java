package io.libres.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.Scheduler;
import io.libres.events.AllocationsAdded;
import io.libres.spi.Storage;
import io.libres.spi.StoragePorts;
import io.libres.testkit.memory.InMemoryStorage;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@LibresTest
@DisplayName("@LibresTest injects")
class LibresTestInjectionTest {

    Scheduler scheduler;
    Context context;
    Registry registry;
    Storage storage;
    InMemoryStorage memory;
    EventRecorder events;
    DataSource unrelated;

    private Scheduler fromBeforeEach;

    @BeforeEach
    void takeFromParameter(Scheduler scheduler) {
        fromBeforeEach = scheduler;
    }

    @Test
    @DisplayName("every type into fields, the same objects as into parameters")
    void fieldsAndParameters(Scheduler scheduler, Context context, Registry registry, Storage storage,
            InMemoryStorage memory, EventRecorder events) {
        assertThat(this.scheduler).isNotNull().isSameAs(scheduler).isSameAs(fromBeforeEach);
        assertThat(this.context).isNotNull().isSameAs(context);
        assertThat(this.registry).isNotNull().isSameAs(registry);
        assertThat(this.storage).isNotNull().isSameAs(storage).isSameAs(memory);
        assertThat(this.memory).isSameAs(memory);
        assertThat(this.events).isNotNull().isSameAs(events);
        assertThat(unrelated).as("no database with the in-memory storage, so the field is left alone").isNull();
    }

    @Test
    @DisplayName("a scheduler of the test's context, in Europe/Zurich, named 'test', on the installed storage")
    void defaults() {
        assertThat(scheduler.context()).isSameAs(context);
        assertThat(scheduler.name()).isEqualTo("test");
        assertThat(scheduler.zone()).isEqualTo(ZoneId.of(LibresTest.DEFAULT_ZONE));
        assertThat(context.name()).isEqualTo("test");
        assertThat(context.registry()).isSameAs(registry).isNotSameAs(io.libres.Libres.registry());
        assertThat(context.getService(StoragePorts.STORAGE)).isSameAs(storage);
    }

    @Test
    @DisplayName("a recorder that hears the scheduler")
    void recorderHearsScheduler() {
        scheduler.allocate(Days.between(LocalDate.of(2026, 5, 4), LocalTime.of(9, 0), LocalTime.of(10, 0),
                scheduler.zone()));

        events.assertThat().firedExactly(AllocationsAdded.class);
    }

    @Test
    @LibresTest(zone = "UTC", scheduler = "rooms", context = "hotel")
    @DisplayName("what the test method's own annotation asks for")
    void methodOverrides() {
        assertThat(scheduler.zone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(scheduler.name()).isEqualTo("rooms");
        assertThat(context.name()).isEqualTo("hotel");
    }

    @Nested
    @DisplayName("in a nested class")
    class InNested {

        Scheduler nestedScheduler;

        @Test
        @DisplayName("the same scheduler into the nested and the enclosing instance")
        void nested(Scheduler scheduler) {
            assertThat(nestedScheduler).isNotNull().isSameAs(scheduler);
            assertThat(LibresTestInjectionTest.this.scheduler).isSameAs(scheduler);
        }
    }

    @Nested
    @LibresTest(zone = "America/New_York")
    @DisplayName("in a nested class with its own annotation")
    class NestedWithOwnAnnotation {

        @Test
        @DisplayName("a scheduler in the nested class's zone")
        void ownZone(Scheduler scheduler) {
            assertThat(scheduler.zone()).isEqualTo(ZoneId.of("America/New_York"));
        }
    }
}
