package io.libres.jdbi;

import io.libres.db.Session;
import io.libres.db.Work;
import io.libres.errors.UnitOfWorkMisused;
import io.libres.spi.Storage;
import io.libres.testkit.sql.ExternalTransactionKit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the kit group {@link ExternalTransactionKit} on the caller's JDBI {@code Handle}, joined with {@link JdbiStorage#joining}. */
@DisplayName("JDBI: joining a transaction on the caller's Handle")
class JdbiExternalTransactionsTest extends ExternalTransactionKit {

    private JdbiStorage storage;

    @Override
    protected Storage storageOn(DataSource dataSource) {
        storage = JdbiStorage.using(dataSource);
        return storage;
    }

    @Override
    protected <T> T inTransaction(int isolation, Body<T> body) {
        return Jdbi.create(dataSource).inTransaction(TransactionIsolationLevel.valueOf(isolation),
                handle -> body.run(new Transaction() {
                    @Override
                    public void update(String sql, Object... parameters) {
                        handle.execute(sql, parameters);
                    }

                    @Override
                    public Work join(Session session) {
                        return session.join(storage.joining(handle));
                    }
                }));
    }

    @Test
    @DisplayName("a handle without an open transaction is refused with UnitOfWorkMisused")
    void handleWithoutTransaction() {
        assertThatThrownBy(() -> Jdbi.create(dataSource).useHandle(handle -> storage.joining(handle)))
                .isInstanceOf(UnitOfWorkMisused.class).hasMessageContaining("no open transaction");
    }
}
