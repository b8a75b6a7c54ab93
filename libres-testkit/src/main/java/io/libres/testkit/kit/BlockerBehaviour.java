package io.libres.testkit.kit;

import io.libres.db.AllocateOptions;
import io.libres.db.AllocationAvailability;
import io.libres.db.MoveOptions;
import io.libres.db.ReservedSlices;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.db.models.Partition;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.db.models.TargetType;
import io.libres.errors.AffectedReservationError;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.InvalidReservationError;
import io.libres.errors.InvalidReservationToken;
import io.libres.errors.ReservationTooLong;
import io.libres.errors.ReservationTooShort;
import io.libres.errors.TimerangeTooLong;
import io.libres.time.DateRange;
import io.libres.time.Timespan;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Blockers: adding, moving around, removing and changing them, across blocking resources. */
public abstract class BlockerBehaviour extends Behaviour {

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected BlockerBehaviour(Supplier<KitFixture> fixture) {
        super(fixture);
    }

    @Test
    @DisplayName("a blocked allocation cannot be moved")
    void moveBlocked() {
        DateRange dates = range(at(2015, 2, 9, 10), at(2015, 2, 9, 11));
        Allocation allocation = scheduler().allocate(dates).get(0);
        scheduler().addBlocker(dates);
        assertThatThrownBy(() -> scheduler().moveAllocation(allocation.requireId(),
                MoveOptions.builder().dates(range(at(2015, 2, 9, 10), at(2015, 2, 9, 12))).build()))
                .isInstanceOf(AffectedReservationError.class);
    }

    @Test
    @DisplayName("a blocked partly available allocation may grow but not shrink past the blocker")
    void movePartlyBlocked() {
        DateRange dates = range(at(2015, 2, 9, 10), at(2015, 2, 9, 12));
        Allocation allocation = scheduler().allocate(dates, AllocateOptions.builder().partlyAvailable(true).build()).get(0);
        scheduler().addBlocker(dates);
        assertThatThrownBy(() -> scheduler().moveAllocation(allocation.requireId(),
                MoveOptions.builder().dates(range(at(2015, 2, 9, 10), at(2015, 2, 9, 11))).build()))
                .isInstanceOf(AffectedReservationError.class);
        assertThat(scheduler().moveAllocation(allocation.requireId(),
                MoveOptions.builder().dates(range(at(2015, 2, 9, 10), at(2015, 2, 9, 13))).build()).displayEnd().getHour())
                .isEqualTo(13);
    }

    @Test
    @DisplayName("blockers obey the same length rules as reservations")
    void length() {
        assertThatThrownBy(() -> scheduler().addBlocker(range(at(2015, 2, 9, 10, 0), at(2015, 2, 9, 10, 1))))
                .isInstanceOf(ReservationTooShort.class);
        assertThatThrownBy(() -> scheduler().addBlocker(range(at(2011, 1, 1, 15), at(2011, 1, 2, 15))))
                .isInstanceOf(ReservationTooLong.class);
    }

    @Test
    @DisplayName("blocking half an allocation leaves the other half free until removed")
    void addBlocker() {
        Allocation allocation = scheduler().allocate(range(at(2011, 1, 1, 15), at(2011, 1, 1, 16)),
                AllocateOptions.builder().partlyAvailable(true).raster(15).build()).get(0);
        List<Timespan> possible = allocation.allSlots();
        ReservationBlocker blocker = scheduler().addBlocker(range(at(2011, 1, 1, 15), at(2011, 1, 1, 15, 30))).get(0);
        assertThat(blocker.id()).isPresent().hasValue(blocker.requireId());
        assertThat(blocker.targetType()).isEqualTo(TargetType.ALLOCATION);
        assertThat(allocation.freeSlots(lookup())).containsExactlyElementsOf(possible.subList(2, 4));
        assertThat(scheduler().reservedSlotsByBlocker(blocker.token()).count()).isEqualTo(2);
        assertThat(scheduler().reservedSlotsByBlocker(blocker.token()).list()).allMatch(s -> s.source() == SlotSource.BLOCKER
                && s.sourceId() == blocker.requireId());
        assertThatThrownBy(() -> scheduler().moveAllocation(allocation.requireId(),
                MoveOptions.builder().dates(range(at(2011, 1, 1, 15, 30), at(2011, 1, 1, 16))).build()))
                .isInstanceOf(AffectedReservationError.class);
        Allocation moved = scheduler().moveAllocation(allocation.requireId(),
                MoveOptions.builder().dates(range(at(2011, 1, 1, 15), at(2011, 1, 1, 15, 30))).build());
        assertThat(moved.freeSlots(lookup())).isEmpty();
        scheduler().removeBlocker(blocker.token());
        assertThat(moved.freeSlots(lookup())).hasSize(2);
    }

    @Test
    @DisplayName("blockers of a blocking scheduler block the blocked scheduler")
    void blockingResources() {
        Scheduler blocked = fixture().blockedScheduler();
        assertThat(blocked.blockingResources()).contains(scheduler().resource());
        scheduler().allocate(range(at(2011, 1, 1, 15), at(2011, 1, 1, 15, 30)),
                AllocateOptions.builder().partlyAvailable(true).raster(15).build());
        scheduler().addBlocker(range(at(2011, 1, 1, 15), at(2011, 1, 1, 15, 15)));
        UUID token = scheduler().reserve("test@example.org", range(at(2011, 1, 1, 15, 15), at(2011, 1, 1, 15, 30)));
        assertThat(scheduler().approveReservations(token)).hasSize(1);
        assertThat(blocked.visibleAllocations().count()).isEqualTo(1);
        assertThat(blocked.visibleBlockers().count()).isEqualTo(1);
        assertThat(blocked.visibleReservations().count()).isEqualTo(1);
        Allocation allocation = blocked.allocate(range(at(2011, 1, 1, 14, 30), at(2011, 1, 1, 16, 30)),
                AllocateOptions.builder().partlyAvailable(true).raster(15).build()).get(0);
        List<Timespan> possible = allocation.allSlots();
        assertThat(possible).hasSize(8);
        assertThat(blocked.visibleAllocations().count()).isEqualTo(2);
        List<AllocationAvailability> result = blocked.allocationsWithAvailabilityByRange(DateRange.of(allocation.timespan()));
        assertThat(result).hasSize(1);
        assertThat(result.get(0).allocation()).isEqualTo(allocation);
        assertThat(Math.round(result.get(0).availability())).isEqualTo(86);
        assertThat(result.get(0).partitions()).containsExactly(new Partition(25.0, false), new Partition(25.0, true),
                new Partition(50.0, false));
        assertThatThrownBy(() -> blocked.addBlocker(range(at(2011, 1, 1, 14, 30), at(2011, 1, 1, 15, 15))))
                .isInstanceOf(AlreadyReservedError.class);
        assertThatThrownBy(() -> blocked.addBlocker(range(at(2011, 1, 1, 15, 15), at(2011, 1, 1, 16, 30))))
                .isInstanceOf(AlreadyReservedError.class);
        assertThatThrownBy(() -> blocked.reserve("test@example.org", range(at(2011, 1, 1, 14, 30), at(2011, 1, 1, 15, 15))))
                .isInstanceOf(AlreadyReservedError.class);
        blocked.addBlocker(range(at(2011, 1, 1, 15, 30), at(2011, 1, 1, 16, 30)));
        assertThat(allocation.freeSlots(blocked.lookup())).containsExactlyElementsOf(possible.subList(0, 4));
        assertThat(blocked.visibleBlockers().count()).isEqualTo(2);
        assertThat(blocked.visibleReservations().count()).isEqualTo(1);
        result = blocked.allocationsWithAvailabilityByRange(DateRange.of(allocation.timespan()));
        assertThat(Math.round(result.get(0).availability())).isEqualTo(67);
        assertThat(result.get(0).partitions()).containsExactly(new Partition(25.0, false), new Partition(75.0, true));
        ReservedSlices slices = blocked.reservedSlotsByRange(DateRange.of(allocation.timespan()));
        assertThat(slices.blocked()).hasSize(15);
        assertThat(slices.reserved()).hasSize(3);
    }

    @Test
    @DisplayName("the reason of every blocker of a token changes at once")
    void changeReason() {
        List<DateRange> dates = List.of(range(at(2014, 8, 7, 11), at(2014, 8, 7, 12)), range(at(2014, 8, 8, 11), at(2014, 8, 8, 12)));
        scheduler().allocate(dates, AllocateOptions.DEFAULTS);
        List<ReservationBlocker> blockers = scheduler().addBlocker(dates, "mopping");
        assertThat(blockers).hasSize(2).extracting(ReservationBlocker::reason).containsOnly("mopping");
        UUID token = blockers.get(0).token();
        assertThat(blockers.get(1).token()).isEqualTo(token);
        scheduler().changeBlockerReason(token, "cleaning");
        assertThat(scheduler().blockersByToken(token).list()).extracting(ReservationBlocker::reason).containsOnly("cleaning");
        assertThat(scheduler().blockersByToken(token).list().get(0).title()).contains("cleaning");
    }

    @Test
    @DisplayName("a blocker of a group cannot change its time; the new span must fit the allocation")
    void changeBlockerAssertions() {
        List<DateRange> grouped = List.of(range(at(2014, 8, 10, 11), at(2014, 8, 10, 12)), range(at(2014, 8, 11, 11), at(2014, 8, 11, 12)));
        scheduler().allocate(grouped, AllocateOptions.builder().grouped(true).build());
        ReservationBlocker groupBlocker = scheduler().addBlocker(grouped, null).get(0);
        assertThat(groupBlocker.targetType()).isEqualTo(TargetType.GROUP);
        assertThatThrownBy(() -> scheduler().changeBlocker(groupBlocker.token(), groupBlocker.requireId(), grouped.get(0)))
                .isInstanceOf(InvalidReservationError.class);
        DateRange partly = range(at(2014, 3, 7, 8), at(2014, 3, 7, 17));
        scheduler().allocate(partly, AllocateOptions.builder().partlyAvailable(true).build());
        ReservationBlocker blocker = scheduler().addBlocker(partly).get(0);
        assertThatThrownBy(() -> scheduler().changeBlocker(blocker.token(), blocker.requireId(), range(at(2014, 3, 7, 7), at(2014, 3, 7, 17))))
                .isInstanceOf(TimerangeTooLong.class);
        assertThatThrownBy(() -> scheduler().changeBlocker(blocker.token(), blocker.requireId(), range(at(2014, 3, 7, 8), at(2014, 3, 7, 17, 1))))
                .isInstanceOf(TimerangeTooLong.class);
    }

    @Test
    @DisplayName("a changed blocker keeps its id, token and reason; a taken span fails and is undone")
    void changeBlocker() {
        scheduler().allocate(range(at(2014, 8, 7, 8), at(2014, 8, 7, 10)), AllocateOptions.builder().partlyAvailable(true).build());
        UUID token = scheduler().addBlocker(List.of(range(at(2014, 8, 7, 8), at(2014, 8, 7, 9))), "cleaning").get(0).token();
        ReservationBlocker blocker = scheduler().blockersByToken(token).one();
        int id = blocker.requireId();
        assertThat(scheduler().changeBlocker(token, id, range(at(2014, 8, 7, 8), at(2014, 8, 7, 9)))).isEmpty();
        DateRange longer = range(at(2014, 8, 7, 8), at(2014, 8, 7, 10));
        assertThat(scheduler().changeBlocker(token, id, longer)).isPresent();
        ReservationBlocker now = scheduler().blockersByToken(token).one();
        assertThat(now.start()).isEqualTo(longer.resolve(KitFixture.ZURICH).start());
        assertThat(now.end()).isEqualTo(longer.resolve(KitFixture.ZURICH).end().minus(Timespan.MICROSECOND));
        assertThat(now.reason()).isEqualTo("cleaning");
        assertThat(now.requireId()).isEqualTo(id);
        scheduler().changeBlocker(token, id, range(at(2014, 8, 7, 9), at(2014, 8, 7, 10)));
        scheduler().addBlocker(range(at(2014, 8, 7, 8), at(2014, 8, 7, 9)));
        assertThatThrownBy(() -> scheduler().changeBlocker(token, id, longer)).isInstanceOf(AlreadyReservedError.class);
        assertThat(scheduler().blockersByToken(token).one().start()).isEqualTo(range(at(2014, 8, 7, 9), at(2014, 8, 7, 10))
                .resolve(KitFixture.ZURICH).start());
    }

    @Test
    @DisplayName("a group blocker takes every spot of every allocation of the group")
    void groupBlocker() {
        List<Allocation> created = scheduler().allocate(List.of(range(at(2013, 4, 6, 12), at(2013, 4, 6, 16)),
                range(at(2013, 4, 7, 12), at(2013, 4, 7, 16))), AllocateOptions.builder().grouped(true).approveManually(true).quota(3).build());
        UUID group = created.get(0).group();
        ReservationBlocker blocker = scheduler().addGroupBlocker(group, "closed").get(0);
        assertThat(blocker.targetAllocations(lookup(), true)).hasSize(2);
        assertThat(blocker.targetAllocations(lookup(), false)).hasSize(6);
        assertThat(blocker.timespans(lookup())).containsExactly(created.get(0).timespan(), created.get(1).timespan());
        assertThatThrownBy(() -> scheduler().addGroupBlocker(group, null)).isInstanceOf(AlreadyReservedError.class);
        assertThatThrownBy(() -> scheduler().addGroupBlocker(UUID.randomUUID(), null)).isInstanceOf(InvalidReservationError.class);
    }

    @Test
    @DisplayName("blocking where there is no allocation is invalid")
    void invalidBlock() {
        scheduler().allocate(range(at(2012, 1, 1, 15), at(2012, 1, 1, 16)), AllocateOptions.builder().approveManually(true).build());
        assertThatThrownBy(() -> scheduler().addBlocker(range(at(2012, 2, 1, 15), at(2012, 2, 1, 16))))
                .isInstanceOf(InvalidReservationError.class);
    }

    @Test
    @DisplayName("adjacent allocations are blocked separately")
    void noBleed() {
        DateRange d1 = range(at(2011, 1, 1, 15), at(2011, 1, 1, 16));
        DateRange d2 = range(at(2011, 1, 1, 16), at(2011, 1, 1, 17));
        scheduler().allocate(d1);
        scheduler().allocate(d2);
        scheduler().addBlocker(d2);
        scheduler().addBlocker(d1);
        assertThat(scheduler().managedBlockers().count()).isEqualTo(2);
    }

    @Test
    @DisplayName("a blocked group cannot lose quota")
    void groupMoveBlocked() {
        List<Allocation> created = scheduler().allocate(List.of(range(at(2013, 1, 1, 12), at(2013, 1, 1, 13)),
                range(at(2013, 1, 2, 12), at(2013, 1, 2, 13))),
                AllocateOptions.builder().grouped(true).quota(3).approveManually(true).quotaLimit(3).build());
        DateRange moved = range(at(2014, 1, 1, 12), at(2014, 1, 1, 13));
        scheduler().moveAllocation(created.get(0).requireId(), MoveOptions.builder().dates(moved).newQuota(2)
                .approveManually(true).quotaLimit(2).build());
        List<Allocation> members = scheduler().allocationsByGroup(created.get(0).group()).list();
        assertThat(members).hasSize(2).allMatch(a -> a.quota() == 2 && a.quotaLimit() == 2);
        scheduler().addGroupBlocker(created.get(0).group(), null);
        List<Allocation> all = new ArrayList<>();
        for (Allocation member : members) {
            all.addAll(member.siblings(lookup()));
        }
        assertThat(scheduler().queries().availabilityByAllocations(all)).isEqualTo(0.0);
        assertThat(all).hasSize(4).noneMatch(a -> a.isAvailable(lookup()));
        assertThatThrownBy(() -> scheduler().moveAllocation(created.get(0).requireId(),
                MoveOptions.builder().dates(moved).newQuota(1).build())).isInstanceOf(AffectedReservationError.class);
    }

    @Test
    @DisplayName("a blocked whole allocation is taken for any span within it")
    void partly() {
        Allocation allocation = scheduler().allocate(range(at(2011, 1, 1, 8), at(2011, 1, 1, 18))).get(0);
        assertThat(allocation.freeSlots(lookup())).containsExactly(allocation.timespan());
        scheduler().addBlocker(range(at(2011, 1, 1, 16), at(2011, 1, 1, 18)));
        assertThatThrownBy(() -> scheduler().addBlocker(range(at(2011, 1, 1, 8), at(2011, 1, 1, 9))))
                .isInstanceOf(AlreadyReservedError.class);
    }

    @Test
    @DisplayName("a removed blocker frees its spots; a blocked allocation cannot be removed")
    void fragmentation() {
        DateRange dates = range(at(2011, 1, 1, 15), at(2011, 1, 1, 16));
        Allocation allocation = scheduler().allocate(dates, AllocateOptions.builder().quota(3).build()).get(0);
        ReservationBlocker blocker = scheduler().addBlocker(dates).get(0);
        assertThat(scheduler().reservedSlotsByBlocker(blocker.token()).count()).isEqualTo(3);
        scheduler().removeBlocker(blocker.token());
        scheduler().addBlocker(dates);
        assertThatThrownBy(() -> scheduler().removeAllocation(allocation.requireId())).isInstanceOf(AffectedReservationError.class);
        assertThatThrownBy(() -> scheduler().removeBlocker(blocker.token())).isInstanceOf(InvalidReservationToken.class);
    }

    @Test
    @DisplayName("allocations by blocker, also by blocker id")
    void allocationsByBlocker() {
        List<DateRange> dates = List.of(range(at(2013, 12, 3, 13), at(2013, 12, 3, 15)), range(at(2014, 12, 3, 13), at(2014, 12, 3, 15)));
        List<Allocation> created = new ArrayList<>();
        for (DateRange d : dates) {
            created.addAll(scheduler().allocate(d, AllocateOptions.builder().approveManually(true).build()));
        }
        UUID token = scheduler().addBlocker(dates, null).get(0).token();
        assertThat(scheduler().allocationsByBlocker(token).list()).isEqualTo(created);
        for (ReservationBlocker blocker : scheduler().managedBlockers().list()) {
            assertThat(scheduler().allocationsByBlocker(token, blocker.requireId()).count()).isEqualTo(1);
            assertThat(blocker.targetAllocations(lookup(), true)).hasSize(1);
        }
    }

    @Test
    @DisplayName("removing one blocker of a token keeps the slots of the others")
    void removeOneOfToken() {
        scheduler().allocate(range(at(2014, 3, 7, 8), at(2014, 3, 7, 18)), AllocateOptions.builder().partlyAvailable(true).build());
        List<ReservationBlocker> blockers = scheduler().addBlocker(List.of(range(at(2014, 3, 7, 8), at(2014, 3, 7, 10)),
                range(at(2014, 3, 7, 10), at(2014, 3, 7, 12))), null);
        assertThat(blockers).hasSize(2);
        UUID token = blockers.get(0).token();
        List<ReservationBlocker> sorted = blockers.stream().sorted(Comparator.comparing(ReservationBlocker::start))
                .collect(Collectors.toList());
        long first = scheduler().reservedSlotsByBlocker(token, sorted.get(0).requireId()).count();
        assertThat(first).isPositive();
        assertThat(scheduler().reservedSlotsByBlocker(token, sorted.get(1).requireId()).count()).isPositive();
        scheduler().removeBlocker(token, sorted.get(1).requireId());
        assertThat(scheduler().reservedSlotsByBlocker(token).count()).isEqualTo(first);
        List<ReservedSlot> left = scheduler().reservedSlotsByType(token, null).list();
        assertThat(left).allMatch(s -> s.sourceId() == sorted.get(0).requireId());
    }

    @Test
    @DisplayName("visible blockers and reservations include those of the blocking resources; managed ones do not")
    void visibleRecords() {
        Scheduler blocked = fixture().blockedScheduler();
        scheduler().allocate(List.of(range(at(2015, 2, 9, 10), at(2015, 2, 9, 11)), range(at(2015, 2, 9, 12), at(2015, 2, 9, 13))),
                AllocateOptions.DEFAULTS);
        scheduler().reserve("test@example.org", range(at(2015, 2, 9, 10), at(2015, 2, 9, 11)));
        scheduler().addBlocker(range(at(2015, 2, 9, 12), at(2015, 2, 9, 13)));
        assertThat(blocked.managedReservations().count()).isZero();
        assertThat(blocked.managedBlockers().count()).isZero();
        assertThat(blocked.visibleReservations().count()).isEqualTo(1);
        assertThat(blocked.visibleBlockers().count()).isEqualTo(1);
        assertThat(blocked.blockingAllocations().count()).isEqualTo(2);
        assertThat(scheduler().visibleBlockers().count()).isEqualTo(1);
        assertThat(scheduler().blockingAllocations().count()).isZero();
    }

    @Test
    @DisplayName("a blocker's title is its reason; without a reason it has none")
    void blockerTitle() {
        scheduler().allocate(List.of(range(at(2015, 2, 9, 10), at(2015, 2, 9, 11)), range(at(2015, 2, 9, 12), at(2015, 2, 9, 13))),
                AllocateOptions.DEFAULTS);
        ReservationBlocker withReason = scheduler().addBlocker(List.of(range(at(2015, 2, 9, 10), at(2015, 2, 9, 11))), "repairs").get(0);
        ReservationBlocker without = scheduler().addBlocker(range(at(2015, 2, 9, 12), at(2015, 2, 9, 13))).get(0);
        assertThat(withReason.title()).contains("repairs");
        assertThat(without.title()).isEmpty();
        assertThat(scheduler().blockersByToken(withReason.token()).one().reason()).isEqualTo("repairs");
    }
}
