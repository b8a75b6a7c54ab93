package io.libres.testkit.contract;

import static io.libres.testkit.contract.ContractFixture.allocation;
import static io.libres.testkit.contract.ContractFixture.hour;
import static io.libres.testkit.contract.ContractFixture.reservation;
import static io.libres.testkit.contract.ContractFixture.slot;
import static org.assertj.core.api.Assertions.assertThat;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationStatus;
import io.libres.db.models.ReservedSlot;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.SerializationFailure;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.SlotCriteria;
import io.libres.spi.StoragePorts;
import io.libres.spi.UnitOfWork;
import io.libres.time.DateRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Concurrency: serialization failures on a real write skew, and real threads racing for fewer
 * spots than there are threads.
 */
public abstract class ConcurrencyContract extends ContractGroup {

    /** How often a racer runs its unit of work again after a serialization failure. */
    private static final int ATTEMPTS = 200;

    /** What a racer ended with. */
    private enum Outcome { WON, LOST }

    /**
     * Creates the group.
     *
     * @param fixture supplies the running test's fixture
     */
    protected ConcurrencyContract(Supplier<ContractFixture> fixture) {
        super(fixture);
    }

    @Test
    @DisplayName("of two units of work that each read, then write what the other read (write skew), one fails"
            + " with a retryable SerializationFailure")
    void writeSkew() {
        UUID resource = resource();
        Allocation allocation = fixture().committed(allocation(resource, hour(0), 1)).get(0);
        ReservationCriteria targetingIt = ReservationCriteria.ofResources(List.of(resource))
                .withTargets(List.of(allocation.group()));
        UnitOfWork first = begin();
        UnitOfWork second = begin();
        assertThat(first.reservations().find(targetingIt).exists()).isFalse();
        assertThat(second.reservations().find(targetingIt).exists()).isFalse();

        List<SerializationFailure> failures = new ArrayList<>();
        int committed = 0;
        for (UnitOfWork work : List.of(first, second)) {
            try {
                work.reservations().insert(List.of(reservation(allocation, UUID.randomUUID())));
            } catch (SerializationFailure e) {
                failures.add(e);
                work.rollback();
            }
        }
        for (UnitOfWork work : List.of(first, second)) {
            if (!work.isOpen()) {
                continue;
            }
            try {
                work.commit();
                committed++;
            } catch (SerializationFailure e) {
                failures.add(e);
            }
        }

        assertThat(committed).isEqualTo(1);
        assertThat(failures).singleElement().satisfies(e -> {
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.sqlState()).hasValueSatisfying(state -> assertThat(state).isIn("40001", "40P01"));
        });
        try (UnitOfWork work = begin()) {
            assertThat(work.reservations().find(targetingIt).count()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("threads inserting the same slot at once: exactly one wins, the others get AlreadyReservedError")
    void slotRace() throws Exception {
        UUID resource = resource();
        Allocation allocation = fixture().committed(allocation(resource, hour(0), 1)).get(0);

        List<Outcome> outcomes = race(fixture().racers(), racer -> () -> {
            try (UnitOfWork work = fixture().storage().begin()) {
                work.reservedSlots().insert(List.of(slot(allocation, UUID.randomUUID(), racer)));
                work.commit();
                return Outcome.WON;
            } catch (AlreadyReservedError e) {
                return Outcome.LOST;
            }
        });

        assertThat(outcomes).filteredOn(Outcome.WON::equals).hasSize(1);
        try (UnitOfWork work = begin()) {
            assertThat(work.reservedSlots().find(SlotCriteria.ofResource(resource)).count()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("threads reserving and approving through schedulers race for fewer spots: exactly as many winners"
            + " as spots, and no orphaned rows")
    void schedulerRace() throws Exception {
        int spots = 5;
        Registry registry = Registry.createDefault();
        Context context = registry.registerContext("race-" + UUID.randomUUID());
        context.setService(StoragePorts.STORAGE.key(), ctx -> fixture().storage(), true);
        ZoneId zone = ZoneId.of("Europe/Zurich");
        Scheduler scheduler = new Scheduler(context, "race", zone);
        UUID resource = fixture().track(scheduler.resource());
        DateRange range = DateRange.of(LocalDateTime.of(2031, 5, 6, 9, 0), LocalDateTime.of(2031, 5, 6, 12, 0));
        scheduler.allocate(range, AllocateOptions.builder().quota(spots).build());
        scheduler.commit();

        List<Outcome> outcomes = race(fixture().racers(), racer -> () -> {
            Scheduler own = scheduler.clone();
            try {
                UUID token = own.reserve("racer" + racer + "@example.org", range);
                own.approveReservations(token);
                own.commit();
                return Outcome.WON;
            } catch (AlreadyReservedError e) {
                return Outcome.LOST;
            } finally {
                own.rollback();
            }
        });

        assertThat(outcomes).filteredOn(Outcome.WON::equals).hasSize(spots);
        assertThat(outcomes).filteredOn(Outcome.LOST::equals).hasSize(fixture().racers() - spots);
        try (UnitOfWork work = begin()) {
            List<Reservation> reservations = work.reservations().find(ReservationCriteria.ofResources(List.of(resource)))
                    .list();
            assertThat(reservations).hasSize(spots).allSatisfy(r ->
                    assertThat(r.status()).isEqualTo(ReservationStatus.APPROVED));
            List<ReservedSlot> slots = work.reservedSlots().find(SlotCriteria.ofResource(resource)).list();
            assertThat(slots).hasSize(spots);
            assertThat(slots.stream().map(ReservedSlot::reservationToken).collect(Collectors.toSet()))
                    .isEqualTo(reservations.stream().map(Reservation::token).collect(Collectors.toSet()));
            List<Allocation> allocations = work.allocations().find(AllocationCriteria.ofResource(resource)).list();
            assertThat(allocations).hasSize(spots);
            Map<Integer, List<ReservedSlot>> byAllocation = work.reservedSlots()
                    .byAllocation(allocations.stream().map(Allocation::requireId).toList());
            assertThat(byAllocation).hasSize(spots).allSatisfy((id, held) -> assertThat(held).hasSize(1));
        } finally {
            scheduler.rollback();
        }
    }

    /** A racer's unit of work, run again after each serialization failure. */
    private interface Racer {
        Callable<Outcome> attempt(int racer);
    }

    private static List<Outcome> race(int racers, Racer racer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Outcome> attempt = racer.attempt(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int tries = 1; ; tries++) {
                        try {
                            return attempt.call();
                        } catch (SerializationFailure e) {
                            if (tries >= ATTEMPTS) {
                                throw e;
                            }
                            Thread.sleep((long) (Math.random() * 5 * Math.min(tries, 10)));
                        }
                    }
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get(5, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
