package io.libres.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.errors.InvalidSetting;
import io.libres.spi.JsonCodec;
import io.libres.spi.Storage;
import io.libres.spi.StorageProvider;
import io.libres.testkit.sql.StorageSetupKit;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

/** Runs the kit group {@link StorageSetupKit} on the jOOQ adapter, plus the checks of its builder. */
@DisplayName("jOOQ: setting up the storage")
class JooqStorageTest extends StorageSetupKit {

    @Override
    protected Storage storageOn(DataSource dataSource) {
        return JooqStorage.using(dataSource);
    }

    @Override
    protected Class<? extends Storage> storageType() {
        return JooqStorage.class;
    }

    @Override
    protected Storage connect(String dsn) {
        return JooqStorage.connect(dsn);
    }

    @Override
    protected StorageProvider provider() {
        return new JooqStorageProvider();
    }

    @Override
    protected Storage storageWithCodec(DataSource dataSource, JsonCodec codec) {
        DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        JooqStorage storage = JooqStorage.builder().dsl(dsl).jsonCodec(codec).build();
        assertThat(storage.dsl().fetchValue("SELECT 1")).as("the caller's DSLContext, reachable through dsl()")
                .isEqualTo(1);
        return storage;
    }

    @Test
    @DisplayName("the builder wants exactly one source of connections, the POSTGRES dialect and a PostgreSQL URL")
    void builderChecks() {
        assertThatThrownBy(() -> JooqStorage.builder().build()).isInstanceOf(InvalidSetting.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> JooqStorage.builder().dataSource(dataSource)
                .dsl(DSL.using(dataSource, SQLDialect.POSTGRES)).build())
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("got 2");
        assertThatThrownBy(() -> JooqStorage.using(DSL.using(dataSource, SQLDialect.H2)))
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("SQLDialect.POSTGRES");
        assertThatThrownBy(() -> JooqStorage.connect("jdbc:mysql://localhost/libres?password=secret"))
                .isInstanceOf(InvalidSetting.class).hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> JooqStorage.using((DataSource) null)).isInstanceOf(NullPointerException.class);
    }
}
