package io.libres.testkit.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.db.AllocateOptions;
import io.libres.db.Session;
import io.libres.db.Work;
import io.libres.errors.TransactionIsolationTooWeak;
import io.libres.spi.Storage;
import io.libres.testkit.kit.ApplicationTransactionKit;
import io.libres.testkit.postgres.WithPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Libres inside a transaction the application owns (a JDBI {@code Handle}, a jOOQ
 * {@code DSLContext.transaction}, a Spring-managed transaction, or whatever a user's adapter joins),
 * on a real PostgreSQL: every test of the storage-neutral {@link ApplicationTransactionKit} (the
 * booking and the application's own write commit together and roll back together; libres nests
 * behind a savepoint and never commits what it does not own; a serialization failure reaches the
 * application's retry, and running the whole transaction again succeeds), with the application's
 * write a row of its own table ({@code kit_orders}) and every count read raw on another connection;
 * and, which only a real database can show, a transaction below SERIALIZABLE refused with
 * {@link TransactionIsolationTooWeak} before anything is written.
 *
 * <p>An adapter extends the group with two hooks: {@link #storageOn(DataSource)} (the storage for
 * work outside the application's transactions, and for the context the scheduler lives in) and
 * {@link #inTransaction(int, Body)} (the application's transaction, opened, committed and rolled
 * back by the adapter's own means, and how libres joins it: {@link Transaction#join(Session)}).
 */
@WithPostgres
@DisplayName("external transactions")
public abstract class ExternalTransactionKit extends ApplicationTransactionKit {

    /** The test database; {@code @WithPostgres} injects it. */
    protected DataSource dataSource;

    /** Creates the group. */
    protected ExternalTransactionKit() {
    }

    /**
     * The application's transaction as the group uses it, open on the thread that runs
     * {@link Body#run(Transaction)}.
     */
    public interface Transaction extends ApplicationTransaction {

        /**
         * Runs a statement of the application's own inside the transaction, on its connection.
         *
         * @param sql the statement, with {@code ?} for parameters
         * @param parameters the parameters, in order
         */
        void update(String sql, Object... parameters);

        /**
         * Inserts the order into the application's table {@code kit_orders} with
         * {@link #update(String, Object...)}.
         *
         * @param order the order's id
         */
        @Override
        default void insertOrder(UUID order) {
            update("INSERT INTO kit_orders (id) VALUES (?)", order);
        }

        /**
         * Has libres join the transaction the adapter's way, for example
         * {@code session.join(storage.joining(handle))}, or {@code session.begin()} where the storage
         * joins the transaction bound to the thread by itself.
         *
         * @param session the session of the group's context on this thread
         * @return the joined scope; committing it keeps libres' writes in the transaction
         * @throws TransactionIsolationTooWeak if the transaction runs below SERIALIZABLE
         */
        @Override
        Work join(Session session);
    }

    /**
     * What runs inside the application's transaction.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    public interface Body<T> {

        /**
         * Runs inside the transaction.
         *
         * @param transaction the application's transaction
         * @return the result
         */
        T run(Transaction transaction);
    }

    /**
     * The adapter's storage on a data source, for the work the group does outside the
     * application's transactions (and for the context the scheduler lives in).
     *
     * @param dataSource the test database
     * @return a new storage on it
     */
    protected abstract Storage storageOn(DataSource dataSource);

    /**
     * Runs the body in a new transaction of the application's (on {@link #dataSource}), at the
     * given isolation, the way the adapter's users run theirs: committed when the body returns,
     * rolled back when it throws, the body's exception rethrown as it is.
     *
     * @param isolation a {@link Connection} isolation level, e.g. {@link Connection#TRANSACTION_SERIALIZABLE}
     * @param body what runs inside
     * @param <T> what the body returns
     * @return what the body returned
     */
    protected abstract <T> T inTransaction(int isolation, Body<T> body);

    /**
     * The adapter's storage on the test database, with the libres tables and the application's
     * table {@code kit_orders} created and emptied.
     *
     * @return the storage of {@link #storageOn(DataSource)}
     */
    @Override
    protected final Storage newStorage() {
        Storage storage = storageOn(dataSource);
        if (storage == null) {
            return null;
        }
        storage.setupDatabase();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS kit_orders (id uuid PRIMARY KEY)");
            sql.execute("TRUNCATE kit_orders, reserved_slots, reservations, allocations");
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the test database", e);
        }
        return storage;
    }

    /** A SERIALIZABLE transaction of {@link #inTransaction(int, Body)}. */
    @Override
    protected final <T> T inApplicationTransaction(ApplicationWork<T> work) {
        return inTransaction(Connection.TRANSACTION_SERIALIZABLE, work::run);
    }

    /** The order's row in {@code kit_orders}, read on another connection. */
    @Override
    protected boolean isCommitted(UUID order) {
        return committed("SELECT count(*) FROM kit_orders WHERE id = ?", order) == 1;
    }

    /** Read raw on another connection. */
    @Override
    protected int committedReservations() {
        return committed("SELECT count(*) FROM reservations WHERE resource = ?", scheduler().resource());
    }

    /** Read raw on another connection: the slots of the scheduler's allocations and their mirrors. */
    @Override
    protected int committedSlots() {
        return committed("SELECT count(*) FROM reserved_slots s JOIN allocations a ON a.id = s.allocation_id"
                + " WHERE a.mirror_of = ?", scheduler().resource());
    }

    /**
     * Unless overridden: a {@link io.libres.errors.SerializationFailure} or an {@link SQLException}
     * with SQLSTATE 40001 anywhere in its causes (a conflict found at the application's commit comes
     * wrapped by its framework).
     *
     * @param failure what the transaction threw
     * @return true for a conflict
     */
    @Override
    protected boolean isConflict(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && "40001".equals(((SQLException) t).getSQLState())) {
                return true;
            }
        }
        return super.isConflict(failure);
    }

    /** Counts as another connection sees it, outside every transaction. */
    private int committed(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count with " + sql, e);
        }
    }

    @Test
    @DisplayName("a transaction below SERIALIZABLE is refused with TransactionIsolationTooWeak, and nothing is written")
    void weakIsolationIsRefused() {
        scheduler().transaction(() -> scheduler().allocate(NINE, AllocateOptions.builder().quota(1).build()));
        UUID order = UUID.randomUUID();

        assertThatThrownBy(() -> inTransaction(Connection.TRANSACTION_READ_COMMITTED, transaction -> {
            transaction.insertOrder(order);
            try (Work work = transaction.join(Session.of(context()))) {
                scheduler().approveReservations(scheduler().reserve("guest@example.org", NINE));
                work.commit();
            }
            return null;
        })).isInstanceOf(TransactionIsolationTooWeak.class).hasMessageContaining("SERIALIZABLE");

        assertThat(Session.of(context()).inUnitOfWork()).isFalse();
        assertThat(isCommitted(order)).isFalse();
        assertThat(committedReservations()).isZero();
    }
}
