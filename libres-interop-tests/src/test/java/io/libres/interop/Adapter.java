package io.libres.interop;

import io.libres.jdbi.JdbiStorage;
import io.libres.jooq.JooqStorage;
import io.libres.spi.Storage;

import java.time.Clock;
import javax.sql.DataSource;

/** The two SQL adapters, each made on a data source with one fixed clock for created and modified. */
enum Adapter {
    JDBI {
        @Override
        Storage on(DataSource dataSource, Clock clock) {
            return JdbiStorage.builder().dataSource(dataSource).clock(clock).build();
        }
    },
    JOOQ {
        @Override
        Storage on(DataSource dataSource, Clock clock) {
            return JooqStorage.builder().dataSource(dataSource).clock(clock).build();
        }
    };

    abstract Storage on(DataSource dataSource, Clock clock);
}
