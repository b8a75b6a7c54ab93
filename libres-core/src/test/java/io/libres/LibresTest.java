package io.libres;

import static org.assertj.core.api.Assertions.assertThat;

import io.libres.context.DefaultServices;
import io.libres.context.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LibresTest {

    @Test
    @DisplayName("the global registry is a default registry: locked master with the default services")
    void globalRegistryHasDefaults() {
        Registry registry = Libres.registry();

        assertThat(registry.masterContext().isLocked()).isTrue();
        assertThat(registry.masterContext().hasService(DefaultServices.EMAIL_VALIDATOR.name())).isTrue();
        assertThat(registry).isNotSameAs(Registry.createDefault());
    }

    @Test
    @DisplayName("every thread gets the same global registry")
    void sameFromEveryThread() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Registry>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return Libres.registry();
                }));
            }
            start.countDown();
            for (Future<Registry> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isSameAs(Libres.registry());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
