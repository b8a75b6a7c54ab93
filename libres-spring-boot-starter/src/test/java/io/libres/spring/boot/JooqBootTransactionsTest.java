package io.libres.spring.boot;

import io.libres.jooq.JooqStorage;
import io.libres.spi.Storage;
import org.junit.jupiter.api.DisplayName;

/** {@link BootTransactionsCases} on the jOOQ adapter, which joins through Boot's jOOQ transaction provider. */
@DisplayName("A Spring Boot application on real PostgreSQL, through jOOQ")
class JooqBootTransactionsTest extends BootTransactionsCases {

    @Override
    Class<? extends Storage> expectedStorage() {
        return JooqStorage.class;
    }
}
