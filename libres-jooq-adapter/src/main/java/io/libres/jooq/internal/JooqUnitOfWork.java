package io.libres.jooq.internal;

import io.libres.errors.StorageException;
import io.libres.errors.TransactionIsolationTooWeak;
import io.libres.postgres.PostgresServer;
import io.libres.spi.AllocationStore;
import io.libres.spi.BlockerStore;
import io.libres.spi.ReservationStore;
import io.libres.spi.ReservedSlotStore;
import io.libres.spi.Savepoint;
import io.libres.spi.UnitOfWork;
import org.jooq.Configuration;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.TransactionProvider;
import org.jooq.exception.DataAccessException;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One transaction through the configuration's {@link TransactionProvider}, as
 * {@code DSLContext.transaction(...)} runs one, with the four stores reading and writing on its
 * connection. On a configuration of its own (a dsn or a data source) that is a SERIALIZABLE
 * transaction on a connection of its own. On an application's configuration that is already inside
 * a transaction (jOOQ's nested transactions, or a provider bound to Spring's), the provider joins
 * it: a savepoint is set, commit releases it and rollback goes back to it; committing the
 * transaction itself stays with its owner.
 */
public final class JooqUnitOfWork implements UnitOfWork {

    private final LibresTransactionContext transaction;
    private final TransactionProvider provider;
    private final DSLContext dsl;
    private final Clock clock;
    private final JsonData json;
    private final JooqAllocationStore allocations;
    private final JooqReservedSlotStore slots;
    private final JooqReservationStore reservations;
    private final JooqBlockerStore blockers;
    private final boolean joined;
    private boolean open = true;
    /** Where to ask for the commit's WAL position after the commit; null if not tracked. */
    private ConnectionProvider positions;
    private io.libres.db.WritePosition committedAt;

    private JooqUnitOfWork(LibresTransactionContext transaction, TransactionProvider provider, boolean joined,
            Clock clock, JsonData json) {
        this.transaction = transaction;
        this.joined = joined;
        this.provider = provider;
        this.dsl = transaction.dsl();
        this.clock = clock;
        this.json = json;
        this.allocations = new JooqAllocationStore(this);
        this.slots = new JooqReservedSlotStore(this);
        this.reservations = new JooqReservationStore(this);
        this.blockers = new JooqBlockerStore(this);
    }

    /**
     * Begins a transaction through a configuration's transaction provider.
     *
     * @param configuration the storage's configuration (the application's, or one of the storage's own)
     * @param owned true if the configuration is the storage's own (made from a dsn or a data source)
     * @param clock the clock of the created and modified timestamps
     * @param json the mapping of the data columns
     * @return the open unit of work
     * @throws io.libres.errors.LibresException if the transaction cannot begin; nothing is left open then
     */
    public static JooqUnitOfWork begin(Configuration configuration, boolean owned, Clock clock, JsonData json) {
        return begin(configuration, owned, clock, json, Connection.TRANSACTION_SERIALIZABLE, false, false, false);
    }

    /**
     * Begins a transaction, as {@link #begin(Configuration, boolean, Clock, JsonData)}, with the
     * choices a storage with read replicas makes.
     *
     * @param configuration the storage's configuration, or one on a replica's connection
     * @param owned true if the configuration is the storage's own
     * @param clock the clock of the created and modified timestamps
     * @param json the mapping of the data columns
     * @param isolation SERIALIZABLE on the primary, REPEATABLE READ on a standby
     * @param readOnly true for a read-only transaction, which refuses writes
     * @param tracksPosition true to ask the configuration's server for the WAL position after the commit
     * @param poolIsolated true if the configuration's pool is the storage's own, which hands every
     *     connection out at {@code isolation} already (and resets a changed isolation on return)
     * @return the open unit of work
     * @throws io.libres.errors.LibresException if the transaction cannot begin; nothing is left open then
     */
    public static JooqUnitOfWork begin(Configuration configuration, boolean owned, Clock clock, JsonData json,
            int isolation, boolean readOnly, boolean tracksPosition, boolean poolIsolated) {
        SerializableConnections connections = new SerializableConnections(configuration.connectionProvider(), owned,
                isolation, readOnly, poolIsolated);
        LibresTransactionContext transaction = new LibresTransactionContext(configuration.derive(connections).derive());
        TransactionProvider provider = transaction.configuration().transactionProvider();
        try {
            provider.begin(transaction);
        } catch (DataAccessException e) {
            throw Errors.translate("beginning a unit of work", e);
        }
        boolean joined = !owned && !connections.beganOwnTransaction();
        JooqUnitOfWork work = new JooqUnitOfWork(transaction, provider, joined, clock, json);
        if (tracksPosition && !readOnly && !joined) {
            work.positions = configuration.connectionProvider();
        }
        if (joined) {
            work.requireSerializable();
        }
        return work;
    }

    /**
     * Makes sure a transaction the application's provider began or joined is SERIALIZABLE, before
     * anything is read or written: the checks of the scheduler (overlaps, quotas, availability) hold
     * at commit only under it. A transaction in which nothing has run yet (one the provider has just
     * begun, as Spring's does outside a transaction) is made SERIALIZABLE; one already under way at
     * a weaker isolation is refused.
     */
    private void requireSerializable() {
        int isolation;
        try {
            isolation = dsl.connectionResult(connection -> {
                if (nothingRunYet(connection)) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                }
                return connection.getTransactionIsolation();
            });
        } catch (RuntimeException e) {
            rollback();
            throw e instanceof DataAccessException ? Errors.translate("asking the transaction's isolation", e) : e;
        }
        if (isolation != Connection.TRANSACTION_SERIALIZABLE) {
            rollback();
            throw new TransactionIsolationTooWeak("the application's transaction that libres was asked to join runs"
                    + " at " + isolationName(isolation) + "; expected SERIALIZABLE (begin it with that isolation,"
                    + " for example with a DataSource whose connections default to it, or Spring's"
                    + " @Transactional(isolation = Isolation.SERIALIZABLE)); nothing was read or written");
        }
    }

    /** Whether the PostgreSQL connection's transaction has run no statement yet (its isolation can still be set). */
    private static boolean nothingRunYet(Connection connection) throws java.sql.SQLException {
        if (!connection.isWrapperFor(org.postgresql.core.BaseConnection.class)) {
            return false;
        }
        return connection.unwrap(org.postgresql.core.BaseConnection.class).getTransactionState()
                == org.postgresql.core.TransactionState.IDLE;
    }

    private static String isolationName(int isolation) {
        switch (isolation) {
            case Connection.TRANSACTION_READ_UNCOMMITTED:
                return "READ UNCOMMITTED";
            case Connection.TRANSACTION_READ_COMMITTED:
                return "READ COMMITTED";
            case Connection.TRANSACTION_REPEATABLE_READ:
                return "REPEATABLE READ";
            default:
                return "isolation level " + isolation;
        }
    }

    @Override
    public boolean isJoined() {
        return joined;
    }

    /**
     * Asks the server on this unit of work's connection for its version.
     *
     * @return the server's version
     * @throws io.libres.errors.LibresException if the server cannot be asked
     */
    public PostgresServer server() {
        return Errors.translating("asking the server for its version", () -> dsl().connectionResult(PostgresServer::of));
    }

    /** The DSL on this unit of work's transaction, checking it is open. */
    DSLContext dsl() {
        if (!open) {
            throw new StorageException("the unit of work is already committed, rolled back or closed;"
                    + " expected an open unit of work", null, null);
        }
        return dsl;
    }

    JsonData json() {
        return json;
    }

    /** The time of created and modified columns, to the microsecond PostgreSQL keeps. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public AllocationStore allocations() {
        return allocations;
    }

    @Override
    public ReservedSlotStore reservedSlots() {
        return slots;
    }

    @Override
    public ReservationStore reservations() {
        return reservations;
    }

    @Override
    public BlockerStore blockers() {
        return blockers;
    }

    /** Set-based, in two statements of jOOQ's DSL: {@link JooqIntegrity}. */
    @Override
    public java.util.List<io.libres.db.IntegrityViolation> checkIntegrity(io.libres.spi.IntegrityScope scope) {
        if (scope == null) {
            throw new io.libres.errors.InvalidArgument("the integrity scope is missing; expected IntegrityScope.all()"
                    + " or IntegrityScope.ofResources(...)");
        }
        return JooqIntegrity.check(dsl(), scope);
    }

    @Override
    public Savepoint savepoint() {
        // a JDBC savepoint on the transaction's connection: the scheduler's savepoints are inner
        // steps of one unit of work, not transactions of their own
        java.sql.Savepoint savepoint = Errors.translating("setting a savepoint",
                () -> dsl().connectionResult(Connection::setSavepoint));
        return new Savepoint() {
            @Override
            public void rollback() {
                Errors.run("rolling back to a savepoint", () -> dsl().connection(c -> {
                    c.rollback(savepoint);
                    c.releaseSavepoint(savepoint);
                }));
            }

            @Override
            public void release() {
                Errors.run("releasing a savepoint", () -> dsl().connection(c -> c.releaseSavepoint(savepoint)));
            }
        };
    }

    @Override
    public void commit() {
        dsl();
        open = false;
        try {
            provider.commit(transaction);
        } catch (RuntimeException e) {
            transaction.causeThrowable(e);
            rollbackQuietly();
            throw e instanceof DataAccessException ? Errors.translateCommit(e) : e;
        }
        if (positions != null) {
            committedAt = positionAfterCommit(positions);
        }
    }

    /**
     * The primary's WAL position, asked on a connection of the pool after the commit: the position
     * is the server's, so any connection to it gives one at or past the commit record.
     */
    private static io.libres.db.WritePosition positionAfterCommit(ConnectionProvider connections) {
        Connection connection = null;
        try {
            connection = connections.acquire();
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            return io.libres.postgres.ReplicaReads.positionAfterCommit(connection);
        } catch (java.sql.SQLException | RuntimeException e) {
            // committed; without its position a later read sees it within the replicas' lag bound only
            return null;
        } finally {
            if (connection != null) {
                connections.release(connection);
            }
        }
    }

    @Override
    public java.util.Optional<io.libres.db.WritePosition> committedAt() {
        return java.util.Optional.ofNullable(committedAt);
    }

    @Override
    public void rollback() {
        if (!open) {
            return;
        }
        open = false;
        rollbackQuietly();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        rollback();
    }

    private void rollbackQuietly() {
        try {
            provider.rollback(transaction);
        } catch (RuntimeException ignored) {
            // the connection is gone or the transaction already ended; the provider released it
        }
    }
}
