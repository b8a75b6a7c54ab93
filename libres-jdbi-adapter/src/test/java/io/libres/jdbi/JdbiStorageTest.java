package io.libres.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.errors.InvalidSetting;
import io.libres.spi.Ports;
import io.libres.time.DateRange;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import io.libres.spi.JsonCodec;
import io.libres.spi.Storage;
import io.libres.spi.StorageProvider;
import io.libres.testkit.sql.StorageSetupKit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

/** Runs the kit group {@link StorageSetupKit} on the JDBI adapter, plus the checks of its builder. */
@DisplayName("JDBI: setting up the storage")
class JdbiStorageTest extends StorageSetupKit {

    @Override
    protected Storage storageOn(DataSource dataSource) {
        return JdbiStorage.using(dataSource);
    }

    @Override
    protected Class<? extends Storage> storageType() {
        return JdbiStorage.class;
    }

    @Override
    protected Storage connect(String dsn) {
        return JdbiStorage.connect(dsn);
    }

    @Override
    protected StorageProvider provider() {
        return new JdbiStorageProvider();
    }

    @Override
    protected Storage storageWithCodec(DataSource dataSource, JsonCodec codec) {
        JdbiStorage storage = JdbiStorage.builder().jdbi(Jdbi.create(dataSource)).jsonCodec(codec).build();
        Integer one = storage.jdbi().withHandle(h -> h.select("SELECT 1").mapTo(Integer.class).one());
        assertThat(one).as("the caller's Jdbi, reachable through jdbi()").isEqualTo(1);
        return storage;
    }

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final DateRange MORNING = DateRange.of(LocalDateTime.of(2031, 9, 1, 8, 0),
            LocalDateTime.of(2031, 9, 1, 12, 0));

    @Test
    @DisplayName("the builder wants exactly one source of connections and a PostgreSQL URL")
    void builderChecks() {
        assertThatThrownBy(() -> JdbiStorage.builder().build()).isInstanceOf(InvalidSetting.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> JdbiStorage.builder().dataSource(dataSource).jdbi(Jdbi.create(dataSource)).build())
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("got 2");
        assertThatThrownBy(() -> JdbiStorage.connect("jdbc:mysql://localhost/libres?password=secret"))
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> JdbiStorage.using((DataSource) null)).isInstanceOf(io.libres.errors.InvalidArgument.class)
                .hasMessageContaining("expected a DataSource");
        assertThatThrownBy(() -> JdbiStorage.using(dataSource).joining(null)).isInstanceOf(io.libres.errors.InvalidArgument.class)
                .hasMessageContaining("expected a JDBI Handle");
        assertThatThrownBy(() -> JdbiStorage.builder().clock(null)).isInstanceOf(io.libres.errors.InvalidArgument.class)
                .hasMessageContaining("expected a Clock");
    }

    @Test
    @DisplayName("a storage on a data source uses the codec of the context it is installed in, also after it is replaced")
    void installedStorageUsesContextCodec() {
        Context context = Registry.createDefault().registerContext("codec-" + UUID.randomUUID());
        CountingJson first = new CountingJson();
        context.setService(Ports.JSON.key(), ctx -> first, true);
        JdbiStorage storage = JdbiStorage.using(dataSource).install(context);
        storage.setupDatabase();
        Scheduler scheduler = new Scheduler(context, "codec", ZURICH);
        scheduler.allocate(MORNING, AllocateOptions.builder().data(Map.of("floor", 3)).build());
        scheduler.commit();
        int firstCalls = first.calls.get();

        CountingJson second = new CountingJson();
        context.setService(Ports.JSON.key(), ctx -> second, true);
        Map<String, Object> data = scheduler.managedAllocations().one().data();
        scheduler.rollback();

        assertThat(firstCalls).isPositive();
        assertThat(data).containsEntry("floor", 3);
        assertThat(second.calls.get()).isPositive();
        assertThat(first.calls.get()).isEqualTo(firstCalls);
    }

    /** Counts its calls, so a test can tell which codec a storage used. */
    private static final class CountingJson implements JsonCodec {
        private final JsonCodec delegate = io.libres.json.jackson.JacksonJsonCodec.create();
        private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String toJson(Object value) {
            calls.incrementAndGet();
            return delegate.toJson(value);
        }

        @Override
        public Object fromJson(String json) {
            calls.incrementAndGet();
            return delegate.fromJson(json);
        }
    }
}
