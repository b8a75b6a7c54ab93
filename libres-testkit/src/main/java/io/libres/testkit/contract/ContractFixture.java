package io.libres.testkit.contract;

import org.jspecify.annotations.Nullable;

import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservationStatus;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.db.models.TargetType;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.BlockerCriteria;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.SlotCriteria;
import io.libres.spi.Storage;
import io.libres.spi.UnitOfWork;
import io.libres.testkit.internal.KitSupport;
import io.libres.time.Raster;
import io.libres.time.Timespan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What one contract test works with: the storage under test, fresh resources that no other test
 * uses, record builders shaped as the scheduler writes them, and a clean-up that removes every
 * record of the test's resources.
 */
public final class ContractFixture {

    /** The first instant the contract tests allocate at: a Monday, 09:00 UTC. */
    public static final Instant BASE = Instant.parse("2031-03-03T09:00:00Z");

    private final Storage storage;
    private final DataSource dataSource;
    private final StatementCounter statementCounter;
    private final boolean realDatabase;
    private final int racers;
    private final List<UUID> resources = new ArrayList<>();
    private final List<UnitOfWork> works = new ArrayList<>();

    ContractFixture(Storage storage, boolean realDatabase, int racers, DataSource dataSource,
            StatementCounter statementCounter) {
        this.storage = storage;
        this.dataSource = dataSource;
        this.statementCounter = statementCounter;
        this.realDatabase = realDatabase;
        this.racers = racers;
        storage.setupDatabase();
    }

    /** @return whether the storage under test is a real database (see {@link StorageContractTest#supportsRealDatabase()}) */
    public boolean realDatabase() {
        return realDatabase;
    }

    /**
     * The database under the storage, for reading rows as stored.
     *
     * @return the data source of {@link StorageContractTest#dataSource()}, or null
     */
    public @Nullable DataSource dataSource() {
        return dataSource;
    }

    /**
     * The database under the storage, failing with what to override when there is none.
     *
     * @param why what the test reads it for
     * @return the data source
     * @throws IllegalStateException if the test class does not override {@link StorageContractTest#dataSource()}
     */
    public DataSource requireDataSource(String why) {
        if (dataSource == null) {
            throw new IllegalStateException("supportsRealDatabase() is true, so the kit needs dataSource() to " + why
                    + "; override StorageContractTest#dataSource() to return the DataSource of the storage's database");
        }
        return dataSource;
    }

    /**
     * The adapter's statement counter, failing with what to override when there is none.
     *
     * @return the counter
     * @throws IllegalStateException if the test class does not override
     *     {@link StorageContractTest#statementCounter()}
     */
    public StatementCounter requireStatementCounter() {
        if (statementCounter == null) {
            throw new IllegalStateException("the statement-count group needs a counter of the storage's statements;"
                    + " override StorageContractTest#statementCounter(), e.g. build the storage on"
                    + " CountingDataSource.wrap(dataSource) and return that, or InMemoryStorage::statements");
        }
        return statementCounter;
    }

    /** @return how many threads race in the concurrency tests */
    public int racers() {
        return racers;
    }

    /** @return the storage under test */
    public Storage storage() {
        return storage;
    }

    /**
     * Begins a unit of work that the fixture closes after the test, if the test does not.
     *
     * @return the open unit of work
     */
    public UnitOfWork begin() {
        UnitOfWork work = storage.begin();
        synchronized (works) {
            works.add(work);
        }
        return work;
    }

    /**
     * A fresh real resource, cleaned up after the test.
     *
     * @return a random resource uuid
     */
    public UUID resource() {
        UUID resource = UUID.randomUUID();
        synchronized (resources) {
            resources.add(resource);
        }
        return resource;
    }

    /**
     * Cleans up the records of a resource made elsewhere (a scheduler's) after the test.
     *
     * @param resource the real resource
     * @return the resource
     */
    public UUID track(UUID resource) {
        synchronized (resources) {
            resources.add(resource);
        }
        return resource;
    }

    /**
     * An instant some hours after {@link #BASE}.
     *
     * @param hours hours after the base
     * @return the instant
     */
    public static Instant hour(int hours) {
        return BASE.plus(Duration.ofHours(hours));
    }

    /**
     * A master allocation (quota 1, raster 5, not partly available, alone in its group), not stored.
     *
     * @param resource the real resource
     * @param start the start
     * @param hours the length in hours
     * @return the allocation; its end is stored form (minus one microsecond)
     */
    public static Allocation allocation(UUID resource, Instant start, int hours) {
        return Allocation.builder()
                .resource(resource)
                .mirrorOf(resource)
                .group(UUID.randomUUID())
                .start(start)
                .end(start.plus(Duration.ofHours(hours)).minus(Timespan.MICROSECOND))
                .raster(Raster.FIVE)
                .timezone("Europe/Zurich")
                .build();
    }

    /**
     * A pending reservation of one allocation between its dates, not stored.
     *
     * @param allocation the targeted allocation
     * @param token the token
     * @return the reservation
     */
    public static Reservation reservation(Allocation allocation, UUID token) {
        return Reservation.builder()
                .token(token)
                .target(allocation.group())
                .targetType(TargetType.ALLOCATION)
                .resource(allocation.mirrorOf())
                .start(allocation.start())
                .end(allocation.end())
                .timezone("Europe/Zurich")
                .status(ReservationStatus.PENDING)
                .email("kit@example.org")
                .quota(1)
                .build();
    }

    /**
     * A blocker of one allocation between its dates, not stored.
     *
     * @param allocation the blocked allocation
     * @param token the token
     * @return the blocker, without id
     */
    public static ReservationBlocker blocker(Allocation allocation, UUID token) {
        return new ReservationBlocker(null, token, allocation.group(), TargetType.ALLOCATION,
                allocation.mirrorOf(), allocation.start(), allocation.end(), "Europe/Zurich", "cleaning", null, null);
    }

    /**
     * The slot covering a whole stored allocation, written by a reservation.
     *
     * @param allocation a stored allocation
     * @param token the reservation's token
     * @param sourceId the reservation's id
     * @return the slot, not stored
     */
    public static ReservedSlot slot(Allocation allocation, UUID token, int sourceId) {
        return ReservedSlot.of(allocation, allocation.timespan(), SlotSource.RESERVATION, token, sourceId);
    }

    /**
     * Stores allocations in a unit of work of its own and commits.
     *
     * @param allocations the allocations
     * @return the stored allocations
     */
    public List<Allocation> committed(Allocation... allocations) {
        try (UnitOfWork work = begin()) {
            List<Allocation> stored = work.allocations().insert(List.of(allocations));
            work.commit();
            return stored;
        }
    }

    /** Closes the test's units of work and removes every record of its resources. */
    void cleanUp() {
        synchronized (works) {
            for (UnitOfWork work : works) {
                work.close();
            }
        }
        Set<UUID> mine;
        synchronized (resources) {
            mine = Set.copyOf(resources);
        }
        if (mine.isEmpty()) {
            return;
        }
        try (UnitOfWork work = storage.begin()) {
            work.reservedSlots().delete(new SlotCriteria(mine, null, null, null, null, null, null));
            work.reservedSlots().delete(SlotCriteria.any().withResources(mine));
            work.reservations().delete(ReservationCriteria.ofResources(mine));
            work.blockers().delete(BlockerCriteria.ofResources(mine));
            work.allocations().delete(AllocationCriteria.ofResources(mine));
            work.commit();
        }
    }

    /** Stops the storage, as {@code @LibresTest} does, after the clean-up. */
    void stop() {
        KitSupport.stop(storage);
    }
}
