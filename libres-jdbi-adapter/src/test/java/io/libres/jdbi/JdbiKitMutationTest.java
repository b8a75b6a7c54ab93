package io.libres.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.zaxxer.hikari.HikariDataSource;
import io.libres.spi.Storage;
import io.libres.spi.UnitOfWork;
import io.libres.testkit.contract.StorageContractTest;
import io.libres.testkit.contract.StorageProviderContractTest;
import io.libres.testkit.junit.KitSelection;
import io.libres.testkit.postgres.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The mutation check of the kits on a real PostgreSQL: the JDBI adapter broken on purpose, by
 * rewriting the SQL it sends or the isolation it asks for, the way a hand-written SQL adapter gets
 * it wrong; each broken variant must fail the kit tests meant to catch it.
 */
@DisplayName("the kits catch a deliberately broken SQL adapter")
class JdbiKitMutationTest {

    private static TestDatabase database;
    private static HikariDataSource pool;

    static synchronized DataSource pool() {
        if (pool == null) {
            database = Databases.create("jdbi-mutants");
            pool = Databases.pool(database);
            JdbiStorage.using(pool).setupDatabase();
        }
        return pool;
    }

    @AfterAll
    static void dropDatabase() {
        if (pool != null) {
            pool.close();
            Databases.drop(database);
            pool = null;
        }
    }

    /** A data source whose connections send rewritten SQL and, if asked, another isolation level. */
    static DataSource rewriting(DataSource target, UnaryOperator<String> sql, Integer isolation) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = call(target, method, args);
                    if (!(result instanceof Connection)) {
                        return result;
                    }
                    Connection connection = (Connection) result;
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().startsWith("prepare") && a != null && a[0] instanceof String) {
                                    a[0] = sql.apply((String) a[0]);
                                }
                                if (m.getName().equals("setTransactionIsolation") && isolation != null) {
                                    a[0] = isolation;
                                }
                                return call(connection, m, a);
                            });
                });
    }

    private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The contract kit on the JDBI adapter over a rewriting data source. */
    abstract static class MutantKit extends StorageContractTest {
        private final UnaryOperator<String> sql;
        private final Integer isolation;

        MutantKit(UnaryOperator<String> sql, Integer isolation) {
            this.sql = sql;
            this.isolation = isolation;
        }

        @Override
        protected Storage newStorage() {
            return JdbiStorage.using(rewriting(pool(), sql, isolation));
        }

        @Override
        protected boolean supportsRealDatabase() {
            return true;
        }

        @Override
        protected DataSource dataSource() {
            return pool();
        }
    }

    /** A plain INSERT of reserved slots, translated with SqlErrors only. */
    static class PlainSlotInsert extends MutantKit {
        PlainSlotInsert() {
            super(s -> s.replace(" ON CONFLICT ON CONSTRAINT reserved_slots_pkey DO NOTHING", ""), null);
        }
    }

    /** Writes empty data as SQL NULL (reading NULL back as an empty map hides it from every read). */
    static final UnaryOperator<String> NULL_DATA = s -> s.replace("CAST(d AS jsonb)",
            "NULLIF(CAST(d AS jsonb), CAST('{}' AS jsonb))");

    /** Empty data written as SQL NULL. */
    static class NullData extends MutantKit {
        NullData() {
            super(NULL_DATA, null);
        }
    }

    /** The same broken adapter with supportsRealDatabase() left false (and so no dataSource()). */
    static class NullDataFlagOff extends StorageContractTest {
        @Override
        protected Storage newStorage() {
            return JdbiStorage.using(rewriting(pool(), NULL_DATA, null));
        }
    }

    /** Units of work in READ COMMITTED instead of SERIALIZABLE. */
    static class ReadCommitted extends MutantKit {
        ReadCommitted() {
            super(UnaryOperator.identity(), Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    /** The provider kit with a storage whose first unit of work leaves a transaction open on its connection. */
    static class LeavesTransactionOpen extends StorageProviderContractTest {
        @Override
        protected String providerName() {
            return "jdbi";
        }

        @Override
        protected Storage storageOn(DataSource dataSource) {
            JdbiStorage real = JdbiStorage.using(dataSource);
            return new Storage() {
                @Override
                public UnitOfWork begin() {
                    // a server check on a pooled connection with auto-commit off, never ended
                    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                        s.execute("SELECT version()");
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return real.begin();
                }

                @Override
                public void setupDatabase() {
                    real.setupDatabase();
                }
            };
        }
    }

    /** The provider kit with a storage that keeps a connection of each unit of work. */
    static class LeaksConnections extends StorageProviderContractTest {
        @Override
        protected String providerName() {
            return "jdbi";
        }

        @Override
        protected Storage storageOn(DataSource dataSource) {
            JdbiStorage real = JdbiStorage.using(dataSource);
            return new Storage() {
                @Override
                public UnitOfWork begin() {
                    try {
                        dataSource.getConnection();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return real.begin();
                }

                @Override
                public void setupDatabase() {
                    real.setupDatabase();
                }
            };
        }
    }

    static Stream<Arguments> mutants() {
        return Stream.of(
                Arguments.of(PlainSlotInsert.class, List.of("invisibleCommittedSlot", "ownSlot")),
                Arguments.of(NullData.class, List.of("emptyDataAsEmptyObject")),
                Arguments.of(ReadCommitted.class, List.of("snapshot", "writeSkew")),
                Arguments.of(LeavesTransactionOpen.class, List.of("onPoolWithoutAutoCommit")),
                Arguments.of(LeaksConnections.class, List.of("onPoolWithoutAutoCommit")));
    }

    private static String methodName(TestDescriptor descriptor) {
        return descriptor.getSource()
                .filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance)
                .map(s -> ((org.junit.platform.engine.support.descriptor.MethodSource) s).getMethodName())
                .orElse(descriptor.getDisplayName());
    }

    private static EngineExecutionResults run(Class<?> kit, String selection) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit)).filters(KitSelection.of(selection))
                .execute();
    }

    @Test
    @DisplayName("supportsRealDatabase() visibly turns checks on: NULL data passes with the flag off and is caught"
            + " with it on; the capability group reports which")
    void realDatabaseFlagTurnsOnRawReads() {
        EngineExecutionResults off = run(NullDataFlagOff.class, "StoredForm#emptyDataAsEmptyObject,Capabilities"
                + "#realDatabaseFlag");
        assertThat(off.testEvents().succeeded().count()).as("passed with the flag off").isEqualTo(2);
        assertThat(off.allEvents().reportingEntryPublished().stream().map(e -> e.getPayload(ReportEntry.class)
                .orElseThrow().getKeyValuePairs().get("supportsRealDatabase"))).containsExactly("false: conflicts"
                        + " expected at commit, no raw reads");

        EngineExecutionResults on = run(NullData.class, "StoredForm#emptyDataAsEmptyObject,Capabilities"
                + "#realDatabaseFlag");
        List<Event> failed = on.testEvents().failed().list();
        assertThat(failed).as("failed with the flag on").hasSize(1);
        assertThat(failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .hasMessageContaining("allocations.data as stored");
        assertThat(on.allEvents().reportingEntryPublished().stream().map(e -> e.getPayload(ReportEntry.class)
                .orElseThrow().getKeyValuePairs().get("supportsRealDatabase"))).singleElement(
                        org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("true: data read back raw");
    }

    @ParameterizedTest(name = "{0}: caught by {1}")
    @MethodSource("mutants")
    @DisplayName("each broken variant fails the kit tests meant to catch it; the adapter itself passes them")
    void caught(Class<?> mutant, List<String> catchers) {
        PostDiscoveryFilter only = descriptor -> FilterResult.includedIf(!descriptor.isTest()
                || catchers.contains(methodName(descriptor)));
        List<String> failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(mutant)).filters(only)
                .execute().testEvents().failed().list().stream().map(e -> methodName(e.getTestDescriptor()))
                .collect(Collectors.toList());

        assertThat(failed).as("kit tests failing on %s", mutant.getSimpleName()).containsAll(catchers);
    }
}
