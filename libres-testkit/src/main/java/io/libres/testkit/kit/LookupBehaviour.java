package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.errors.InvalidArgument;
import io.libres.errors.NoResultFound;
import io.libres.time.DateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Lookups by id, without a token: reservations, blockers and any allocation (master or mirror),
 * each scoped to the scheduler's resource as the lookups by token are.
 */
public abstract class LookupBehaviour extends Behaviour {

    private static final String EMAIL = "lookup@example.org";

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected LookupBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    private static DateRange hour(int hour) {
        return range(at(2016, 4, 4, hour), at(2016, 4, 4, hour + 1));
    }

    @Test
    @DisplayName("reservationById and reservationsByIds find this resource's reservations, never another's")
    void reservationsById() {
        scheduler().allocate(hour(8));
        scheduler().allocate(hour(9));
        UUID first = scheduler().reserve(EMAIL, hour(8));
        UUID second = scheduler().reserve(EMAIL, hour(9));
        Scheduler other = fixture().other("lookup-other");
        other.allocate(hour(8));
        UUID foreign = other.reserve(EMAIL, hour(8));
        scheduler().commit();
        int firstId = scheduler().reservationsByToken(first).one().requireId();
        int secondId = scheduler().reservationsByToken(second).one().requireId();
        int foreignId = other.reservationsByToken(foreign).one().requireId();

        Reservation found = scheduler().reservationById(firstId);

        assertThat(found.token()).isEqualTo(first);
        assertThat(scheduler().reservationsByIds(List.of(secondId, firstId, foreignId)).list())
                .extracting(Reservation::token).containsExactly(first, second);
        assertThat(scheduler().reservationsByIds(List.of()).list()).isEmpty();
        assertThatThrownBy(() -> scheduler().reservationById(foreignId)).isInstanceOf(NoResultFound.class)
                .hasMessageContaining(String.valueOf(foreignId));
        assertThat(other.reservationById(foreignId).token()).isEqualTo(foreign);
        assertThatThrownBy(() -> scheduler().reservationsByIds(Arrays.asList(firstId, null)))
                .isInstanceOf(InvalidArgument.class).hasMessageContaining("reservation ids");
        assertThatThrownBy(() -> scheduler().reservationsByIds(null)).isInstanceOf(InvalidArgument.class);
    }

    @Test
    @DisplayName("blockerById and blockersByIds find this resource's blockers, never another's")
    void blockersById() {
        scheduler().allocate(hour(10));
        scheduler().allocate(hour(11));
        List<ReservationBlocker> added = scheduler().addBlocker(List.of(hour(10), hour(11)), "cleaning");
        Scheduler other = fixture().other("lookup-other");
        other.allocate(hour(10));
        ReservationBlocker foreign = other.addBlocker(hour(10)).get(0);
        scheduler().commit();
        List<Integer> ids = added.stream().map(ReservationBlocker::requireId).collect(Collectors.toList());
        int foreignId = foreign.requireId();

        assertThat(scheduler().blockerById(ids.get(1)).start()).isEqualTo(added.get(1).start());
        assertThat(scheduler().blockerById(ids.get(0)).reason()).isEqualTo("cleaning");
        assertThat(scheduler().blockersByIds(List.of(ids.get(1), ids.get(0), foreignId)).list())
                .extracting(ReservationBlocker::requireId).containsExactly(ids.get(0), ids.get(1));
        assertThatThrownBy(() -> scheduler().blockerById(foreignId)).isInstanceOf(NoResultFound.class)
                .hasMessageContaining(String.valueOf(foreignId));
        assertThat(other.blockerById(foreignId).token()).isEqualTo(foreign.token());
        assertThatThrownBy(() -> scheduler().blockersByIds(Arrays.asList(ids.get(0), null)))
                .isInstanceOf(InvalidArgument.class).hasMessageContaining("blocker ids");
    }

    @Test
    @DisplayName("anyAllocationById finds masters and mirrors of this resource; allocationById masters only, as libres")
    void anyAllocationById() {
        Allocation master = scheduler().allocate(hour(12), AllocateOptions.builder().quota(2).build()).get(0);
        scheduler().approveReservations(scheduler().reserve(EMAIL, hour(12)));
        scheduler().approveReservations(scheduler().reserve(EMAIL, hour(12)));
        scheduler().commit();
        List<Allocation> mirrors = scheduler().allocationMirrorsByMaster(master);
        assertThat(mirrors).isNotEmpty();
        Allocation mirror = mirrors.get(0);
        Scheduler other = fixture().other("lookup-other");
        int foreignId = other.allocate(hour(12)).get(0).requireId();
        other.commit();

        assertThat(scheduler().anyAllocationById(master.requireId()).isMaster()).isTrue();
        assertThat(scheduler().anyAllocationById(mirror.requireId()).resource()).isEqualTo(mirror.resource())
                .isNotEqualTo(scheduler().resource());
        assertThatThrownBy(() -> scheduler().allocationById(mirror.requireId())).isInstanceOf(NoResultFound.class);
        assertThatThrownBy(() -> scheduler().anyAllocationById(foreignId)).isInstanceOf(NoResultFound.class)
                .hasMessageContaining(String.valueOf(foreignId));
    }
}
