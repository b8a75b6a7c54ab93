package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.MoveOptions;
import io.libres.db.models.Allocation;
import io.libres.errors.AffectedReservationError;
import io.libres.errors.InvalidAllocationError;
import io.libres.errors.InvalidQuota;
import io.libres.events.QuotaChanged;
import io.libres.time.DateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Quotas: mirrors, imaginary mirrors, quota changes and their reorganisation. */
public abstract class QuotaBehaviour extends Behaviour {

    private static final String EMAIL = "test@example.org";
    private static final DateRange DATES = range(at(2011, 1, 1, 15), at(2011, 1, 1, 16));

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected QuotaBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    private Allocation allocate(int quota) {
        return scheduler().allocate(DATES, AllocateOptions.builder().quota(quota).build()).get(0);
    }

    private UUID reserveAndApprove() {
        UUID token = scheduler().reserve(EMAIL, DATES);
        scheduler().approveReservations(token);
        return token;
    }

    private long imaginary(Allocation master) {
        return scheduler().allocationMirrorsByMaster(master).stream().filter(Allocation::isTransient).count();
    }

    @Test
    @DisplayName("mirrors are imaginary until reserved")
    void imaginaryMirrors() {
        Allocation master = allocate(3);
        assertThat(master.isMaster()).isTrue();
        assertThat(imaginary(master)).isEqualTo(2);
        assertThat(master.siblings(lookup())).hasSize(3);
        assertThat(scheduler().allocationMirrorsByMaster(master)).noneMatch(Allocation::isMaster);
        assertThat(master.siblings(lookup(), false)).hasSize(1);
        reserveAndApprove();
        assertThat(imaginary(master)).isEqualTo(2);
        reserveAndApprove();
        assertThat(imaginary(master)).isEqualTo(1);
        reserveAndApprove();
        assertThat(imaginary(master)).isZero();
        assertThat(scheduler().allocationMirrorsByMaster(master)).hasSize(2);
    }

    @Test
    @DisplayName("an imaginary mirror cannot list its stored siblings")
    void imaginarySiblings() {
        Allocation master = allocate(2);
        assertThat(master.siblings(lookup())).hasSize(2);
        assertThat(master.siblings(lookup(), false)).hasSize(1);
        Allocation imaginary = master.siblings(lookup()).get(1);
        assertThat(imaginary.isTransient()).isTrue();
        assertThatThrownBy(() -> imaginary.siblings(lookup(), false)).isInstanceOf(InvalidAllocationError.class);
    }

    @Test
    @DisplayName("a stored mirror knows its master")
    void master() {
        Allocation single = allocate(1);
        assertThat(single.master(lookup())).isSameAs(single);
        Allocation master = scheduler().allocate(range(at(2015, 2, 7, 12), at(2015, 2, 7, 13)),
                AllocateOptions.builder().quota(2).build()).get(0);
        UUID token = scheduler().reserve(EMAIL, range(at(2015, 2, 7, 12), at(2015, 2, 7, 13)));
        scheduler().approveReservations(token);
        scheduler().approveReservations(scheduler().reserve(EMAIL, range(at(2015, 2, 7, 12), at(2015, 2, 7, 13))));
        Allocation mirror = master.siblings(lookup()).get(1);
        assertThat(mirror.isTransient()).isFalse();
        assertThat(mirror.master(lookup())).isEqualTo(master);
        assertThat(mirror.master(lookup()).id()).isEqualTo(master.id());
        assertThat(mirror.mirrorOf()).isEqualTo(scheduler().resource());
    }

    @Test
    @DisplayName("lowering the quota moves reserved mirrors to the front")
    void simpleQuotaChange() {
        Allocation master = allocate(5);
        assertThat(master.quotaLeft(lookup())).isEqualTo(5);
        List<UUID> tokens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tokens.add(reserveAndApprove());
        }
        assertThat(master.isAvailable(lookup())).isFalse();
        assertThat(scheduler().allocationMirrorsByMaster(master)).noneMatch(m -> m.isAvailable(lookup()));
        assertThat(master.quotaLeft(lookup())).isZero();
        scheduler().removeReservation(tokens.get(0));
        assertThat(master.isAvailable(lookup())).isTrue();
        Allocation changed = scheduler().changeQuota(master, 4);
        assertThat(changed.quota()).isEqualTo(4);
        assertThat(changed.isAvailable(lookup())).isFalse();
        assertThat(scheduler().allocationMirrorsByMaster(changed)).hasSize(3).noneMatch(m -> m.isAvailable(lookup()));
        for (UUID token : tokens.subList(1, 5)) {
            scheduler().removeReservation(token);
        }
        assertThat(changed.isAvailable(lookup())).isTrue();
        assertThat(scheduler().allocationMirrorsByMaster(changed)).allMatch(m -> m.isAvailable(lookup()));
        List<Allocation> siblings = changed.siblings(lookup());
        for (Allocation sibling : siblings) {
            if (!sibling.isTransient()) {
                assertThat(sibling.siblings(lookup())).isEqualTo(siblings);
            }
        }
    }

    @Test
    @DisplayName("reserved spots close the gaps: 1 2 - - 5 - 7 becomes 1 2 5 7")
    void advancedQuotaChange() {
        Allocation master = allocate(7);
        assertThat(scheduler().changeQuota(master, 7).quota()).isEqualTo(7);
        List<UUID> tokens = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            tokens.add(reserveAndApprove());
        }
        assertThat(master.quotaLeft(lookup())).isZero();
        List<Integer> before = tokens.stream().map(t -> scheduler().allocationsByReservation(t).one().requireId())
                .collect(Collectors.toList());
        scheduler().removeReservation(tokens.get(2));
        scheduler().removeReservation(tokens.get(3));
        scheduler().removeReservation(tokens.get(5));
        assertThat(master.quotaLeft(lookup())).isEqualTo(3);
        Allocation changed = scheduler().changeQuota(master, 4);
        assertThat(changed.quotaLeft(lookup())).isZero();
        assertThat(scheduler().allocationsByReservation(tokens.get(0)).one().requireId()).isEqualTo(before.get(0));
        assertThat(scheduler().allocationsByReservation(tokens.get(1)).one().requireId()).isEqualTo(before.get(1));
        assertThat(scheduler().allocationsByReservation(tokens.get(4)).one().requireId()).isEqualTo(before.get(2));
        assertThat(scheduler().allocationsByReservation(tokens.get(6)).one().requireId()).isEqualTo(before.get(3));
        assertThat(scheduler().managedAllocations().count()).isEqualTo(4);
    }

    @Test
    @DisplayName("the reordered key list maps reserved keys onto the lowest free ones")
    void reorderedKeylist() {
        Allocation master = allocate(3);
        UUID first = reserveAndApprove();
        reserveAndApprove();
        reserveAndApprove();
        scheduler().removeReservation(first);
        List<Allocation> siblings = master.siblings(lookup());
        Map<UUID, Optional<UUID>> map = scheduler().reorderedKeylist(siblings, 2);
        assertThat(map.get(siblings.get(0).resource())).isEmpty();
        assertThat(map.get(siblings.get(1).resource())).contains(siblings.get(0).resource());
        assertThat(map.get(siblings.get(2).resource())).contains(siblings.get(1).resource());
        assertThatThrownBy(() -> scheduler().reorderedKeylist(siblings.subList(1, 3), 2)).isInstanceOf(InvalidAllocationError.class);
    }

    @Test
    @DisplayName("raising the quota adds spots; a quota below one is invalid")
    void raise() {
        Allocation master = allocate(1);
        reserveAndApprove();
        List<QuotaChanged> events = new ArrayList<>();
        scheduler().events().on(QuotaChanged.class, events::add);
        Allocation raised = scheduler().changeQuota(master, 3);
        assertThat(raised.quota()).isEqualTo(3);
        assertThat(raised.quotaLeft(lookup())).isEqualTo(2);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.oldQuota()).isEqualTo(1);
            assertThat(e.newQuota()).isEqualTo(3);
        });
        assertThatThrownBy(() -> scheduler().changeQuota(raised, 0)).isInstanceOf(InvalidQuota.class);
        assertThat(scheduler().changeQuota(raised, 3)).isEqualTo(raised);
    }

    @Test
    @DisplayName("the quota cannot go below the spots reserved")
    void cannotLowerBelowReserved() {
        Allocation master = allocate(3);
        reserveAndApprove();
        reserveAndApprove();
        assertThatThrownBy(() -> scheduler().changeQuota(master, 1)).isInstanceOf(AffectedReservationError.class)
                .satisfies(e -> assertThat(((AffectedReservationError) e).existing()).isEmpty());
        assertThat(scheduler().allocationById(master.requireId()).quota()).isEqualTo(3);
    }

    @Test
    @DisplayName("moving one member of a group changes quota, limit and approval of the whole group")
    void groupMove() {
        List<Allocation> created = scheduler().allocate(List.of(range(at(2013, 1, 1, 12), at(2013, 1, 1, 13)),
                range(at(2013, 1, 2, 12), at(2013, 1, 2, 13))),
                AllocateOptions.builder().grouped(true).quota(3).approveManually(true).quotaLimit(3).build());
        for (Allocation a : created) {
            assertThat(a.siblings(lookup())).hasSize(3);
        }
        UUID group = created.get(0).group();
        DateRange moved = range(at(2014, 1, 1, 12), at(2014, 1, 1, 13));
        scheduler().moveAllocation(created.get(0).requireId(), MoveOptions.builder().dates(moved).newQuota(2)
                .approveManually(true).quotaLimit(2).build());
        List<Allocation> members = scheduler().allocationsByGroup(group).list();
        assertThat(members).hasSize(2).allMatch(a -> a.isMaster() && a.quota() == 2 && a.quotaLimit() == 2);
        UUID token = scheduler().reserveGroup("test@example.com", group);
        scheduler().approveReservations(token);
        assertThat(scheduler().queries().availabilityByAllocations(allSiblings(group))).isEqualTo(50.0);
        scheduler().moveAllocation(created.get(0).requireId(), MoveOptions.builder().dates(moved).newQuota(1).build());
        assertThat(scheduler().queries().availabilityByAllocations(allSiblings(group))).isEqualTo(0.0);
        scheduler().moveAllocation(created.get(0).requireId(), MoveOptions.builder().dates(moved).newQuota(2).build());
        scheduler().approveReservations(scheduler().reserveGroup("test@example.com", group));
        List<Allocation> all = allSiblings(group);
        assertThat(scheduler().queries().availabilityByAllocations(all)).isEqualTo(0.0);
        assertThat(all).hasSize(4).noneMatch(a -> a.isAvailable(lookup()));
        assertThatThrownBy(() -> scheduler().moveAllocation(created.get(0).requireId(),
                MoveOptions.builder().dates(moved).newQuota(1).build())).isInstanceOf(AffectedReservationError.class);
    }

    private List<Allocation> allSiblings(UUID group) {
        List<Allocation> all = new ArrayList<>();
        for (Allocation member : scheduler().allocationsByGroup(group).list()) {
            all.addAll(member.siblings(lookup()));
        }
        return all;
    }

    @Test
    @DisplayName("approving an approved reservation again (quota 1) writes nothing, returns its slots and raises no event")
    void repeatApprovalQuotaOne() {
        repeatApproval(1);
    }

    @Test
    @DisplayName("approving an approved reservation again (quota 2) does not book the second spot")
    void repeatApprovalQuotaTwo() {
        repeatApproval(2);
    }

    private void repeatApproval(int quota) {
        Allocation master = allocate(quota);
        UUID token = scheduler().reserve(EMAIL, DATES);
        List<io.libres.db.models.ReservedSlot> first = scheduler().approveReservations(token);
        List<io.libres.events.ReservationsApproved> events = new ArrayList<>();
        scheduler().events().on(io.libres.events.ReservationsApproved.class, events::add);

        List<io.libres.db.models.ReservedSlot> again = scheduler().approveReservations(token);

        assertThat(first).hasSize(1);
        assertThat(again).extracting(s -> s.resource() + "@" + s.start() + "#" + s.allocationId())
                .containsExactlyElementsOf(first.stream().map(s -> s.resource() + "@" + s.start() + "#" + s.allocationId())
                        .collect(Collectors.toList()));
        assertThat(events).isEmpty();
        assertThat(scheduler().managedReservedSlots().count()).isEqualTo(1);
        assertThat(scheduler().freeAllocationsCount(master, DATES)).isEqualTo(quota - 1);
        if (quota > 1) {
            // the spot the repeat would have taken is still there for someone else
            assertThat(scheduler().approveReservations(scheduler().reserve(EMAIL, DATES))).hasSize(1);
            assertThat(scheduler().freeAllocationsCount(master, DATES)).isZero();
        }
    }
}
