package io.libres.db.internal;

import io.libres.context.Context;
import io.libres.context.DefaultServices;
import io.libres.db.Exposure;
import io.libres.db.Session;
import io.libres.db.models.Lookup;
import io.libres.db.query.QueryResult;
import io.libres.events.Events;
import io.libres.events.OperationTiming;
import io.libres.errors.InvalidArgument;
import io.libres.events.LibresEvent;
import io.libres.spi.Savepoint;
import io.libres.spi.UnitOfWork;
import io.libres.time.DateRange;
import io.libres.time.Timespan;

import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every part of a scheduler shares: its context, name, zone and resources, and access to
 * the context's session, events and services (looked up on each use, so changed services apply).
 */
public final class Scope {

    private final Context context;
    private final String name;
    private final ZoneId zone;
    private final Set<String> blockingNames;
    private final UUID resource;
    private final Set<UUID> blockingResources;
    private final StorageLookup lookup;
    private final StorageLookup readLookup;

    /**
     * Creates the scope of a scheduler.
     *
     * @param context the context
     * @param name the scheduler's name
     * @param zone the scheduler's zone
     * @param blockingNames names of schedulers whose reserved slots block this one's
     * @throws InvalidArgument if the context or zone is missing, the name is blank, the blocking names are
     *     missing or hold a missing name, or they include the name itself
     */
    public Scope(Context context, String name, ZoneId zone, Set<String> blockingNames) {
        if (context == null || zone == null) {
            throw new InvalidArgument("a scheduler needs a context and a zone; got context " + context
                    + " and zone " + zone + "; expected both");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidArgument("a scheduler's name '" + name + "' is blank; expected a name that, with the"
                    + " context's name, identifies the resource");
        }
        if (blockingNames == null || blockingNames.contains(null)) {
            throw new InvalidArgument("the blocking names of scheduler '" + name + "' are missing or hold a"
                    + " missing name; expected a collection of names, empty for none");
        }
        if (blockingNames.contains(name)) {
            throw new InvalidArgument("the scheduler '" + name + "' cannot block itself; expected blocking names of"
                    + " other schedulers");
        }
        this.context = context;
        this.name = name;
        this.zone = zone;
        this.blockingNames = Set.copyOf(new LinkedHashSet<>(blockingNames));
        this.resource = generateUuid(name);
        Set<UUID> blocking = new LinkedHashSet<>();
        for (String blockingName : this.blockingNames) {
            blocking.add(generateUuid(blockingName));
        }
        this.blockingResources = Set.copyOf(blocking);
        this.lookup = new StorageLookup(this, false);
        this.readLookup = new StorageLookup(this, true);
    }

    private UUID generateUuid(String schedulerName) {
        return context.getService(DefaultServices.UUID_GENERATOR).generateUuid(schedulerName);
    }

    /** @return the context */
    public Context context() {
        return context;
    }

    /** @return the scheduler's name */
    public String name() {
        return name;
    }

    /** @return the scheduler's zone */
    public ZoneId zone() {
        return zone;
    }

    /** @return the names of blocking schedulers */
    public Set<String> blockingNames() {
        return blockingNames;
    }

    /** @return the scheduler's resource */
    public UUID resource() {
        return resource;
    }

    /** @return the resources of blocking schedulers */
    public Set<UUID> blockingResources() {
        return blockingResources;
    }

    /** @return this resource and the blocking ones */
    public Set<UUID> visibleResources() {
        Set<UUID> all = new LinkedHashSet<>();
        all.add(resource);
        all.addAll(blockingResources);
        return all;
    }

    /** @return the context's session */
    public Session session() {
        return Session.of(context);
    }

    /** @return the current thread's unit of work, begun (thread-bound) if needed: for writes */
    public UnitOfWork work() {
        return session().current();
    }

    /**
     * Runs a read in the thread's open unit of work, or in a short one of its own that ends before
     * this returns (so that a read outside a unit of work keeps no connection).
     *
     * @param <T> the result type
     * @param reading the read; it returns loaded values
     * @return the read's result
     */
    public <T> T read(Supplier<T> reading) {
        return session().read(reading);
    }

    /**
     * A query result run, on each use, in the thread's open unit of work or in a short read of
     * its own.
     *
     * @param <T> the type of the records
     * @param description what the records are, for error messages
     * @param query makes the store's result in the unit of work open when it is called
     * @return the result
     */
    public <T> QueryResult<T> query(String description, Supplier<QueryResult<T>> query) {
        return new SessionResult<>(session(), description, query, false);
    }

    /**
     * As {@link #query(String, Supplier)}, but the query's own checks (an unknown token, an
     * unknown id) run at once, in a short read outside a unit of work, so that bad input fails at
     * the call rather than at the first use.
     *
     * @param <T> the type of the records
     * @param description what the records are, for error messages
     * @param query makes the store's result, checking its input
     * @return the result
     */
    public <T> QueryResult<T> checkedQuery(String description, Supplier<QueryResult<T>> query) {
        return new SessionResult<>(session(), description, query, true);
    }

    /**
     * As {@link #query(String, Supplier)}, described as the store describes it.
     *
     * @param <T> the type of the records
     * @param query makes the store's result in the unit of work open when it is called
     * @return the result
     */
    public <T> QueryResult<T> query(Supplier<QueryResult<T>> query) {
        return new SessionResult<>(session(), "record", query, false);
    }

    /** @return a lookup over the current unit of work (begun if needed), for the scheduler's operations */
    public Lookup lookup() {
        return lookup;
    }

    /** @return a lookup for callers: in the open unit of work, else a short read per question */
    public Lookup readLookup() {
        return readLookup;
    }

    /** @return the context's exposure service */
    public Exposure exposure() {
        return context.getService(Exposure.KEY);
    }

    /**
     * Tells whether the email is acceptable to the context's validator.
     *
     * @param email the email
     * @return true if valid
     */
    public boolean isValidEmail(String email) {
        return context.getService(DefaultServices.EMAIL_VALIDATOR).isValidEmail(email);
    }

    /**
     * What the context's email validator finds wrong with an address.
     *
     * @param email the trimmed address
     * @return empty if it is valid
     */
    public java.util.Optional<String> emailProblem(String email) {
        return context.getService(DefaultServices.EMAIL_VALIDATOR).problem(email);
    }

    /**
     * Publishes an event on the context's events.
     *
     * @param event the event
     */
    public void publish(LibresEvent event) {
        Events.of(context).publish(event);
    }

    /**
     * Reads a requested range in the scheduler's zone.
     *
     * @param range the range
     * @return the UTC span
     */
    public Timespan resolve(DateRange range) {
        return range.resolve(zone);
    }

    /**
     * Reads requested ranges in the scheduler's zone.
     *
     * @param ranges the ranges
     * @return the UTC spans, in order
     */
    public List<Timespan> resolve(List<DateRange> ranges) {
        return ranges.stream().map(this::resolve).collect(java.util.stream.Collectors.toList());
    }

    /**
     * Runs a scheduler operation, timed for the context's operation listeners if there are any.
     *
     * @param <T> the result type
     * @param operation the operation's name, as the scheduler's method is named
     * @param call the operation
     * @return the operation's result
     */
    public <T> T timed(String operation, Supplier<T> call) {
        Events events = Events.of(context);
        if (!events.observesOperations()) {
            return call.get();
        }
        long start = System.nanoTime();
        Class<? extends Throwable> failure = null;
        try {
            return call.get();
        } catch (RuntimeException | Error e) {
            failure = e.getClass();
            throw e;
        } finally {
            events.operationFinished(new OperationTiming(context, name, resource(), operation,
                    java.time.Duration.ofNanos(System.nanoTime() - start), failure));
        }
    }

    /**
     * Runs a scheduler operation without a result, timed as {@link #timed(String, Supplier)}.
     *
     * @param operation the operation's name
     * @param call the operation
     */
    public void timed(String operation, Runnable call) {
        timed(operation, () -> {
            call.run();
            return null;
        });
    }

    /**
     * Runs a multi-step change so that a failure leaves nothing of it written.
     *
     * @param <T> the result type
     * @param change the change
     * @return the change's result
     */
    public <T> T atomically(Supplier<T> change) {
        Savepoint savepoint = work().savepoint();
        try {
            T result = change.get();
            savepoint.release();
            return result;
        } catch (RuntimeException e) {
            try {
                savepoint.rollback();
            } catch (RuntimeException rollbackFailure) {
                // the connection may be gone; what went wrong first is what the caller must see
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        }
    }
}
