package io.libres.spring.boot;

import io.libres.db.Session;
import io.libres.db.Work;
import io.libres.jdbi.JdbiStorage;
import io.libres.spi.Storage;
import io.libres.testkit.sql.ExternalTransactionKit;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the kit group {@link ExternalTransactionKit} on Spring-managed transactions: a real
 * {@link DataSourceTransactionManager} and {@link TransactionTemplate}, with the JDBI storage
 * joining through the shipped {@link SpringTransactionBinding} by itself ({@code session.begin()}
 * inside the transaction joins it).
 */
@DisplayName("JDBI in Spring-managed transactions (DataSourceTransactionManager, TransactionTemplate)")
class JdbiSpringTransactionsTest extends ExternalTransactionKit {

    private DataSourceTransactionManager manager;
    private JdbcTemplate jdbc;

    @Override
    protected Storage storageOn(DataSource dataSource) {
        manager = new DataSourceTransactionManager(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        return JdbiStorage.builder().dataSource(dataSource).transactionBinding(new SpringTransactionBinding(dataSource))
                .build();
    }

    @Override
    protected <T> T inTransaction(int isolation, Body<T> body) {
        TransactionTemplate template = new TransactionTemplate(manager);
        template.setIsolationLevel(isolation);
        return template.execute(status -> body.run(new Transaction() {
            @Override
            public void update(String sql, Object... parameters) {
                jdbc.update(sql, parameters);
            }

            @Override
            public Work join(Session session) {
                // the storage finds Spring's transaction on the thread: an ordinary scope joins it
                return session.begin();
            }
        }));
    }
}
