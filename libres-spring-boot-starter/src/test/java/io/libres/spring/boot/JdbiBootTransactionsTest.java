package io.libres.spring.boot;

import io.libres.jdbi.JdbiStorage;
import io.libres.spi.Storage;
import org.junit.jupiter.api.DisplayName;
import org.springframework.test.context.TestPropertySource;

/** {@link BootTransactionsCases} on the JDBI adapter, which joins through the {@link SpringTransactionBinding}. */
@TestPropertySource(properties = "libres.storage=jdbi")
@DisplayName("A Spring Boot application on real PostgreSQL, through JDBI")
class JdbiBootTransactionsTest extends BootTransactionsCases {

    @Override
    Class<? extends Storage> expectedStorage() {
        return JdbiStorage.class;
    }
}
