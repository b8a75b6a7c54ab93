package io.libres.errors;

import java.util.Optional;

/**
 * The stable code of every {@link LibresException} libres for Java throws, one per exception class
 * ({@link LibresException#code()}), for callers that switch rather than catch:
 *
 * <pre>{@code
 * try {
 *     scheduler.approveReservations(token);
 * } catch (LibresException e) {
 *     switch (e.code()) {
 *         case NO_FREE_SPOT: return "sold out";
 *         case ALREADY_RESERVED: return "just taken, pick another time";
 *         default: throw e;
 *     }
 * }
 * }</pre>
 *
 * <p>A constant's name never changes once released; new constants may be added (keep a
 * {@code default} branch). A code is that of the exception's own class: a {@link NoFreeSpot} is an
 * {@link AlreadyReservedError} to {@code catch} but has the code {@link #NO_FREE_SPOT}. Codes of
 * exceptions thrown by other modules (recurrence, PostgreSQL support, testkit) are listed here too,
 * so one switch covers them all. The architecture tests keep one code per class.
 */
public enum ErrorCode {

    /**
     * {@link AffectedPendingReservationError} (libres' {@code AffectedPendingReservationError}):
     * thrown when a change to an allocation would affect a pending reservation, one not yet approved
     * that still targets the allocation.
     */
    AFFECTED_PENDING_RESERVATION("AffectedPendingReservationError"),

    /**
     * {@link AffectedReservationError} (libres' {@code AffectedReservationError}): thrown when a
     * change to an allocation (moving, removing, lowering its quota) would affect a reserved slot,
     * that is an approved reservation or a blocker.
     */
    AFFECTED_RESERVATION("AffectedReservationError"),

    /**
     * {@link AlreadyReservedError} (libres' {@code AlreadyReservedError}): thrown when a slot is
     * already reserved, by a reservation or a blocker, and cannot be reserved again.
     */
    ALREADY_RESERVED("AlreadyReservedError"),

    /**
     * {@link AmbiguousProviders} (not in libres): thrown when several discovered providers of one
     * port share the highest priority, so none can be chosen; the message lists every candidate with
     * its name, class and priority.
     */
    AMBIGUOUS_PROVIDERS(null),

    /**
     * {@link ConnectionFailure} (not in libres): thrown when the storage cannot get a connection to
     * its database.
     */
    CONNECTION_FAILURE(null),

    /**
     * {@link ConnectionLost} (not in libres): thrown when the connection of a unit of work is lost
     * before its commit (the server ended it, the network broke); retryable.
     */
    CONNECTION_LOST(null),

    /**
     * {@link CommitOutcomeUnknown} (not in libres): thrown when the connection is lost during the
     * commit, so whether the unit of work was committed is unknown; not retried, look it up.
     */
    COMMIT_OUTCOME_UNKNOWN(null),

    /**
     * {@link ConnectionPoolExhausted} (not in libres): thrown when a connection cannot be had because
     * every connection of the pool is in use by an open unit of work and none became free within the
     * pool's connection timeout.
     */
    CONNECTION_POOL_EXHAUSTED(null),

    /**
     * {@link ContextAlreadyExists} (libres' {@code ContextAlreadyExists}): thrown when a context is
     * registered under a name that is already taken and replacing it was not asked for.
     */
    CONTEXT_ALREADY_EXISTS("ContextAlreadyExists"),

    /**
     * {@link ContextIsLocked} (libres' {@code ContextIsLocked}): thrown when a setting or service of
     * a locked context (the master context, for one) is changed.
     */
    CONTEXT_IS_LOCKED("ContextIsLocked"),

    /**
     * {@link DatabaseAuthenticationFailed} (not in libres): thrown when a connection cannot be had
     * because the server refused the user or password of the {@code dsn} (SQLSTATE 28P01 or 28000):
     * correct the credentials, or the server's {@code pg_hba.conf}.
     */
    DATABASE_AUTHENTICATION_FAILED(null),

    /**
     * {@link DatabaseMissing} (not in libres): thrown when a connection cannot be had because the
     * server has no database of the name in the {@code dsn} (SQLSTATE 3D000): create it, or correct
     * the name.
     */
    DATABASE_MISSING(null),

    /**
     * {@link DatabaseUnreachable} (not in libres): thrown when a connection cannot be had because
     * nothing answers at the host and port of the {@code dsn} (connection refused or timed out):
     * start the server, or correct the host or port.
     */
    DATABASE_UNREACHABLE(null),

    /**
     * {@link DataNotSerializable} (not in libres): thrown when the {@code data} of an allocation or
     * reservation holds something that is not a JSON value, or when stored JSON text cannot be read.
     */
    DATA_NOT_SERIALIZABLE(null),

    /**
     * {@link DatesMayNotBeEqualError} (libres' {@code DatesMayNotBeEqualError}): thrown when a
     * timespan starts and ends at the same moment.
     */
    DATES_MAY_NOT_BE_EQUAL("DatesMayNotBeEqualError"),

    /**
     * {@link DirtyReadOnlySession} (libres' {@code DirtyReadOnlySession}): thrown when a read-only
     * session holds unflushed changes; kept for parity with libres 1.2.
     */
    DIRTY_READ_ONLY_SESSION("DirtyReadOnlySession"),

    /**
     * {@link InvalidAllocationError} (libres' {@code InvalidAllocationError}): thrown when an
     * allocation cannot be created or changed as asked, for example because its dates do not fit its
     * raster or a group is incomplete.
     */
    INVALID_ALLOCATION("InvalidAllocationError"),

    /**
     * {@link InvalidArgument} (not in libres): thrown when an argument or option is missing or out of
     * range and libres 1.2 has no more specific error for it (libres failed with an assertion or a
     * Python type error there), for example a missing options object, a negative minimum of spots or
     * an unknown weekday abbreviation.
     */
    INVALID_ARGUMENT(null),

    /**
     * {@link InvalidDateRange} (not in libres): thrown when a start or end is missing, is not a point
     * in time, or an end lies before its start where that is not allowed.
     */
    INVALID_DATE_RANGE(null),

    /**
     * {@link InvalidEmailAddress} (libres' {@code InvalidEmailAddress}): thrown when a reservation is
     * made or changed with an email address the context's email validator rejects.
     */
    INVALID_EMAIL_ADDRESS("InvalidEmailAddress"),

    /**
     * {@link InvalidQuota} (libres' {@code InvalidQuota}): thrown when a quota is not a positive
     * number, or cannot be changed as asked.
     */
    INVALID_QUOTA("InvalidQuota"),

    /**
     * {@link InvalidRaster} (not in libres): thrown when a raster is not one of 5, 10, 15, 30 or 60
     * minutes.
     */
    INVALID_RASTER(null),

    /**
     * {@code io.libres.recurrence.InvalidRecurrenceRule} (not in libres): thrown when a recurrence is
     * not valid: an RRULE lib-recur refuses, a rule without COUNT or UNTIL, a missing first day,
     * start time or duration, or a duration that is not positive.
     */
    INVALID_RECURRENCE_RULE(null),

    /**
     * {@link InvalidReservationError} (libres' {@code InvalidReservationError}): thrown when a
     * reservation targets no existing allocation or group.
     */
    INVALID_RESERVATION("InvalidReservationError"),

    /**
     * {@link InvalidReservationToken} (libres' {@code InvalidReservationToken}): thrown when no
     * reservation has the given token (and id, where one is given).
     */
    INVALID_RESERVATION_TOKEN("InvalidReservationToken"),

    /**
     * {@link InvalidService} (not in libres): thrown when a service's factory gives something the
     * caller cannot use: {@code null}, or an object of another type than the one asked for.
     */
    INVALID_SERVICE(null),

    /**
     * {@link InvalidSetting} (not in libres): thrown when a setting of a context is given a value it
     * cannot hold (a {@code uuid_namespace} that is not a UUID, a {@code dsn} that is not a JDBC URL,
     * ...); nothing is changed.
     */
    INVALID_SETTING(null),

    /**
     * {@link LibresException} (libres' {@code LibresError}): the root of every exception libres for
     * Java throws on purpose.
     */
    LIBRES_ERROR("LibresError"),

    /**
     * {@link ModifiedReadOnlySession} (libres' {@code ModifiedReadOnlySession}): thrown when a
     * read-only session was used to modify records; kept for parity with libres 1.2.
     */
    MODIFIED_READ_ONLY_SESSION("ModifiedReadOnlySession"),

    /**
     * {@link MultipleResultsFound} (not in libres): thrown when exactly one record was asked for
     * ({@code one()}) and several matched, for example when changing a reservation that targets a
     * group of allocations.
     */
    MULTIPLE_RESULTS_FOUND(null),

    /**
     * {@code io.libres.recurrence.NotASeries} (not in libres): thrown when records read as a series
     * carry no series (no {@code libres_series} key in their data).
     */
    NOT_A_SERIES(null),

    /**
     * {@link NotReservableError} (libres' {@code NotReservableError}): thrown when what a reservation
     * targets exists but cannot be reserved, for example a group member on its own.
     */
    NOT_RESERVABLE("NotReservableError"),

    /**
     * {@link NotTimezoneAware} (libres' {@code NotTimezoneAware}): thrown when a date-time has no
     * time zone where one is needed; the Java API reads a LocalDateTime in the scheduler's zone, so
     * this is raised only by adapters that meet one.
     */
    NOT_TIMEZONE_AWARE("NotTimezoneAware"),

    /**
     * {@link NoFreeSpot} (not in libres): thrown when an allocation is sold out: none of its spots
     * (or fewer than the quota asked for) is free for the span, so nothing can be reserved there
     * however the spot is chosen.
     */
    NO_FREE_SPOT(null),

    /**
     * {@link NoReservationsToConfirm} (libres' {@code NoReservationsToConfirm}): thrown when a
     * browser session is confirmed that has no reservations.
     */
    NO_RESERVATIONS_TO_CONFIRM("NoReservationsToConfirm"),

    /**
     * {@link NoResultFound} (not in libres): thrown when exactly one record was asked for ({@code
     * one()}) and none matched.
     */
    NO_RESULT_FOUND(null),

    /**
     * {@link OccurrencesRefused} (not in libres): thrown when occurrences of a series cannot be
     * booked: all of them with {@link io.libres.db.OccurrencePolicy#ALL_OR_NOTHING}, or none could be
     * booked at all.
     */
    OCCURRENCES_REFUSED(null),

    /**
     * {@link OverlappingAllocationError} (libres' {@code OverlappingAllocationError}): thrown when a
     * new or moved allocation would overlap an existing allocation of the same resource; allocations
     * of one resource never overlap.
     */
    OVERLAPPING_ALLOCATION("OverlappingAllocationError"),

    /**
     * {@link OverlappingReservationError} (libres' {@code OverlappingReservationError}): thrown when
     * a reservation would overlap another one of the same reservee where that is not allowed.
     */
    OVERLAPPING_RESERVATION("OverlappingReservationError"),

    /**
     * {@code io.libres.testkit.postgres.PostgresUnavailableException} (not in libres): no PostgreSQL
     * server could be provided for the tests.
     */
    POSTGRES_UNAVAILABLE(null),

    /**
     * {@link ProviderNotFound} (not in libres): thrown when a context needs a port (JSON, storage,
     * ...) that no service on the context provides and no usable provider was discovered; the message
     * names the Maven module to add and lists providers that failed to load.
     */
    PROVIDER_NOT_FOUND(null),

    /**
     * {@link QuotaImpossible} (libres' {@code QuotaImpossible}): thrown when a reservation asks for
     * more spots than the quota of its allocation has.
     */
    QUOTA_IMPOSSIBLE("QuotaImpossible"),

    /**
     * {@link QuotaOverLimit} (libres' {@code QuotaOverLimit}): thrown when a reservation asks for
     * more spots than the quota limit of its allocation allows.
     */
    QUOTA_OVER_LIMIT("QuotaOverLimit"),

    /**
     * {@link ReservationParametersInvalid} (libres' {@code ReservationParametersInvalid}): thrown
     * when the arguments of a reservation contradict each other, for example both dates and a group,
     * or neither.
     */
    RESERVATION_PARAMETERS_INVALID("ReservationParametersInvalid"),

    /**
     * {@link ReservationTooLong} (libres' {@code ReservationTooLong}): thrown when a reservation
     * spans more than one day, which libres does not allow for a single timespan.
     */
    RESERVATION_TOO_LONG("ReservationTooLong"),

    /**
     * {@link ReservationTooShort} (libres' {@code ReservationTooShort}): thrown when a reservation is
     * shorter than the raster of the allocation it targets.
     */
    RESERVATION_TOO_SHORT("ReservationTooShort"),

    /**
     * {@link SchemaMissing} (not in libres): thrown when the database has no libres tables (or not
     * all of them) yet: the storage was used before {@code Scheduler#setupDatabase()} (or the
     * storage's {@code setupDatabase()}, or the migrations of libres 1.2) created them.
     */
    SCHEMA_MISSING(null),

    /**
     * {@link SerializationFailure} (not in libres): thrown when a unit of work conflicts with a
     * concurrent one (SQLSTATE 40001 serialization_failure or 40P01 deadlock_detected).
     */
    SERIALIZATION_FAILURE(null),

    /**
     * {@link StorageException} (not in libres): thrown when the storage fails for a reason that is
     * not the caller's input: a lost connection, a constraint the domain did not foresee, a database
     * error.
     */
    STORAGE(null),

    /**
     * {@code io.libres.testkit.postgres.TestDatabaseException} (not in libres): the server refused to
     * create or drop a test database, or was asked to drop one the kit did not create.
     */
    TEST_DATABASE(null),

    /**
     * {@link TimerangeTooLong} (libres' {@code TimerangeTooLong}): thrown when a timespan is longer
     * than libres allows for the operation, for example a whole-day allocation spanning more than a
     * day.
     */
    TIMERANGE_TOO_LONG("TimerangeTooLong"),

    /**
     * {@code io.libres.recurrence.TooManyOccurrences} (not in libres): thrown when a recurrence
     * yields more occurrences than the occurrence limit of one call allows; nothing was written.
     */
    TOO_MANY_OCCURRENCES(null),

    /**
     * {@link TransactionIsolationTooWeak} (not in libres): thrown when libres is asked to join a
     * transaction that runs below SERIALIZABLE.
     */
    TRANSACTION_ISOLATION_TOO_WEAK(null),

    /**
     * {@link UnitOfWorkMisused} (not in libres): thrown when a unit of work is used against its
     * rules: a libres-style {@code commit()} or {@code rollback()} while a scoped unit of work owns
     * the thread's work, a scope ended twice or out of order, or a scope used from a thread other
     * than the one that began it.
     */
    UNIT_OF_WORK_MISUSED(null),

    /**
     * {@link UnknownContext} (libres' {@code UnknownContext}): thrown when a context is looked up or
     * switched to by a name that no context of the registry has.
     */
    UNKNOWN_CONTEXT("UnknownContext"),

    /**
     * {@link UnknownDatabaseHost} (not in libres): thrown when a connection cannot be had because the
     * host name of the {@code dsn} does not resolve: correct the host name.
     */
    UNKNOWN_DATABASE_HOST(null),

    /**
     * {@link UnknownService} (libres' {@code UnknownService}): thrown when a service is asked for
     * that neither the context nor any context it inherits from provides.
     */
    UNKNOWN_SERVICE("UnknownService"),

    /**
     * {@link UnknownUtility} (libres' {@code UnknownUtility}): thrown when a utility is asked for
     * that is not registered; kept for parity with libres 1.2.
     */
    UNKNOWN_UTILITY("UnknownUtility"),

    /**
     * {@code io.libres.postgres.UnsupportedPostgresVersion} (not in libres): thrown when the
     * PostgreSQL server is older than the oldest version libres for Java supports (PostgreSQL
     * 13).
     */
    UNSUPPORTED_POSTGRES_VERSION(null);

    private final String libresName;

    ErrorCode(String libresName) {
        this.libresName = libresName;
    }

    /**
     * The name of the error libres 1.2 raises in this case, for porting.
     *
     * @return the name of libres' error class ({@code LibresError} for the root), empty for an error
     *     libres does not have
     */
    public Optional<String> libresName() {
        return Optional.ofNullable(libresName);
    }
}
