package io.libres.db;

import org.jspecify.annotations.Nullable;

import io.libres.context.Context;
import io.libres.db.internal.AllocationOps;
import io.libres.db.internal.Arguments;
import io.libres.db.internal.AvailabilityMath;
import io.libres.db.internal.BlockerOps;
import io.libres.db.internal.Records;
import io.libres.db.internal.ReservationOps;
import io.libres.db.internal.Scope;
import io.libres.db.internal.SearchOps;
import io.libres.db.internal.Spots;
import io.libres.db.models.Allocation;
import io.libres.db.models.Lookup;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.ReservedSlot;
import io.libres.db.models.SlotSource;
import io.libres.db.query.QueryResult;
import io.libres.errors.AffectedPendingReservationError;
import io.libres.errors.AffectedReservationError;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.InvalidAllocationError;
import io.libres.errors.InvalidDateRange;
import io.libres.errors.InvalidEmailAddress;
import io.libres.errors.InvalidQuota;
import io.libres.errors.InvalidReservationError;
import io.libres.errors.InvalidReservationToken;
import io.libres.errors.MultipleResultsFound;
import io.libres.errors.NoResultFound;
import io.libres.errors.NotReservableError;
import io.libres.errors.OverlappingAllocationError;
import io.libres.errors.OverlappingReservationError;
import io.libres.errors.QuotaImpossible;
import io.libres.errors.QuotaOverLimit;
import io.libres.errors.ReservationTooLong;
import io.libres.errors.ReservationTooShort;
import io.libres.errors.TimerangeTooLong;
import io.libres.events.Events;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.BlockerCriteria;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.SlotCriteria;
import io.libres.spi.StoragePorts;
import io.libres.time.DateRange;
import io.libres.time.Timespan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reserves one resource: allocates timespans, takes reservations and blockers on them, and
 * answers questions about them. The main part of the API.
 *
 * <p>A scheduler's resource is {@code uuid5(uuid_namespace, "<context name>/<name>")}, so the
 * same context and name reach the same records, also those written by libres 1.2. Every
 * scheduler works in one zone: local date-times are read in it, and whole days and weekdays are
 * those of that zone. Bad input is rejected with a typed exception before anything is written.
 *
 * <p>Units of work: reads and writes happen in the unit of work open on the current thread of the
 * context's {@link Session}: a scope ({@link #begin()} with try-with-resources, or
 * {@link #transaction(java.util.function.Supplier)}), the Java way; or, libres-style, the
 * thread-bound unit of work that the first write outside a scope begins and {@link #commit()} or
 * {@link #rollback()} ends. A read outside any unit of work runs in a short one of its own and
 * keeps no connection once it returns; a {@link QueryResult} runs its query each time it is used,
 * in the unit of work open then.
 *
 * <p>Thread-safety: a scheduler is immutable and may be shared by every thread and held for the
 * application's life; what it reads and writes belongs to the calling thread's unit of work.
 *
 * <p>Create one with {@code Libres.newScheduler(context, name, zone)}.
 */
public final class Scheduler implements AutoCloseable {

    /** The earliest instant the scheduler reads or writes (year 1, as Python's datetime.min). */
    public static final Instant MIN_INSTANT = Timespan.EARLIEST;

    /** The latest instant the scheduler reads or writes (year 9999, as Python's datetime.max). */
    public static final Instant MAX_INSTANT = Timespan.LATEST;

    private final Scope scope;
    private final Records records;
    private final Spots spots;
    private final AllocationOps allocations;
    private final ReservationOps reservations;
    private final BlockerOps blockers;
    private final SearchOps search;
    private final Queries queries;

    /**
     * Creates a scheduler without blocking names.
     *
     * @param context the context; its settings and services are used
     * @param name the scheduler's name, which with the context name makes the resource
     * @param zone the zone of local date-times, whole days and weekdays; it cannot change once
     *     allocations exist
     * @throws io.libres.errors.InvalidArgument if the context or zone is missing or the name is blank
     */
    public Scheduler(Context context, String name, ZoneId zone) {
        this(context, name, zone, Set.of());
    }

    /**
     * Creates a scheduler whose reservations are also blocked by the reserved slots of other
     * schedulers of the same context.
     *
     * @param context the context
     * @param name the scheduler's name
     * @param zone the scheduler's zone
     * @param blockingNames the names of the schedulers whose reserved slots block this one's
     * @throws io.libres.errors.InvalidArgument if the context or zone is missing, the name is blank,
     *     the blocking names are missing or hold a missing name, or the scheduler is among its own
     *     blocking names
     */
    public Scheduler(Context context, String name, ZoneId zone, Collection<String> blockingNames) {
        this.scope = new Scope(context, name, zone,
                blockingNames == null ? null : new java.util.LinkedHashSet<>(blockingNames));
        this.records = new Records(scope);
        this.spots = new Spots(scope);
        this.allocations = new AllocationOps(scope, records, spots);
        this.reservations = new ReservationOps(scope, records, spots);
        this.blockers = new BlockerOps(scope, records, spots);
        this.search = new SearchOps(scope, records);
        this.queries = new Queries(context, Set.of(scope.resource())).withZone(scope.zone());
    }

    // ------------------------------------------------------------------ identity and unit of work

    /** @return the scope, for the queries across schedulers of this package */
    Scope scope() {
        return scope;
    }

    /** @return the context */
    public Context context() {
        return scope.context();
    }

    /** @return the scheduler's name */
    public String name() {
        return scope.name();
    }

    /** @return the scheduler's zone */
    public ZoneId zone() {
        return scope.zone();
    }

    /** @return the names of the schedulers whose reserved slots block this one's */
    public Set<String> blockingNames() {
        return scope.blockingNames();
    }

    /**
     * The resource of this scheduler: {@code uuid5(uuid_namespace, "<context>/<name>")}.
     *
     * @return the resource
     */
    public UUID resource() {
        return scope.resource();
    }

    /** @return the resources of the blocking schedulers */
    public Set<UUID> blockingResources() {
        return scope.blockingResources();
    }

    /**
     * The queries of this scheduler's resource: its session calls see and change only this
     * scheduler's reservations, never those of another scheduler or application on the database.
     * Their {@link io.libres.time.DateRange} forms read local values in the scheduler's zone, as
     * the scheduler's own methods do.
     *
     * @return the queries
     */
    public Queries queries() {
        return queries;
    }

    /**
     * Read access for model methods ({@code allocation.freeSlots(scheduler.lookup())}), bound to
     * the current thread's unit of work.
     *
     * @return the lookup
     */
    public Lookup lookup() {
        return scope.readLookup();
    }

    /** @return the events of this scheduler's context */
    public Events events() {
        return Events.of(scope.context());
    }

    /**
     * A new scheduler with the same context, name, zone and blocking names.
     *
     * @return the copy
     */
    @Override
    public Scheduler clone() {
        return new Scheduler(scope.context(), scope.name(), scope.zone(), scope.blockingNames());
    }

    /**
     * Creates the tables libres needs in the context's storage; calling it again does no harm.
     *
     * @throws io.libres.errors.StorageException if the storage refuses
     */
    public void setupDatabase() {
        scope.context().getService(StoragePorts.STORAGE).setupDatabase();
    }

    /**
     * Checks, without changing anything, that the context's storage holds every table, column,
     * type, constraint and index libres needs; a database made by libres 1.2, by
     * {@link #setupDatabase()} or by the Flyway and Liquibase modules passes.
     *
     * @return what is missing or different
     * @throws io.libres.errors.StorageException if the storage cannot be reached
     */
    public SchemaReport validateSchema() {
        return scope.context().getService(StoragePorts.STORAGE).validateSchema();
    }

    /**
     * Begins a scoped unit of work on this scheduler's context: every scheduler and
     * {@link Queries} of the context reads and writes in it on this thread until it ends. Leaving
     * the scope without {@link Work#commit()} rolls back. Inside an open scope it joins it as an
     * inner scope (see {@link Session}).
     *
     * <pre>{@code
     * try (Work work = scheduler.begin()) {
     *     scheduler.approveReservations(scheduler.reserve(email, dates));
     *     work.commit();
     * }
     * }</pre>
     *
     * @return the scope, open
     * @throws io.libres.errors.StorageException if the storage cannot begin a unit of work
     */
    public Work begin() {
        return scope.session().begin();
    }

    /**
     * Runs reads in a read-only unit of work: on a read replica when the storage has one, in one
     * snapshot (REPEATABLE READ) that holds every commit made through this context; see
     * {@link Session#readOnly(java.util.function.Supplier)}.
     *
     * <pre>{@code
     * double free = scheduler.readOnly(() -> scheduler.availability(DateRange.of(monday, sunday)));
     * }</pre>
     *
     * @param <T> the result type
     * @param reading the reads; they return loaded values (lists, counts, models)
     * @return what the reads returned
     * @throws io.libres.errors.StorageException if neither a replica nor the primary can be reached
     */
    public <T> T readOnly(java.util.function.Supplier<T> reading) {
        return scope.session().readOnly(reading);
    }

    /**
     * Begins a read-only scope, closed by try-with-resources; see {@link Session#beginReadOnly()}.
     *
     * @return the scope, open
     * @throws io.libres.errors.StorageException if neither a replica nor the primary can be reached
     */
    public Work beginReadOnly() {
        return scope.session().beginReadOnly();
    }

    /**
     * Runs work in a unit of work of its own and commits it, retrying when a concurrent unit of
     * work conflicts; inside an open scope it joins it; see
     * {@link Session#transaction(java.util.function.Supplier, RetryPolicy)}.
     *
     * @param <T> the result type
     * @param work the work, for example reserving and approving; run again on each attempt
     * @return the work's result
     * @throws io.libres.errors.SerializationFailure if the last attempt still conflicts
     */
    public <T> T transaction(java.util.function.Supplier<T> work) {
        return scope.session().transaction(work);
    }

    /**
     * Runs work that returns nothing in a unit of work and commits it, retrying when a concurrent
     * unit of work conflicts; see {@link Session#transaction(java.util.function.Supplier, RetryPolicy)}.
     *
     * @param work the work, run again on each attempt
     * @throws io.libres.errors.SerializationFailure if the last attempt still conflicts
     */
    public void transaction(Runnable work) {
        scope.session().transaction(work);
    }

    /**
     * Runs work in a unit of work and commits it, retrying as the policy says; see
     * {@link Session#transaction(java.util.function.Supplier, RetryPolicy)}.
     *
     * @param <T> the result type
     * @param work the work, run again on each attempt
     * @param policy how often and how patiently to retry
     * @return the work's result
     * @throws io.libres.errors.SerializationFailure if the last attempt still conflicts
     */
    public <T> T transaction(java.util.function.Supplier<T> work, RetryPolicy policy) {
        return scope.session().transaction(work, policy);
    }

    /**
     * Runs work that returns nothing in a unit of work and commits it, retrying as the policy
     * says; see {@link Session#transaction(java.util.function.Supplier, RetryPolicy)}.
     *
     * @param work the work, run again on each attempt
     * @param policy how often and how patiently to retry
     * @throws io.libres.errors.SerializationFailure if the last attempt still conflicts
     */
    public void transaction(Runnable work, RetryPolicy policy) {
        scope.session().transaction(work, policy);
    }

    /**
     * Commits the current thread's thread-bound unit of work (libres-style).
     *
     * @throws io.libres.errors.SerializationFailure if a concurrent unit of work conflicts; nothing
     *     was written, run the work again
     * @throws io.libres.errors.UnitOfWorkMisused inside a scope: commit the scope's {@link Work} instead
     */
    public void commit() {
        scope.timed("commit", () -> scope.session().commit());
    }

    /**
     * Rolls back the current thread's thread-bound unit of work (libres-style).
     *
     * @throws io.libres.errors.UnitOfWorkMisused inside a scope: roll back the scope's {@link Work} instead
     */
    public void rollback() {
        scope.session().rollback();
    }

    /**
     * Rolls back and releases the current thread's thread-bound unit of work (libres-style), as
     * libres' {@code scheduler.close()} does; a no-op if none is open.
     *
     * <p>Closing ends this thread's work, never the scheduler: it holds no resources of its own
     * (the storage belongs to the context, whose {@code stopServices()} releases it), so it stays
     * usable afterwards and by every other thread. That makes try-with-resources around
     * libres-style code discard whatever it did not commit:
     *
     * <pre>{@code
     * try (Scheduler scheduler = Libres.newScheduler(context, "room", zone)) {
     *     scheduler.allocate(dates);
     *     scheduler.commit();
     * }
     * }</pre>
     *
     * <p>Scoped units of work ({@link #begin()}) are ended by their {@link Work}, not by this.
     *
     * @throws io.libres.errors.UnitOfWorkMisused inside a scope: close the scope's {@link Work} instead
     */
    @Override
    public void close() {
        scope.session().close();
    }

    // ------------------------------------------------------------------ managed and visible records

    /** @return the allocations of this resource, masters and mirrors, ordered by start */
    public QueryResult<Allocation> managedAllocations() {
        return scope.query(records::managedAllocations);
    }

    /** @return the allocations of the blocking resources, ordered by start */
    public QueryResult<Allocation> blockingAllocations() {
        return scope.query(records::blockingAllocations);
    }

    /** @return the allocations of this and the blocking resources, ordered by start */
    public QueryResult<Allocation> visibleAllocations() {
        return scope.query(records::visibleAllocations);
    }

    /** @return the reserved slots on allocations of this resource, ordered by start */
    public QueryResult<ReservedSlot> managedReservedSlots() {
        return scope.query(records::managedReservedSlots);
    }

    /** @return the reservations of this resource, ordered by id */
    public QueryResult<Reservation> managedReservations() {
        return scope.query(records::managedReservations);
    }

    /** @return the reservations of this and the blocking resources, ordered by id */
    public QueryResult<Reservation> visibleReservations() {
        return scope.query(records::visibleReservations);
    }

    /** @return the blockers of this resource, ordered by id */
    public QueryResult<ReservationBlocker> managedBlockers() {
        return scope.query(records::managedBlockers);
    }

    /** @return the blockers of this and the blocking resources, ordered by id */
    public QueryResult<ReservationBlocker> visibleBlockers() {
        return scope.query(records::visibleBlockers);
    }

    /**
     * Removes every reservation, blocker, reserved slot and allocation of this resource.
     */
    public void extinguishManagedRecords() {
        Set<UUID> ours = Set.of(scope.resource());
        scope.work().reservations().delete(ReservationCriteria.ofResources(ours));
        scope.work().blockers().delete(BlockerCriteria.ofResources(ours));
        scope.work().reservedSlots().delete(SlotCriteria.ofResource(scope.resource()));
        scope.work().allocations().delete(AllocationCriteria.ofResource(scope.resource()));
    }

    // ------------------------------------------------------------------ allocations by ...

    /**
     * A master allocation of this resource.
     *
     * @param id the id
     * @return the allocation
     * @throws NoResultFound if this resource has no master with the id
     */
    public Allocation allocationById(int id) {
        return scope.read(() -> records.allocationById(id));
    }

    /**
     * An allocation of this resource by id, a master or a mirror; {@link #allocationById(int)}
     * finds masters only, as libres' {@code allocation_by_id} does.
     *
     * @param id the id
     * @return the allocation
     * @throws NoResultFound if this resource has no allocation with the id
     */
    public Allocation anyAllocationById(int id) {
        return scope.read(() -> records.anyAllocationById(id));
    }

    /**
     * A reservation of this resource by id, without its token.
     *
     * @param id the id
     * @return the reservation
     * @throws NoResultFound if this resource has no reservation with the id (also if another
     *     resource has one)
     */
    public Reservation reservationById(int id) {
        return scope.read(() -> records.reservationById(id));
    }

    /**
     * The reservations of this resource with the given ids; ids of other resources' reservations
     * are left out.
     *
     * @param ids the ids
     * @return the reservations ordered by id
     * @throws io.libres.errors.InvalidArgument if the ids are missing or hold a missing value
     */
    public QueryResult<Reservation> reservationsByIds(Collection<Integer> ids) {
        Collection<Integer> checked = Arguments.requireAll(ids, "reservation ids");
        return scope.query(() -> records.reservationsByIds(checked));
    }

    /**
     * A blocker of this resource by id, without its token.
     *
     * @param id the id
     * @return the blocker
     * @throws NoResultFound if this resource has no blocker with the id (also if another resource
     *     has one)
     */
    public ReservationBlocker blockerById(int id) {
        return scope.read(() -> records.blockerById(id));
    }

    /**
     * The blockers of this resource with the given ids; ids of other resources' blockers are left
     * out.
     *
     * @param ids the ids
     * @return the blockers ordered by id
     * @throws io.libres.errors.InvalidArgument if the ids are missing or hold a missing value
     */
    public QueryResult<ReservationBlocker> blockersByIds(Collection<Integer> ids) {
        Collection<Integer> checked = Arguments.requireAll(ids, "blocker ids");
        return scope.query(() -> records.blockersByIds(checked));
    }

    /**
     * The allocations of this resource with the given ids.
     *
     * @param ids the ids
     * @return the allocations ordered by start
     * @throws io.libres.errors.InvalidArgument if the allocation ids are missing or hold a missing value
     */
    public QueryResult<Allocation> allocationsByIds(Collection<Integer> ids) {
        Collection<Integer> checked = Arguments.requireAll(ids, "allocation ids");
        return scope.query(() -> records.allocationsByIds(checked));
    }

    /**
     * The master allocations of a group.
     *
     * @param group the group
     * @return the masters ordered by start
     * @throws io.libres.errors.InvalidArgument if the group is missing
     */
    public QueryResult<Allocation> allocationsByGroup(UUID group) {
        List<UUID> groups = List.of(Arguments.require(group, "group"));
        return scope.query(() -> records.allocationsByGroups(groups, true));
    }

    /**
     * The allocations of some groups.
     *
     * @param groups the groups
     * @param mastersOnly true to leave out mirrors
     * @return the allocations ordered by start
     * @throws io.libres.errors.InvalidArgument if the groups are missing or hold a missing value
     */
    public QueryResult<Allocation> allocationsByGroups(Collection<UUID> groups, boolean mastersOnly) {
        Collection<UUID> checked = Arguments.requireAll(groups, "groups");
        return scope.query(() -> records.allocationsByGroups(checked, mastersOnly));
    }

    /**
     * The allocations holding the reserved slots of an approved reservation token; pending
     * reservations have none (use {@link Reservation#targetAllocations(Lookup)}).
     *
     * @param token the token
     * @return the allocations ordered by start
     * @throws InvalidReservationToken if the token is missing
     */
    public QueryResult<Allocation> allocationsByReservation(UUID token) {
        UUID checked = Arguments.token(token);
        return scope.query(() -> records.allocationsBySlots(checked, SlotSource.RESERVATION, OptionalInt.empty()));
    }

    /**
     * The allocations holding the reserved slots of one approved reservation.
     *
     * @param token the token
     * @param id the reservation's id
     * @return the allocations ordered by start
     * @throws InvalidReservationToken if the token is missing
     */
    public QueryResult<Allocation> allocationsByReservation(UUID token, int id) {
        UUID checked = Arguments.token(token);
        return scope.query(() -> records.allocationsBySlots(checked, SlotSource.RESERVATION, OptionalInt.of(id)));
    }

    /**
     * The allocations holding the reserved slots of a blocker token.
     *
     * @param token the token
     * @return the allocations ordered by start
     * @throws InvalidReservationToken if the token is missing
     */
    public QueryResult<Allocation> allocationsByBlocker(UUID token) {
        UUID checked = Arguments.token(token);
        return scope.query(() -> records.allocationsBySlots(checked, SlotSource.BLOCKER, OptionalInt.empty()));
    }

    /**
     * The allocations holding the reserved slots of one blocker.
     *
     * @param token the token
     * @param id the blocker's id
     * @return the allocations ordered by start
     * @throws InvalidReservationToken if the token is missing
     */
    public QueryResult<Allocation> allocationsByBlocker(UUID token, int id) {
        UUID checked = Arguments.token(token);
        return scope.query(() -> records.allocationsBySlots(checked, SlotSource.BLOCKER, OptionalInt.of(id)));
    }

    /**
     * The master allocations of this resource overlapping a range.
     *
     * @param range the range
     * @return the allocations ordered by start
     * @throws InvalidDateRange if the range holds a value that is not a point in time
     */
    public QueryResult<Allocation> allocationsInRange(DateRange range) {
        return allocationsInRange(range, true, true);
    }

    /**
     * The allocations overlapping a range.
     *
     * @param range the range
     * @param mastersOnly true to leave out mirrors
     * @param managedOnly true for this resource only, false to add the blocking resources
     * @return the allocations ordered by start
     * @throws InvalidDateRange if the range is missing or ends before it starts
     */
    public QueryResult<Allocation> allocationsInRange(DateRange range, boolean mastersOnly, boolean managedOnly) {
        Timespan span = forward(range);
        return scope.query(() -> records.allocationsInRange(span, mastersOnly, managedOnly));
    }

    /**
     * The one master allocation of this resource overlapping a range.
     *
     * @param range the range
     * @return the allocation
     * @throws NoResultFound if none overlaps
     * @throws MultipleResultsFound if several overlap
     */
    public Allocation allocationByDate(DateRange range) {
        return allocationsInRange(range).one();
    }

    /**
     * The spans of the master allocations of a group.
     *
     * @param group the group
     * @return start to stored end, ordered by start
     * @throws io.libres.errors.InvalidArgument if the group is missing
     */
    public List<Timespan> allocationDatesByGroup(UUID group) {
        UUID checked = Arguments.require(group, "group");
        return scope.read(() -> records.allocationDatesByGroup(checked));
    }

    /**
     * The mirrors of a master, imaginary ones included.
     *
     * @param master the master
     * @return the mirrors in key order
     * @throws io.libres.errors.InvalidArgument if the master allocation is missing
     */
    public List<Allocation> allocationMirrorsByMaster(Allocation master) {
        Allocation checked = Arguments.require(master, "master allocation");
        return scope.read(() -> spots.mirrors(checked));
    }

    /**
     * The spans of allocations, each limited to its own times of day.
     *
     * @param ids the allocation ids
     * @return start to stored end, ordered by start
     * @throws io.libres.errors.InvalidArgument if the allocation ids are missing or hold a missing value
     */
    public List<Timespan> allocationDatesByIds(Collection<Integer> ids) {
        Collection<Integer> checked = Arguments.requireAll(ids, "allocation ids");
        return scope.read(() -> allocations.allocationDatesByIds(checked, null, null));
    }

    /**
     * The spans of allocations limited to times of day (see {@link Allocation#limitTimespan}).
     *
     * @param ids the allocation ids
     * @param startTime the time of day to start
     * @param endTime the time of day to end
     * @return start to stored end, ordered by start
     * @throws io.libres.errors.InvalidArgument if the allocation ids are missing or hold a missing value
     */
    public List<Timespan> allocationDatesByIds(Collection<Integer> ids, LocalTime startTime, LocalTime endTime) {
        Collection<Integer> checked = Arguments.requireAll(ids, "allocation ids");
        return scope.read(() -> allocations.allocationDatesByIds(checked, startTime, endTime));
    }

    /**
     * Tells whether any of the allocations requires manual approval.
     *
     * @param ids the allocation ids
     * @return true if at least one does
     * @throws io.libres.errors.InvalidArgument if the allocation ids are missing or hold a missing value
     */
    public boolean manualApprovalRequired(Collection<Integer> ids) {
        Collection<Integer> checked = Arguments.requireAll(ids, "allocation ids");
        return scope.read(() -> scope.work().allocations().find(records.managed().withIds(checked)
                .withApproveManually(true)).exists());
    }

    // ------------------------------------------------------------------ allocating

    /**
     * Allocates one timespan with the default options.
     *
     * @param dates the start and end
     * @return the new allocation, in a list
     * @see #allocate(List, AllocateOptions)
     */
    public List<Allocation> allocate(DateRange dates) {
        return allocate(Collections.singletonList(dates), AllocateOptions.DEFAULTS);
    }

    /**
     * Allocates one timespan.
     *
     * @param dates the start and end
     * @param options the options
     * @return the new allocation, in a list
     * @see #allocate(List, AllocateOptions)
     */
    public List<Allocation> allocate(DateRange dates, AllocateOptions options) {
        return allocate(Collections.singletonList(dates), options);
    }

    /**
     * Allocates timespans that can then be reserved. Start and end are rastered; with whole days
     * they are widened to whole days in the scheduler's zone. Raises allocations added.
     *
     * @param dates the spans to allocate
     * @param options the options
     * @return the new master allocations, with ids; those skipped as overlapping are left out
     * @throws InvalidAllocationError if a span ends before it starts or the spans overlap each other
     * @throws OverlappingAllocationError if a span overlaps an existing allocation of this resource
     *     (unless skipping overlaps)
     * @throws InvalidDateRange if the dates or one of their ranges are missing
     * @throws io.libres.errors.InvalidArgument if the allocate options are missing
     */
    public List<Allocation> allocate(List<DateRange> dates, AllocateOptions options) {
        return scope.timed("allocate", () -> allocations.allocate(Arguments.ranges(dates), Arguments.require(options, "allocate options")));
    }

    /**
     * Changes the quota of a master. Raising it is always possible; lowering it reorganises the
     * mirrors so reserved ones come first, then removes the surplus (free) mirrors. Raises quota
     * changed.
     *
     * @param master the master
     * @param newQuota the new quota
     * @return the master as stored now
     * @throws InvalidQuota if the quota is below 1
     * @throws AffectedReservationError if fewer spots are free than the quota goes down by
     * @throws io.libres.errors.InvalidArgument if the master allocation is missing
     */
    public Allocation changeQuota(Allocation master, int newQuota) {
        return scope.timed("changeQuota", () -> allocations.changeQuota(Arguments.require(master, "master allocation"), newQuota));
    }

    /**
     * The key reorganisation a quota change performs: reserved mirrors move to the lowest free
     * keys, so the stored mirrors are always the first keys.
     *
     * @param siblings the master and all its mirrors, imaginary ones included
     * @param newQuota the new quota
     * @return for each key, the key holding its slots afterwards (itself if they stay), empty if free
     * @throws InvalidAllocationError if there is not exactly one master among the siblings
     * @throws io.libres.errors.InvalidArgument if the siblings are missing or hold a missing value
     */
    public Map<UUID, Optional<UUID>> reorderedKeylist(List<Allocation> siblings, int newQuota) {
        List<Allocation> checked = Arguments.requireAll(siblings, "siblings");
        return scope.read(() -> allocations.reorderedKeylist(checked, newQuota));
    }

    /**
     * Moves a master allocation and its mirrors, and changes properties of its group (quota,
     * quota limit, approval) and its data. Raises allocation moved.
     *
     * @param masterId the master's id
     * @param options what to change; unset values stay
     * @return the master as stored now
     * @throws NoResultFound if this resource has no master with the id
     * @throws InvalidAllocationError if nothing is to change, the new span ends before it starts, or the
     *     allocation lives in another zone than this scheduler's (a zone cannot change once allocations exist)
     * @throws OverlappingAllocationError if the new span overlaps another allocation
     * @throws AffectedReservationError if a reserved slot would fall outside the new span
     * @throws AffectedPendingReservationError if a pending reservation would
     * @throws io.libres.errors.InvalidArgument if the move options are missing
     */
    public Allocation moveAllocation(int masterId, MoveOptions options) {
        return scope.timed("moveAllocation", () -> allocations.moveAllocation(masterId, Arguments.require(options, "move options")));
    }

    /**
     * Removes a master allocation and its stored mirrors. Raises allocations removed.
     *
     * @param id the master's id
     * @return the removed allocations
     * @throws NoResultFound if this resource has no master with the id
     * @throws AffectedReservationError if one of them has reserved slots
     * @throws AffectedPendingReservationError if the group has pending reservations
     */
    public List<Allocation> removeAllocation(int id) {
        return scope.timed("removeAllocation", () -> allocations.removeAllocation(id));
    }

    /**
     * Removes every allocation of some groups. Raises allocations removed.
     *
     * @param groups the groups
     * @return the removed allocations
     * @throws InvalidAllocationError if no group is given
     * @throws AffectedReservationError if one of them has reserved slots
     * @throws AffectedPendingReservationError if a group has pending reservations
     * @throws io.libres.errors.InvalidArgument if the groups are missing or hold a missing value
     */
    public List<Allocation> removeAllocations(Collection<UUID> groups) {
        return scope.timed("removeAllocations", () -> allocations.removeAllocations(Arguments.requireAll(groups, "groups")));
    }

    /**
     * Removes the allocations between two days (both included, in the scheduler's zone) that have
     * no reserved slots, reservations or blockers and whose whole group lies between the days.
     *
     * @param start the first day
     * @param end the last day
     * @return how many allocations were removed
     */
    public int removeUnusedAllocations(LocalDate start, LocalDate end) {
        return removeUnusedAllocations(start, end, Set.of(), false);
    }

    /**
     * Like {@link #removeUnusedAllocations(LocalDate, LocalDate, Set, boolean)}, the weekdays
     * named as libres names them ({@code List.of("sa", "su")} for libres' {@code days=['sa', 'su']}).
     *
     * @param start the first day
     * @param end the last day
     * @param weekdays any of mo, tu, we, th, fr, sa, su (case does not matter); empty for every day
     * @param excludeGroups true to never remove grouped allocations
     * @return how many allocations were removed
     * @throws InvalidDateRange if a day is missing or the end lies before the start
     * @throws io.libres.errors.InvalidArgument if the weekdays are missing, or one is missing or unknown
     */
    public int removeUnusedAllocations(LocalDate start, LocalDate end, List<String> weekdays, boolean excludeGroups) {
        return removeUnusedAllocations(start, end, io.libres.time.Weekdays.parse(weekdays), excludeGroups);
    }

    /**
     * Like {@link #removeUnusedAllocations(LocalDate, LocalDate)}, limited to weekdays (which
     * leaves out grouped allocations) or to ungrouped allocations.
     *
     * @param start the first day
     * @param end the last day
     * @param days the weekdays, in the scheduler's zone; empty for every day
     * @param excludeGroups true to never remove grouped allocations
     * @return how many allocations were removed
     * @throws InvalidDateRange if a day is missing or the end lies before the start
     * @throws io.libres.errors.InvalidArgument if the weekdays are missing or hold a missing value
     */
    public int removeUnusedAllocations(LocalDate start, LocalDate end, Set<DayOfWeek> days, boolean excludeGroups) {
        if (start == null || end == null) {
            throw new InvalidDateRange("the first or last day is missing (" + start + " - " + end
                    + "); expected two days");
        }
        Arguments.requireAll(days, "weekdays");
        if (end.isBefore(start)) {
            throw new InvalidDateRange("the last day " + end + " lies before the first day " + start
                    + "; expected a last day on or after the first");
        }
        Timespan range = new Timespan(
                io.libres.time.TimeZones.localize(start.atStartOfDay(), scope.zone()).toInstant(),
                io.libres.time.TimeZones.localize(end.plusDays(1).atStartOfDay(), scope.zone()).toInstant()
                        .minus(Timespan.MICROSECOND));
        return allocations.removeUnusedAllocations(range, days, excludeGroups);
    }

    // ------------------------------------------------------------------ reserving

    /**
     * Reserves one span with the default options; see {@link #reserve(String, List, ReserveOptions)}.
     *
     * @param email the reservee's email
     * @param dates the span
     * @return the token
     */
    public UUID reserve(String email, DateRange dates) {
        return reserve(email, Collections.singletonList(dates), ReserveOptions.DEFAULTS);
    }

    /**
     * Reserves one span; see {@link #reserve(String, List, ReserveOptions)}.
     *
     * @param email the reservee's email
     * @param dates the span
     * @param options the options
     * @return the token
     */
    public UUID reserve(String email, DateRange dates, ReserveOptions options) {
        return reserve(email, Collections.singletonList(dates), options);
    }

    /**
     * Reserves spans of allocations: writes pending reservations, one per targeted allocation (a
     * whole group for a grouped one), sharing a token. {@link #approveReservations} then writes
     * the reserved slots. Raises reservations made.
     *
     * @param email the reservee's email
     * @param dates the spans
     * @param options data, session, quota
     * @return the token, to approve, deny or remove the reservations
     * @throws InvalidEmailAddress if the email is not valid
     * @throws ReservationTooLong if a span is longer than a day
     * @throws ReservationTooShort if a span is shorter than five minutes or runs backwards
     * @throws AlreadyReservedError if an allocation without manual approval has too few free spots
     * @throws TimerangeTooLong if a span reaches beyond its allocation
     * @throws QuotaOverLimit if the quota exceeds an allocation's quota limit
     * @throws QuotaImpossible if the quota exceeds an allocation's quota
     * @throws InvalidReservationError if no allocation lies within the spans
     * @throws OverlappingReservationError if the session already holds the same reservation
     * @throws InvalidDateRange if the dates or one of their ranges are missing
     * @throws io.libres.errors.InvalidArgument if the reserve options are missing
     */
    public UUID reserve(String email, List<DateRange> dates, ReserveOptions options) {
        return scope.timed("reserve", () -> reservations.reserveDates(email, Arguments.ranges(dates), Arguments.require(options, "reserve options")));
    }

    /**
     * Reserves a group of allocations as a whole with the default options.
     *
     * @param email the reservee's email
     * @param group the group
     * @return the token
     * @see #reserve(String, List, ReserveOptions)
     */
    public UUID reserveGroup(String email, UUID group) {
        return reserveGroup(email, group, ReserveOptions.DEFAULTS);
    }

    /**
     * Reserves a group of allocations as a whole.
     *
     * @param email the reservee's email
     * @param group the group
     * @param options data, session, quota
     * @return the token
     * @throws InvalidReservationError if the group has no allocations of this scheduler
     * @see #reserve(String, List, ReserveOptions)
     * @throws io.libres.errors.InvalidArgument if the group is missing
     * @throws io.libres.errors.InvalidArgument if the reserve options are missing
     */
    public UUID reserveGroup(String email, UUID group, ReserveOptions options) {
        return scope.timed("reserveGroup", () -> reservations.reserveGroup(email, Arguments.require(group, "group"), Arguments.require(options, "reserve options")));
    }

    /**
     * Approves the reservations of a token: writes their reserved slots, on the master or the first
     * free mirror, and marks them approved. All or nothing. Raises reservations approved for the
     * reservations it approved. A reservation that is already approved keeps its slots: approving
     * it again writes nothing and raises no event, so a reservation always holds exactly its quota
     * (libres 1.2 books it a second time).
     *
     * @param token the token
     * @return the reserved slots of the token's reservations: those written now and those already
     *     held by approved ones
     * @throws InvalidReservationToken if the token is missing or no reservation of this resource has the token
     * @throws AlreadyReservedError if a slot is taken; {@link io.libres.errors.LibresException#reservation()}
     *     names the reservation concerned
     * @throws NotReservableError if a reservation targets no slot
     */
    public List<ReservedSlot> approveReservations(UUID token) {
        return scope.timed("approveReservations", () -> reservations.approveReservations(Arguments.token(token)));
    }

    /**
     * Denies (removes) the pending reservations of a token. Raises reservations denied.
     *
     * @param token the token
     * @return the denied reservations
     * @throws InvalidReservationToken if the token is missing or no reservation of this resource has the token
     */
    public List<Reservation> denyReservation(UUID token) {
        return scope.timed("denyReservation", () -> reservations.denyReservation(Arguments.token(token)));
    }

    /**
     * Removes the reservations of a token and their reserved slots. Raises reservations removed.
     *
     * @param token the token
     * @return the removed reservations
     * @throws InvalidReservationToken if the token is missing or no reservation of this resource has the token
     */
    public List<Reservation> removeReservation(UUID token) {
        return scope.timed("removeReservation", () -> reservations.removeReservation(Arguments.token(token), OptionalInt.empty()));
    }

    /**
     * Removes one reservation of a token and its reserved slots. Raises reservations removed.
     *
     * @param token the token
     * @param id the reservation's id
     * @return the removed reservation, in a list; empty if the token has no reservation with the id
     * @throws InvalidReservationToken if the token is missing or no reservation of this resource has the token
     */
    public List<Reservation> removeReservation(UUID token, int id) {
        return scope.timed("removeReservation", () -> reservations.removeReservation(Arguments.token(token), OptionalInt.of(id)));
    }

    /**
     * Changes the email of every reservation of a token.
     *
     * @param token the token
     * @param email the new email
     * @throws InvalidEmailAddress if the email is not valid
     * @throws InvalidReservationToken if the token is missing or no reservation of this resource has the token
     */
    public void changeEmail(UUID token, String email) {
        reservations.changeEmail(Arguments.token(token), email);
    }

    /**
     * Changes the data of every reservation of a token.
     *
     * @param token the token
     * @param data the new data, a JSON object; null for none
     * @throws InvalidReservationToken if the token is missing or no reservation of this resource has the token
     * @throws io.libres.errors.DataNotSerializable if the data is not a JSON object
     */
    public void changeReservationData(UUID token, @Nullable Map<String, Object> data) {
        reservations.changeReservationData(Arguments.token(token), data);
    }

    /**
     * The reservations whose time can change: approved reservations of partly available
     * allocations.
     *
     * @return the reservations ordered by id
     */
    public QueryResult<Reservation> changeReservationTimeCandidates() {
        return scope.query(() -> reservations.changeReservationTimeCandidates(List.of()));
    }

    /**
     * The reservations of some tokens whose time can change.
     *
     * @param tokens the tokens
     * @return the reservations ordered by id
     * @throws io.libres.errors.InvalidArgument if the tokens are missing or hold a missing value
     */
    public QueryResult<Reservation> changeReservationTimeCandidates(Collection<UUID> tokens) {
        Collection<UUID> checked = Arguments.requireAll(tokens, "tokens");
        return scope.query(() -> reservations.changeReservationTimeCandidates(checked));
    }

    /**
     * Changes the span of a reservation within its allocation, keeping its token, id, email,
     * data and session; an approved reservation stays approved. All or nothing. Raises reservation
     * time changed.
     *
     * @param token the token
     * @param id the reservation's id
     * @param dates the new span
     * @return the changed reservation, empty if the span is the same
     * @throws InvalidReservationToken if the token is missing or no reservation of this resource has the token
     * @throws NoResultFound if the token has no reservation with the id
     * @throws InvalidReservationError if the reservation targets a group
     * @throws TimerangeTooLong if the span reaches beyond the allocation
     * @throws AlreadyReservedError if the new span is taken
     * @throws InvalidDateRange if the range is missing
     */
    public Optional<Reservation> changeReservation(UUID token, int id, DateRange dates) {
        return scope.timed("changeReservation", () -> reservations.changeReservation(Arguments.token(token), id, Arguments.range(dates), null));
    }

    /**
     * Changes the span and the quota of a reservation; see
     * {@link #changeReservation(UUID, int, DateRange)}.
     *
     * @param token the token
     * @param id the reservation's id
     * @param dates the new span
     * @param quota the new quota
     * @return the changed reservation, empty if span and quota are the same
     * @throws InvalidQuota if the quota is below 1
     * @throws InvalidReservationToken if the token is missing
     * @throws InvalidDateRange if the range is missing
     */
    public Optional<Reservation> changeReservation(UUID token, int id, DateRange dates, int quota) {
        return scope.timed("changeReservation", () -> reservations.changeReservation(Arguments.token(token), id, Arguments.range(dates), quota));
    }

    /**
     * Kept for libres' API; use {@link #changeReservation(UUID, int, DateRange)}.
     *
     * @param token the token
     * @param id the reservation's id
     * @param dates the new span
     * @return the changed reservation, empty if the span is the same
     * @deprecated as in libres 1.2; same as {@link #changeReservation(UUID, int, DateRange)}
     */
    @Deprecated
    public Optional<Reservation> changeReservationTime(UUID token, int id, DateRange dates) {
        return changeReservation(token, id, dates);
    }

    /**
     * Checks the records of this scheduler's resource (its allocations with their mirrors, its
     * reservations, blockers and reserved slots) against libres' integrity rules, writing nothing;
     * see {@link IntegrityCheck} for the rules, {@link IntegrityCheck#checkStorage} for the whole
     * storage. Runs in the current thread's unit of work if one is open, else in a short one.
     *
     * @return the violations in {@link IntegrityViolation#ORDER}, immutable; empty if all is well
     * @throws io.libres.errors.StorageException if the storage cannot be read
     */
    public List<IntegrityViolation> checkIntegrity() {
        return IntegrityCheck.checkResources(scope.context(), Set.of(resource()));
    }

    // ------------------------------------------------------------------ blockers

    /**
     * Blocks one span without a reason.
     *
     * @param dates the span
     * @return the new blockers
     * @see #addBlocker(List, String)
     */
    public List<ReservationBlocker> addBlocker(DateRange dates) {
        return addBlocker(Collections.singletonList(dates), null);
    }

    /**
     * Blocks the slots of several spans, without a reason; see {@link #addBlocker(List, String)}.
     *
     * @param dates the spans
     * @return the stored blockers
     */
    public List<ReservationBlocker> addBlocker(List<DateRange> dates) {
        return addBlocker(dates, null);
    }

    /**
     * Blocks spans of allocations (every spot of their quota), in one step. Raises blockers added.
     *
     * @param dates the spans
     * @param reason why, or null
     * @return the new blockers, sharing a token
     * @throws ReservationTooLong if a span is longer than a day
     * @throws ReservationTooShort if a span is shorter than five minutes
     * @throws AlreadyReservedError if a spot within the spans is taken
     * @throws TimerangeTooLong if a span reaches beyond its allocation
     * @throws InvalidReservationError if no allocation lies within the spans
     * @throws InvalidDateRange if the dates or one of their ranges are missing
     */
    public List<ReservationBlocker> addBlocker(List<DateRange> dates, @Nullable String reason) {
        return scope.timed("addBlocker", () -> blockers.addBlocker(Arguments.ranges(dates), reason, null, null));
    }

    /**
     * Blocks the slots of a group of allocations, without a reason; see
     * {@link #addGroupBlocker(UUID, String)}.
     *
     * @param group the group
     * @return the stored blockers
     */
    public List<ReservationBlocker> addGroupBlocker(UUID group) {
        return addGroupBlocker(group, null);
    }

    /**
     * Blocks a group of allocations as a whole. Raises blockers added.
     *
     * @param group the group
     * @param reason why, or null
     * @return the new blocker, in a list
     * @throws InvalidReservationError if the group has no allocations of this scheduler
     * @throws AlreadyReservedError if a spot of the group is taken
     * @throws io.libres.errors.InvalidArgument if the group is missing
     */
    public List<ReservationBlocker> addGroupBlocker(UUID group, @Nullable String reason) {
        return scope.timed("addGroupBlocker", () -> blockers.addGroupBlocker(Arguments.require(group, "group"), reason, null, null));
    }

    /**
     * Removes the blockers of a token and their reserved slots. Raises blockers removed.
     *
     * @param token the token
     * @return the removed blockers
     * @throws InvalidReservationToken if the token is missing or no blocker of this resource has the token
     */
    public List<ReservationBlocker> removeBlocker(UUID token) {
        return scope.timed("removeBlocker", () -> blockers.removeBlocker(Arguments.token(token), OptionalInt.empty()));
    }

    /**
     * Removes one blocker of a token and its reserved slots. Raises blockers removed.
     *
     * @param token the token
     * @param id the blocker's id
     * @return the removed blocker, in a list
     * @throws InvalidReservationToken if the token is missing or no blocker of this resource has the token
     */
    public List<ReservationBlocker> removeBlocker(UUID token, int id) {
        return scope.timed("removeBlocker", () -> blockers.removeBlocker(Arguments.token(token), OptionalInt.of(id)));
    }

    /**
     * Changes the reason of every blocker of a token. Raises blocker changed for each.
     *
     * @param token the token
     * @param reason the new reason, or null
     * @throws InvalidReservationToken if the token is missing or no blocker of this resource has the token
     */
    public void changeBlockerReason(UUID token, @Nullable String reason) {
        blockers.changeBlockerReason(Arguments.token(token), reason);
    }

    /**
     * Changes the span of a blocker within its allocation, keeping token, id and reason. All or
     * nothing. Raises blocker changed.
     *
     * @param token the token
     * @param id the blocker's id
     * @param dates the new span
     * @return the changed blocker, empty if the span is the same
     * @throws InvalidReservationToken if the token is missing or no blocker of this resource has the token
     * @throws NoResultFound if the token has no blocker with the id
     * @throws InvalidReservationError if the blocker targets a group
     * @throws TimerangeTooLong if the span reaches beyond the allocation
     * @throws AlreadyReservedError if the new span is taken
     * @throws InvalidDateRange if the range is missing
     */
    public Optional<ReservationBlocker> changeBlocker(UUID token, int id, DateRange dates) {
        return blockers.changeBlocker(Arguments.token(token), id, Arguments.range(dates));
    }

    /**
     * The blockers of a token.
     *
     * @param token the token
     * @return the blockers ordered by id
     * @throws InvalidReservationToken if the token is missing or no blocker of this resource has the token
     */
    public QueryResult<ReservationBlocker> blockersByToken(UUID token) {
        UUID checked = Arguments.token(token);
        return scope.checkedQuery("blocker with token " + checked, () -> records.blockersByToken(checked, OptionalInt.empty()));
    }

    /**
     * One blocker of a token.
     *
     * @param token the token
     * @param id the blocker's id
     * @return the blocker, or nothing if the token has none with the id
     * @throws InvalidReservationToken if the token is missing or no blocker of this resource has the token
     */
    public QueryResult<ReservationBlocker> blockersByToken(UUID token, int id) {
        UUID checked = Arguments.token(token);
        return scope.checkedQuery("blocker with token " + checked, () -> records.blockersByToken(checked, OptionalInt.of(id)));
    }

    /**
     * Keeps data for the blockers of a token, replacing what was kept before. libres 1.2's
     * blockers have no data column, so the data lives in libres for Java's own table
     * ({@code libres_java_blocker_data}, which libres 1.2 ignores; none of its tables changes)
     * for as long as a blocker of this resource has the token: removing the token's last blocker
     * removes it. libres-recurrence keeps a blocker series' rule here. One statement.
     *
     * @param token the blockers' token
     * @param data a JSON object (as an allocation's data)
     * @throws InvalidReservationToken if the token is missing or no blocker of this resource has
     *     the token; nothing is written then
     * @throws io.libres.errors.DataNotSerializable if the data cannot be stored as a JSON object
     */
    public void keepBlockerData(UUID token, Map<String, Object> data) {
        UUID checked = Arguments.token(token);
        Map<String, Object> object = io.libres.db.internal.JsonData.requireObject(data);
        scope.timed("keepBlockerData", () -> {
            if (!scope.work().blockers().keepData(scope.resource(), checked, object)) {
                throw new InvalidReservationToken("no blocker of resource " + scope.resource() + " has the token "
                        + checked + "; expected the token of blockers of this resource to keep data for");
            }
        });
    }

    /**
     * The data kept for the blockers of a token with {@link #keepBlockerData(UUID, Map)}. One
     * statement.
     *
     * @param token the blockers' token
     * @return the data, empty if none is kept (also when no blocker has the token)
     * @throws InvalidReservationToken if the token is missing
     */
    public Optional<Map<String, Object>> blockerData(UUID token) {
        UUID checked = Arguments.token(token);
        return scope.read(() -> scope.work().blockers().data(scope.resource(), checked));
    }

    // ------------------------------------------------------------------ reservations and slots by ...

    /**
     * The reservations sharing a token with a reservation of a group.
     *
     * @param group the group
     * @return the reservations ordered by id
     * @throws io.libres.errors.InvalidArgument if the group is missing
     */
    public QueryResult<Reservation> reservationsByGroup(UUID group) {
        UUID checked = Arguments.require(group, "group");
        return scope.query(() -> records.reservationsByGroup(checked));
    }

    /**
     * The reservations of a master allocation's group.
     *
     * @param allocationId the master's id
     * @return the reservations ordered by id
     * @throws NoResultFound if this resource has no master with the id
     */
    public QueryResult<Reservation> reservationsByAllocation(int allocationId) {
        return scope.checkedQuery("reservation of allocation " + allocationId,
                () -> records.reservationsByGroup(records.allocationById(allocationId).group()));
    }

    /**
     * The reservations of a token.
     *
     * @param token the token
     * @return the reservations ordered by id
     * @throws InvalidReservationToken if the token is missing or no reservation of this resource has the token
     */
    public QueryResult<Reservation> reservationsByToken(UUID token) {
        UUID checked = Arguments.token(token);
        return scope.checkedQuery("reservation with token " + checked,
                () -> records.reservationsByToken(checked, OptionalInt.empty()));
    }

    /**
     * One reservation of a token.
     *
     * @param token the token
     * @param id the reservation's id
     * @return the reservation, or nothing if the token has none with the id
     * @throws InvalidReservationToken if the token is missing or no reservation of this resource has the token
     */
    public QueryResult<Reservation> reservationsByToken(UUID token, int id) {
        UUID checked = Arguments.token(token);
        return scope.checkedQuery("reservation with token " + checked,
                () -> records.reservationsByToken(checked, OptionalInt.of(id)));
    }

    /**
     * The reserved slots of a token.
     *
     * @param token the token
     * @param type reservation or blocker slots, or null for both
     * @return the slots ordered by start
     * @throws InvalidReservationToken if the token is missing
     */
    public QueryResult<ReservedSlot> reservedSlotsByType(UUID token, @Nullable SlotSource type) {
        UUID checked = Arguments.token(token);
        return scope.query(() -> records.reservedSlots(checked, type, OptionalInt.empty()));
    }

    /**
     * The reserved slots of a reservation token.
     *
     * @param token the token
     * @return the slots ordered by start
     * @throws InvalidReservationToken if the token is missing
     */
    public QueryResult<ReservedSlot> reservedSlotsByReservation(UUID token) {
        UUID checked = Arguments.token(token);
        return scope.query(() -> records.reservedSlots(checked, SlotSource.RESERVATION, OptionalInt.empty()));
    }

    /**
     * The reserved slots of one reservation.
     *
     * @param token the token
     * @param id the reservation's id
     * @return the slots ordered by start
     * @throws InvalidReservationToken if the token is missing
     */
    public QueryResult<ReservedSlot> reservedSlotsByReservation(UUID token, int id) {
        UUID checked = Arguments.token(token);
        return scope.query(() -> records.reservedSlots(checked, SlotSource.RESERVATION, OptionalInt.of(id)));
    }

    /**
     * The reserved slots of a blocker token.
     *
     * @param token the token
     * @return the slots ordered by start
     * @throws InvalidReservationToken if the token is missing
     */
    public QueryResult<ReservedSlot> reservedSlotsByBlocker(UUID token) {
        UUID checked = Arguments.token(token);
        return scope.query(() -> records.reservedSlots(checked, SlotSource.BLOCKER, OptionalInt.empty()));
    }

    /**
     * The reserved slots of one blocker.
     *
     * @param token the token
     * @param id the blocker's id
     * @return the slots ordered by start
     * @throws InvalidReservationToken if the token is missing
     */
    public QueryResult<ReservedSlot> reservedSlotsByBlocker(UUID token, int id) {
        UUID checked = Arguments.token(token);
        return scope.query(() -> records.reservedSlots(checked, SlotSource.BLOCKER, OptionalInt.of(id)));
    }

    /**
     * The reserved slots of this and the blocking resources within a range, in five-minute
     * slices; for availability across blocking resources.
     *
     * @param range the range
     * @return the reserved and blocked slices
     * @throws InvalidDateRange if the range is missing or ends before it starts
     */
    public ReservedSlices reservedSlotsByRange(DateRange range) {
        return queries.reservedSlotsByRange(forward(range), scope.resource(), scope.blockingResources());
    }

    // ------------------------------------------------------------------ search and availability

    /**
     * Searches allocations with the default options.
     *
     * @param range the dates and times of day
     * @return the hits ordered by start
     * @see #searchAllocations(DateRange, SearchOptions)
     */
    public List<SearchHit> searchAllocations(DateRange range) {
        return searchAllocations(range, SearchOptions.DEFAULTS);
    }

    /**
     * Searches the exposed master allocations between the range's dates that overlap its times of
     * day on their day (a search from 1 January 12:00 to 31 January 14:00 finds the allocations of
     * January overlapping 12:00 to 14:00). Unless strict, the other members of a found group are
     * added as extra results.
     *
     * <p>A range ending at midnight covers its last day as a whole: 1 May 00:00 to 2 May 00:00
     * finds every allocation of 1 May (and 1 May 14:00 to 3 May 00:00 those of 1 and 2 May from
     * 14:00 on), where libres 1.2 finds nothing. Otherwise the start's time of day must lie
     * before the end's.
     *
     * @param range the dates and times of day
     * @param options weekdays, minimum spots, availability, whole days, groups
     * @return the hits ordered by start
     * @throws io.libres.errors.InvalidArgument if searching available allocations only with
     *     blocking names, which is not supported
     * @throws InvalidDateRange if the range is missing or ends before it starts, or if its times of
     *     day leave an empty window (the start's time of day after the end's, the end not at
     *     midnight)
     * @throws io.libres.errors.InvalidArgument if the search options are missing
     */
    public List<SearchHit> searchAllocations(DateRange range, SearchOptions options) {
        forward(range);
        SearchOptions checked = Arguments.require(options, "search options");
        return scope.timed("searchAllocations", () -> scope.read(() -> search.search(range, checked)));
    }

    /**
     * The availability of all exposed allocations of this resource.
     *
     * @return 0 to 100; 0 if there are none
     */
    public double availability() {
        return availability(new Timespan(MIN_INSTANT, MAX_INSTANT));
    }

    /**
     * The availability of the exposed allocations of this resource overlapping a range. With
     * blocking names, the reserved slots of the blocking resources count too.
     *
     * @param range the range
     * @return 0 to 100; 0 if there are none
     * @throws InvalidDateRange if the range is missing or ends before it starts
     */
    public double availability(DateRange range) {
        return availability(forward(range));
    }

    private double availability(Timespan span) {
        return scope.timed("availability", () -> scope.read(() -> availabilityIn(span)));
    }

    private double availabilityIn(Timespan span) {
        if (scope.blockingResources().isEmpty()) {
            return queries.availabilityByRange(span, List.of(scope.resource()));
        }
        List<AllocationAvailability> all = queries.allocationsWithAvailabilityByRange(span, scope.resource(),
                scope.blockingResources(), false);
        double total = 0.0;
        int quota = 0;
        for (AllocationAvailability entry : all) {
            total += entry.availability() * entry.allocation().quota();
            quota += entry.allocation().quota();
        }
        // libres 1.2 divides by zero here for a resource without allocations.
        return quota == 0 ? 0.0 : total / quota;
    }

    /**
     * How many of a master and its mirrors are free for a range.
     *
     * @param master the master
     * @param range the range
     * @return 0 to the quota
     * @throws InvalidDateRange if the range is missing or ends before it starts
     * @throws io.libres.errors.InvalidArgument if the master allocation is missing
     */
    public int freeAllocationsCount(Allocation master, DateRange range) {
        Allocation checked = Arguments.require(master, "master allocation");
        Timespan span = forward(range);
        return scope.read(() -> spots.freeCount(checked, span));
    }

    /**
     * For each master of this resource overlapping a range, the first free spot (master or mirror).
     *
     * @param range the range
     * @return the spots ordered by start
     * @throws AlreadyReservedError if an overlapped master has no free spot
     * @throws InvalidDateRange if the range is missing or ends before it starts
     */
    public List<Allocation> reservationTargets(DateRange range) {
        Timespan span = forward(range);
        return scope.read(() -> spots.reservationTargets(span));
    }

    /**
     * The master allocations overlapping a range with their availability and partitions, days with
     * a daylight-saving change shown as 24-hour days.
     *
     * @param range the range
     * @return the masters ordered by start
     */
    public List<AllocationAvailability> allocationsWithAvailabilityByRange(DateRange range) {
        return allocationsWithAvailabilityByRange(range, true);
    }

    /**
     * The master allocations overlapping a range with their availability and partitions; with
     * blocking names, the reserved slots of the blocking resources count too.
     *
     * @param range the range
     * @param normalizeDst show days with a daylight-saving change as 24-hour days
     * @return the masters ordered by start
     * @throws InvalidDateRange if the range is missing or ends before it starts
     */
    public List<AllocationAvailability> allocationsWithAvailabilityByRange(DateRange range, boolean normalizeDst) {
        Timespan span = forward(range);
        return scope.read(() -> withAvailability(span, normalizeDst));
    }

    private List<AllocationAvailability> withAvailability(Timespan span, boolean normalizeDst) {
        if (!scope.blockingResources().isEmpty()) {
            return queries.allocationsWithAvailabilityByRange(span, scope.resource(), scope.blockingResources(),
                    normalizeDst);
        }
        List<Allocation> all = records.allocationsInRange(span, false, true).list();
        Map<Integer, List<ReservedSlot>> slots = spots.slotsOf(all);
        List<AllocationAvailability> result = new ArrayList<>();
        Map<Instant, List<Allocation>> byStart = all.stream()
                .collect(Collectors.groupingBy(Allocation::start, java.util.LinkedHashMap::new, Collectors.toList()));
        for (List<Allocation> group : byStart.values()) {
            double availability;
            if (group.size() == 1 && group.get(0).partlyAvailable()) {
                List<ReservedSlot> own = Spots.of(slots, group.get(0));
                availability = normalizeDst ? group.get(0).normalizedAvailability(own) : group.get(0).availability(own);
            } else {
                availability = AvailabilityMath.availabilityByAllocations(group, slots);
            }
            for (Allocation allocation : group) {
                if (allocation.isMaster()) {
                    result.add(new AllocationAvailability(allocation, availability,
                            allocation.availabilityPartitions(Spots.of(slots, allocation), normalizeDst)));
                }
            }
        }
        return result;
    }

    private Timespan forward(DateRange range) {
        Timespan span = scope.resolve(Arguments.range(range));
        if (span.isReversed()) {
            throw new InvalidDateRange("the range " + range + " ends before it starts; expected an end on or after"
                    + " the start");
        }
        return span;
    }

    // ------------------------------------------------------------------ occurrences (series)

    /**
     * Reserves occurrences (the dates of a series) under one token, deciding each occurrence on
     * its own: the records of every occurrence are read once and the reservations written in one
     * batch, so the statements sent do not grow with the number of occurrences. Each occurrence
     * obeys what {@link #reserve(String, List, ReserveOptions)} checks (length, free spots,
     * quota, quota limit, blocking resources, the session). Raises reservations made.
     *
     * @param email the reservee's email
     * @param dates the occurrences
     * @param options data, session, quota; the same for every occurrence
     * @param policy all or nothing, or book what is free
     * @return the token, the occurrences booked and those refused with the reason of each
     * @throws io.libres.errors.OccurrencesRefused naming every refused occurrence and why, if one is refused
     *     with {@link OccurrencePolicy#ALL_OR_NOTHING} or every one is refused; nothing is written then
     * @throws InvalidEmailAddress if the email is not valid
     * @throws InvalidDateRange if the dates or one of their ranges are missing
     * @throws io.libres.errors.InvalidArgument if the options or the policy are missing
     */
    public OccurrenceOutcome reserveOccurrences(String email, List<DateRange> dates, ReserveOptions options,
            OccurrencePolicy policy) {
        return reservations.reserveOccurrences(email, Arguments.ranges(dates), Arguments.require(options, "reserve options"),
                Arguments.require(policy, "occurrence policy"), null);
    }

    /**
     * Reserves occurrences under the token of existing reservations of this resource, so they
     * join that series; see {@link #reserveOccurrences(String, List, ReserveOptions, OccurrencePolicy)}.
     *
     * @param token the token to join
     * @param email the reservee's email
     * @param dates the occurrences
     * @param options data, session, quota
     * @param policy all or nothing, or book what is free
     * @return the outcome, with the token joined
     * @throws InvalidReservationToken if the token is missing or no reservation of this resource has it
     * @throws io.libres.errors.OccurrencesRefused naming every refused occurrence and why
     * @throws InvalidEmailAddress if the email is not valid
     * @throws InvalidDateRange if the dates or one of their ranges are missing
     * @throws io.libres.errors.InvalidArgument if the options or the policy are missing
     */
    public OccurrenceOutcome reserveOccurrences(UUID token, String email, List<DateRange> dates, ReserveOptions options,
            OccurrencePolicy policy) {
        return reservations.reserveOccurrences(email, Arguments.ranges(dates), Arguments.require(options, "reserve options"),
                Arguments.require(policy, "occurrence policy"), Arguments.token(token));
    }

    /**
     * Replaces some reservations of a token by new occurrences under the same token, all or
     * nothing (a "this and following" change of a series): removes the reservations and their
     * slots, reserves the new occurrences, and approves them if every reservation of the token
     * was approved. Raises reservations removed, made and (if approved) approved.
     *
     * @param token the token
     * @param ids the ids of the reservations to replace; ids the token does not have are ignored
     * @param email the reservee of the new occurrences
     * @param dates the new occurrences; empty to only remove
     * @param options data, session and quota of the new occurrences
     * @return the outcome of booking the new occurrences
     * @throws InvalidReservationToken if the token is missing or no reservation of this resource has it
     * @throws io.libres.errors.OccurrencesRefused naming every refused new occurrence; nothing is changed then
     * @throws AlreadyReservedError if approving a new occurrence finds a slot taken; nothing is changed then
     * @throws InvalidEmailAddress if the email is not valid
     * @throws io.libres.errors.InvalidArgument if the ids, dates or options are missing or hold a missing value
     */
    public OccurrenceOutcome replaceOccurrences(UUID token, Collection<Integer> ids, String email, List<DateRange> dates,
            ReserveOptions options) {
        Arguments.token(token);
        Arguments.requireAll(ids, "reservation ids");
        Arguments.requireAll(dates, "dates");
        return reservations.replaceOccurrences(token, ids, email, dates.isEmpty() ? List.of() : Arguments.ranges(dates),
                Arguments.require(options, "reserve options"));
    }

    /**
     * Removes some reservations of a token and their reserved slots in a fixed number of
     * statements. Raises reservations removed.
     *
     * @param token the token
     * @param ids the reservations' ids; ids the token does not have are ignored
     * @return the removed reservations
     * @throws InvalidReservationToken if the token is missing or no reservation of this resource has it
     * @throws io.libres.errors.InvalidArgument if the ids are missing or hold a missing value
     */
    public List<Reservation> removeReservations(UUID token, Collection<Integer> ids) {
        return reservations.removeReservations(Arguments.token(token), Arguments.requireAll(ids, "reservation ids"));
    }

    /**
     * Blocks occurrences (the dates of a series) under one token, deciding each on its own, in a
     * fixed number of statements; see {@link #addBlocker(List, String)} for what each occurrence
     * obeys. Raises blockers added.
     *
     * @param dates the occurrences
     * @param reason why, or null
     * @param policy all or nothing, or block what is free
     * @return the token, the occurrences blocked and those refused with the reason of each
     * @throws io.libres.errors.OccurrencesRefused naming every refused occurrence and why, if one is refused
     *     with {@link OccurrencePolicy#ALL_OR_NOTHING} or every one is refused; nothing is written then
     * @throws InvalidDateRange if the dates or one of their ranges are missing
     * @throws io.libres.errors.InvalidArgument if the policy is missing
     */
    public OccurrenceOutcome addBlockerOccurrences(List<DateRange> dates, @Nullable String reason, OccurrencePolicy policy) {
        return blockers.addBlockerOccurrences(Arguments.ranges(dates), reason,
                Arguments.require(policy, "occurrence policy")).getKey();
    }

    /**
     * Removes some blockers of a token and their reserved slots in a fixed number of statements.
     * Raises blockers removed.
     *
     * @param token the token
     * @param ids the blockers' ids; ids the token does not have are ignored
     * @return the removed blockers
     * @throws InvalidReservationToken if the token is missing or no blocker of this resource has it
     * @throws io.libres.errors.InvalidArgument if the ids are missing or hold a missing value
     */
    public List<ReservationBlocker> removeBlockers(UUID token, Collection<Integer> ids) {
        return blockers.removeBlockers(Arguments.token(token), Arguments.requireAll(ids, "blocker ids"));
    }
}
