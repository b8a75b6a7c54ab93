package io.libres.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.errors.InvalidSetting;
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
        assertThatThrownBy(() -> JdbiStorage.using((DataSource) null)).isInstanceOf(NullPointerException.class);
    }
}
