package io.libres.jooq;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.Scheduler;
import io.libres.db.Session;
import io.libres.db.Work;
import io.libres.spi.Storage;
import io.libres.testkit.sql.ExternalTransactionKit;
import io.libres.time.DateRange;
import org.jooq.DSLContext;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Runs the kit group {@link ExternalTransactionKit} on the application's {@code DSLContext.transaction},
 * plus what is jOOQ's own: a storage on the transaction's context joins by itself (libres-style calls
 * too), and the application's settings and listeners apply.
 */
@DisplayName("jOOQ: the application's transactions and configuration")
class JooqTransactionsTest extends ExternalTransactionKit {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final DateRange MORNING = DateRange.of(LocalDateTime.of(2031, 9, 1, 8, 0),
            LocalDateTime.of(2031, 9, 1, 12, 0));

    private DSLContext dsl;

    @Override
    protected Storage storageOn(DataSource dataSource) {
        dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        return JooqStorage.using(dataSource);
    }

    @Override
    protected <T> T inTransaction(int isolation, Body<T> body) {
        return dsl.transactionResult(configuration -> {
            configuration.dsl().execute("SET TRANSACTION ISOLATION LEVEL " + (isolation == Connection.TRANSACTION_SERIALIZABLE
                    ? "SERIALIZABLE" : isolation == Connection.TRANSACTION_REPEATABLE_READ ? "REPEATABLE READ" : "READ COMMITTED"));
            return body.run(new Transaction() {
                @Override
                public void update(String sql, Object... parameters) {
                    configuration.dsl().execute(sql, parameters);
                }

                @Override
                public Work join(Session session) {
                    return session.join(JooqStorage.using(configuration.dsl()).begin());
                }
            });
        });
    }

    /** The application's transaction, SERIALIZABLE as libres needs it to join. */
    private static DSLContext serializable(org.jooq.Configuration configuration) {
        configuration.dsl().execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        return configuration.dsl();
    }

    /** A scheduler whose storage runs on the given jOOQ context. */
    private static Scheduler schedulerOn(DSLContext on, String name) {
        Context context = Registry.createDefault().registerContext(name + "-" + UUID.randomUUID());
        JooqStorage.using(on).install(context);
        return new Scheduler(context, name, ZURICH);
    }

    /** Allocations as another connection, outside every transaction, sees them. */
    private int committedAllocations() throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM allocations")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    @DisplayName("inside the application's transaction, commit() leaves the committing to the application")
    void joinsTheApplicationsTransaction() throws Exception {
        int before = committedAllocations();
        List<Integer> seenInside = new ArrayList<>();

        dsl.transaction(configuration -> {
            Scheduler scheduler = schedulerOn(serializable(configuration), "joined");
            scheduler.allocate(MORNING);
            scheduler.commit();
            seenInside.add(configuration.dsl().fetchCount(DSL.table("allocations")));
            seenInside.add(committedAllocations());
        });

        assertThat(seenInside).containsExactly(before + 1, before);
        assertThat(committedAllocations()).isEqualTo(before + 1);
    }

    @Test
    @DisplayName("a unit of work in the application's transaction is joined; one of the storage's own is not")
    void joinedOrOwn() {
        JooqStorage own = JooqStorage.using(dataSource);
        try (io.libres.spi.UnitOfWork work = own.begin()) {
            assertThat(work.isJoined()).isFalse();
        }
        try (io.libres.spi.UnitOfWork work = JooqStorage.using(dsl).begin()) {
            assertThat(work.isJoined()).isFalse();
        }
        dsl.transaction(configuration -> {
            try (io.libres.spi.UnitOfWork work = JooqStorage.using(serializable(configuration)).begin()) {
                assertThat(work.isJoined()).isTrue();
            }
        });
    }

    @Test
    @DisplayName("the application's settings and ExecuteListeners apply to the adapter's statements")
    void settingsAndListenersApply() {
        List<String> sql = new ArrayList<>();
        DSLContext formatted = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withRenderFormatted(true));
        formatted.configuration().set(new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                sql.add(ctx.sql());
            }
        });
        Scheduler scheduler = schedulerOn(formatted, "listened");

        scheduler.allocate(MORNING);
        scheduler.commit();

        assertThat(sql).anySatisfy(s -> assertThat(s).startsWith("insert into \"allocations\"").contains("\n"));
    }
}
