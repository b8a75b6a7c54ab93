package io.libres.testkit.kit;

import io.libres.context.Context;
import io.libres.db.AllocateOptions;
import io.libres.db.MoveOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.events.AllocationMoved;
import io.libres.events.AllocationsAdded;
import io.libres.events.AllocationsRemoved;
import io.libres.events.BlockerChanged;
import io.libres.events.BlockersAdded;
import io.libres.events.BlockersRemoved;
import io.libres.events.Events;
import io.libres.events.LibresEvent;
import io.libres.events.ReservationsApproved;
import io.libres.events.ReservationsDenied;
import io.libres.events.ReservationsMade;
import io.libres.events.ReservationsRemoved;
import io.libres.events.Subscription;
import io.libres.spi.StoragePorts;
import io.libres.time.DateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Events: raised by the scheduler, in order, removable, per context. */
public abstract class EventBehaviour extends Behaviour {

    private static final String EMAIL = "test@example.org";

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected EventBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    private <E extends LibresEvent> List<E> record(Class<E> type) {
        List<E> events = new ArrayList<>();
        scheduler().events().on(type, events::add);
        return events;
    }

    @Test
    @DisplayName("allocating, reserving, approving, removing and denying raise their events")
    void reservationEvents() {
        List<AllocationsAdded> added = record(AllocationsAdded.class);
        List<ReservationsMade> made = record(ReservationsMade.class);
        List<ReservationsApproved> approved = record(ReservationsApproved.class);
        List<ReservationsDenied> denied = record(ReservationsDenied.class);
        List<ReservationsRemoved> removed = record(ReservationsRemoved.class);
        DateRange dates = range(at(2012, 1, 1, 15), at(2012, 1, 1, 19));
        scheduler().allocate(dates, AllocateOptions.builder().approveManually(true).build());
        assertThat(added).singleElement().satisfies(e -> {
            assertThat(e.context()).isSameAs(context());
            assertThat(e.allocations()).hasSize(1);
        });
        UUID token = scheduler().reserve(EMAIL, dates);
        assertThat(made).singleElement().satisfies(e -> assertThat(e.reservations().get(0).token()).isEqualTo(token));
        scheduler().approveReservations(token);
        assertThat(approved).singleElement().satisfies(e -> assertThat(e.reservations().get(0).token()).isEqualTo(token));
        assertThat(denied).isEmpty();
        assertThat(made).hasSize(1);
        scheduler().removeReservation(token);
        assertThat(removed).singleElement().satisfies(e -> assertThat(e.context()).isSameAs(context()));
        UUID second = scheduler().reserve(EMAIL, dates);
        assertThat(made).hasSize(2);
        scheduler().denyReservation(second);
        assertThat(approved).hasSize(1);
        assertThat(denied).singleElement().satisfies(e -> assertThat(e.reservations().get(0).token()).isEqualTo(second));
    }

    @Test
    @DisplayName("blockers, moves, removals and quota changes raise the events libres lacks")
    void newEvents() {
        List<BlockersAdded> blockersAdded = record(BlockersAdded.class);
        List<BlockersRemoved> blockersRemoved = record(BlockersRemoved.class);
        List<BlockerChanged> blockerChanged = record(BlockerChanged.class);
        List<AllocationMoved> moved = record(AllocationMoved.class);
        List<AllocationsRemoved> removed = record(AllocationsRemoved.class);
        DateRange dates = range(at(2012, 1, 1, 15), at(2012, 1, 1, 19));
        Allocation allocation = scheduler().allocate(dates, AllocateOptions.builder().partlyAvailable(true).build()).get(0);
        UUID token = scheduler().addBlocker(List.of(range(at(2012, 1, 1, 15), at(2012, 1, 1, 16))), "paint").get(0).token();
        assertThat(blockersAdded).singleElement().satisfies(e -> assertThat(e.blockers().get(0).reason()).isEqualTo("paint"));
        scheduler().changeBlockerReason(token, "clean");
        assertThat(blockerChanged).singleElement().satisfies(e -> {
            assertThat(e.before().reason()).isEqualTo("paint");
            assertThat(e.after().reason()).isEqualTo("clean");
        });
        scheduler().removeBlocker(token);
        assertThat(blockersRemoved).singleElement().satisfies(e -> assertThat(e.blockers()).hasSize(1));
        scheduler().moveAllocation(allocation.requireId(), MoveOptions.builder().dates(range(at(2012, 1, 1, 14), at(2012, 1, 1, 19))).build());
        assertThat(moved).singleElement().satisfies(e -> {
            assertThat(e.before().start()).isEqualTo(allocation.start());
            assertThat(e.after().start()).isBefore(allocation.start());
        });
        scheduler().removeAllocation(allocation.requireId());
        assertThat(removed).singleElement().satisfies(e -> assertThat(e.allocations()).hasSize(1));
    }

    @Test
    @DisplayName("listeners are called in the order they subscribed, and can be removed")
    void orderAndRemoval() {
        List<String> calls = new ArrayList<>();
        Events events = scheduler().events();
        Subscription first = events.on(AllocationsAdded.class, e -> calls.add("first"));
        events.on(AllocationsAdded.class, e -> calls.add("second"));
        events.on(AllocationsAdded.class, e -> calls.add("third"));
        scheduler().allocate(range(at(2012, 1, 1, 15), at(2012, 1, 1, 16)));
        assertThat(calls).containsExactly("first", "second", "third");
        first.close();
        first.close();
        calls.clear();
        scheduler().allocate(range(at(2012, 1, 2, 15), at(2012, 1, 2, 16)));
        assertThat(calls).containsExactly("second", "third");
        assertThat(events.listenerCount(AllocationsAdded.class)).isEqualTo(2);
    }

    @Test
    @DisplayName("two contexts do not see each other's events")
    void scopedPerContext() {
        List<AllocationsAdded> ours = record(AllocationsAdded.class);
        Context otherContext = fixture().registry().registerContext("other-" + UUID.randomUUID());
        otherContext.setService(StoragePorts.STORAGE.key(), ctx -> fixture().storage(), true);
        List<AllocationsAdded> theirs = new ArrayList<>();
        Events.of(otherContext).on(AllocationsAdded.class, theirs::add);
        assertThat(Events.of(otherContext)).isNotSameAs(scheduler().events());
        Scheduler other = new Scheduler(otherContext, "other", KitFixture.ZURICH);
        other.allocate(range(at(2012, 1, 1, 15), at(2012, 1, 1, 16)));
        assertThat(theirs).hasSize(1);
        assertThat(ours).isEmpty();
        scheduler().allocate(range(at(2012, 1, 1, 15), at(2012, 1, 1, 16)));
        assertThat(ours).hasSize(1);
        assertThat(theirs).hasSize(1);
        other.extinguishManagedRecords();
        other.commit();
    }
}
