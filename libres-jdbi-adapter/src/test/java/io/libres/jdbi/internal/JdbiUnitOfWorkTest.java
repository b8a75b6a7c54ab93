package io.libres.jdbi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.errors.StorageException;
import io.libres.json.jackson.JacksonJsonCodec;
import io.libres.testkit.postgres.WithPostgres;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import javax.sql.DataSource;

@WithPostgres
@DisplayName("a JDBI unit of work")
class JdbiUnitOfWorkTest {

    DataSource dataSource;

    private JdbiUnitOfWork begin() {
        Handle handle = Jdbi.create(dataSource).open();
        return JdbiUnitOfWork.begin(handle, Clock.systemUTC(), new JsonData(JacksonJsonCodec::create));
    }

    @Test
    @DisplayName("runs SERIALIZABLE on a data source whose connections default to READ COMMITTED")
    void isSerializable() {
        String serverDefault = Jdbi.create(dataSource).withHandle(h -> h.createQuery(
                "SELECT current_setting('transaction_isolation')").mapTo(String.class).one());
        try (JdbiUnitOfWork work = begin()) {
            String level = work.handle().createQuery("SELECT current_setting('transaction_isolation')")
                    .mapTo(String.class).one();

            assertThat(serverDefault).isEqualTo("read committed");
            assertThat(level).isEqualTo("serializable");
        }
    }

    @Test
    @DisplayName("on the storage's own pool runs SERIALIZABLE without setting it, also after a borrower changed it")
    void ownPoolIsSerializable(io.libres.testkit.postgres.TestDatabase database) throws Exception {
        io.libres.jdbi.JdbiStorage storage = io.libres.jdbi.JdbiStorage.builder().dsn(database.jdbcUrl()
                + (database.jdbcUrl().contains("?") ? "&" : "?") + "user=" + database.user()
                + (database.password().isEmpty() ? "" : "&password=" + database.password())).poolSize(1).build();
        try {
            // the one pooled connection, changed by someone who borrowed it through the storage's Jdbi
            storage.jdbi().useHandle(h -> h.getConnection().setTransactionIsolation(
                    java.sql.Connection.TRANSACTION_READ_COMMITTED));
            for (int round = 0; round < 2; round++) {
                try (JdbiUnitOfWork work = (JdbiUnitOfWork) storage.begin()) {
                    assertThat(work.handle().createQuery("SELECT current_setting('transaction_isolation')")
                            .mapTo(String.class).one()).isEqualTo("serializable");
                }
            }
        } finally {
            storage.stopService();
        }
    }

    @Test
    @DisplayName("is one transaction: every statement sees the same transaction id")
    void isOneTransaction() {
        try (JdbiUnitOfWork work = begin()) {
            long first = work.handle().createQuery("SELECT txid_current()").mapTo(Long.class).one();
            long second = work.handle().createQuery("SELECT txid_current()").mapTo(Long.class).one();

            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    @DisplayName("gives its connection back when it ends, and refuses work afterwards")
    void releasesTheHandle() {
        JdbiUnitOfWork work = begin();
        Handle handle = work.handle();

        work.commit();

        assertThat(handle.isClosed()).isTrue();
        assertThatThrownBy(work::handle).isInstanceOf(StorageException.class).hasMessageContaining("expected an open");
    }
}
