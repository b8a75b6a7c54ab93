package io.libres.jooq.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.jooq.JooqStorage;
import io.libres.testkit.postgres.TestDatabase;
import io.libres.testkit.postgres.WithPostgres;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

/**
 * The storage's own pool hands its connections out SERIALIZABLE, so a unit of work on it does not
 * set the isolation (a round trip saved per unit of work): it must still run SERIALIZABLE, also
 * after a borrower of the same pool changed the isolation of the connection.
 */
@WithPostgres
@DisplayName("a jOOQ unit of work on the storage's own pool")
class OwnPoolIsolationTest {

    @Test
    @DisplayName("runs SERIALIZABLE without setting it, also after a borrower changed it")
    void ownPoolIsSerializable(TestDatabase database) {
        JooqStorage storage = JooqStorage.builder().dsn(database.jdbcUrl()
                + (database.jdbcUrl().contains("?") ? "&" : "?") + "user=" + database.user()
                + (database.password().isEmpty() ? "" : "&password=" + database.password())).poolSize(1).build();
        try {
            // the one pooled connection, changed by someone who borrowed it through the storage's DSLContext
            storage.dsl().connection(c -> c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED));
            for (int round = 0; round < 2; round++) {
                try (JooqUnitOfWork work = (JooqUnitOfWork) storage.begin()) {
                    assertThat(work.dsl().fetchValue("SELECT current_setting('transaction_isolation')"))
                            .isEqualTo("serializable");
                }
            }
        } finally {
            storage.stopService();
        }
    }
}
