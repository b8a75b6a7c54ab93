package io.libres.context;

import io.libres.errors.InvalidArgument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.errors.ContextIsLocked;
import io.libres.errors.InvalidService;
import io.libres.errors.UnknownService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContextServicesTest {

    private final Registry registry = Registry.createEmpty();
    private final Context master = registry.masterContext();

    /** A service that records whether it was stopped. */
    static final class Resource implements StoppableService {
        final AtomicInteger stops = new AtomicInteger();

        @Override
        public void stopService() {
            stops.incrementAndGet();
        }
    }

    /** A factory that is itself a stoppable service, as libres allows. */
    static final class StoppableFactory implements ServiceFactory<Object>, StoppableService {
        final AtomicInteger stops = new AtomicInteger();

        @Override
        public Object create(Context context) {
            return new Object();
        }

        @Override
        public void stopService() {
            stops.incrementAndGet();
        }
    }

    @Test
    @DisplayName("an uncached service is made anew on every call")
    void uncached() {
        master.setService("service", context -> new Object());

        Object first = master.getService("service");
        Object second = master.getService("service");

        assertThat(first).isNotSameAs(second);
    }

    @Test
    @DisplayName("a cached service is made once and then returned")
    void cached() {
        AtomicInteger made = new AtomicInteger();
        master.setService("service", context -> made.incrementAndGet(), true);

        Object first = master.getService("service");
        Object second = master.getService("service");

        assertThat(first).isSameAs(second);
        assertThat(made).hasValue(1);
    }

    @Test
    @DisplayName("a cached service inherited from master is cached per context and made for that context")
    void cachedPerContext() {
        master.setService("whoami", context -> new StringBuilder(context.name()), true);
        Context one = registry.registerContext("one");
        Context two = registry.registerContext("two");

        Object ofOne = one.getService("whoami");

        assertThat(ofOne).hasToString("one").isSameAs(one.getService("whoami"));
        assertThat(two.getService("whoami")).hasToString("two").isNotSameAs(ofOne);
        assertThat(master.getService("whoami")).hasToString("master");
    }

    @Test
    @DisplayName("a service of the context wins over the inherited one, which other contexts still get")
    void overrideInherited() {
        master.setService("greeting", context -> "hello");
        Context app = registry.registerContext("app");

        app.setService("greeting", context -> "hoi");

        assertThat(app.getService("greeting")).isEqualTo("hoi");
        assertThat(registry.registerContext("other").getService("greeting")).isEqualTo("hello");
        assertThat(master.getService("greeting")).isEqualTo("hello");
    }

    @Test
    @DisplayName("a cached master service is cached on a locked master context too")
    void cachedOnLockedContext() {
        master.setService("service", context -> new Object(), true);
        master.lock();

        assertThat(master.getService("service")).isSameAs(master.getService("service"));
    }

    @Test
    @DisplayName("an unknown service throws UnknownService naming it, the context and the known services")
    void unknown() {
        master.setService("known", context -> "x");
        Context app = registry.registerContext("app");

        assertThatThrownBy(() -> app.getService("nope"))
                .isInstanceOf(UnknownService.class)
                .hasMessageContaining("'nope'")
                .hasMessageContaining("'app'")
                .hasMessageContaining("[known]");
        assertThatThrownBy(() -> app.getService(ServiceKey.of("nope", String.class)))
                .isInstanceOf(UnknownService.class);
        assertThat(app.hasService("nope")).isFalse();
    }

    @Test
    @DisplayName("typed access checks the service's type and refuses a mismatch with InvalidService")
    void typed() {
        ServiceKey<String> greeting = ServiceKey.of("greeting", String.class);
        master.setService(greeting, context -> "hello");

        assertThat(master.getService(greeting)).isEqualTo("hello");
        assertThat(master.getService("greeting", String.class)).isEqualTo("hello");
        assertThatThrownBy(() -> master.getService("greeting", Integer.class))
                .isInstanceOf(InvalidService.class)
                .hasMessageContaining("'greeting'")
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("java.lang.Integer");
    }

    @Test
    @DisplayName("a factory that returns null gives InvalidService")
    void nullFromFactory() {
        master.setService("nothing", context -> null);

        assertThatThrownBy(() -> master.getService("nothing"))
                .isInstanceOf(InvalidService.class)
                .hasMessageContaining("'nothing'")
                .hasMessageContaining("returned null");
    }

    @Test
    @DisplayName("replacing a cached service stops the cached instance and serves the new one")
    void replaceStopsCachedInstance() {
        master.setService("db", context -> new Resource(), true);
        Resource old = (Resource) master.getService("db");

        master.setService("db", context -> new Resource(), true);

        assertThat(old.stops).hasValue(1);
        Resource fresh = (Resource) master.getService("db");
        assertThat(fresh).isNotSameAs(old);
        assertThat(fresh.stops).hasValue(0);
    }

    @Test
    @DisplayName("replacing a cached service by an uncached one stops the cached instance and no longer caches")
    void replaceCachedByUncached() {
        master.setService("db", context -> new Resource(), true);
        Resource old = (Resource) master.getService("db");

        master.setService("db", context -> new Resource(), false);

        assertThat(old.stops).hasValue(1);
        assertThat(master.getService("db")).isNotSameAs(old).isNotSameAs(master.getService("db"));
    }

    @Test
    @DisplayName("replacing a factory that is a StoppableService stops that factory")
    void replaceStopsFactory() {
        StoppableFactory factory = new StoppableFactory();
        master.setService("svc", factory);

        master.setService("svc", context -> "new");

        assertThat(factory.stops).hasValue(1);
        assertThat(master.getService("svc")).isEqualTo("new");
    }

    @Test
    @DisplayName("a cached instance that was never made is not stopped; instances already served are")
    void nothingToStop() {
        AtomicInteger made = new AtomicInteger();
        master.setService("db", context -> {
            made.incrementAndGet();
            return new Resource();
        }, true);

        master.setService("db", context -> "other");

        assertThat(made).hasValue(0);
    }

    @Test
    @DisplayName("a context's instance of an inherited cached service is stopped once the parent replaces it")
    void staleInheritedInstanceStopped() {
        master.setService("db", context -> new Resource(), true);
        Context app = registry.registerContext("app");
        Resource old = (Resource) app.getService("db");

        master.setService("db", context -> new Resource(), true);
        Resource fresh = (Resource) app.getService("db");

        assertThat(fresh).isNotSameAs(old);
        assertThat(old.stops).hasValue(1);
        assertThat(app.getService("db")).isSameAs(fresh);
    }

    @Test
    @DisplayName("a failure to stop the old service is logged; the replacement still takes place")
    void stopFailure() {
        master.setService("db", context -> (StoppableService) () -> {
            throw new IllegalStateException("cannot stop");
        }, true);
        master.getService("db");

        master.setService("db", context -> "new", true);

        assertThat(master.getService("db")).isEqualTo("new");
    }

    @Test
    @DisplayName("a locked context refuses service changes with ContextIsLocked and keeps the old service")
    void locked() {
        master.setService("svc", context -> "old");
        Context app = registry.registerContext("app");
        app.lock();
        master.lock();

        assertThatThrownBy(() -> master.setService("svc", context -> "new"))
                .isInstanceOf(ContextIsLocked.class)
                .hasMessageContaining("'master'")
                .hasMessageContaining("'svc'");
        assertThatThrownBy(() -> app.setService("svc", context -> "new", true))
                .isInstanceOf(ContextIsLocked.class)
                .hasMessageContaining("'app'");
        assertThat(app.getService("svc")).isEqualTo("old");
    }

    @Test
    @DisplayName("a factory may use other services of the context it is given")
    void factoriesCompose() {
        master.setService("name", context -> "libres");
        master.setService("greeting", context -> "hello " + context.getService("name"), true);
        Context app = registry.registerContext("app");
        app.setService("name", context -> "app");

        assertThat(app.getService("greeting")).isEqualTo("hello app");
        assertThat(master.getService("greeting")).isEqualTo("hello libres");
    }

    @Test
    @DisplayName("threads asking for a cached service at once all get the one instance, made once")
    void concurrentCachedAccess() throws Exception {
        AtomicInteger made = new AtomicInteger();
        master.setService("shared", context -> {
            made.incrementAndGet();
            return new Object();
        }, true);
        Context app = registry.registerContext("app");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return app.getService("shared");
                }));
            }
            start.countDown();
            Object first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<Object> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(made).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("threads setting services on one context at once lose none of them")
    void concurrentMutation() throws Exception {
        Context app = registry.registerContext("app");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String name = "service-" + i;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < 100; round++) {
                        app.setService(name, context -> name, round % 2 == 0);
                        app.setSetting(name, round);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < threads; i++) {
            assertThat(app.getService("service-" + i)).isEqualTo("service-" + i);
            assertThat(app.getSetting("service-" + i)).isEqualTo(99);
        }
    }

    @Test
    @DisplayName("service keys need a non-blank name and a type")
    void serviceKeys() {
        assertThat(ServiceKey.of("x", String.class)).isEqualTo(new ServiceKey<>("x", String.class));
        assertThatThrownBy(() -> ServiceKey.of("  ", String.class)).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> ServiceKey.of("x", null)).isInstanceOf(InvalidArgument.class);
    }
}
