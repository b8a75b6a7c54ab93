package io.libres.context;

import io.libres.errors.InvalidArgument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.errors.ContextAlreadyExists;
import io.libres.errors.ContextIsLocked;
import io.libres.errors.UnknownContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegistryTest {

    @Test
    @DisplayName("a registry starts with the master context, which is current and has no parent")
    void masterContext() {
        Registry registry = Registry.createEmpty();

        Context master = registry.masterContext();
        assertThat(master.name()).isEqualTo("master").isEqualTo(Registry.MASTER_CONTEXT_NAME);
        assertThat(master.parent()).isEmpty();
        assertThat(master.registry()).isSameAs(registry);
        assertThat(registry.currentContext()).isSameAs(master);
        assertThat(registry.isExistingContext("master")).isTrue();
        assertThat(registry.isExistingContext("foo")).isFalse();
    }

    @Test
    @DisplayName("registering a context makes it known, inheriting from master, without making it current")
    void registerContext() {
        Registry registry = Registry.createEmpty();

        Context foo = registry.registerContext("foo");

        assertThat(registry.isExistingContext("foo")).isTrue();
        assertThat(registry.getContext("foo")).isSameAs(foo);
        assertThat(foo.parent()).containsSame(registry.masterContext());
        assertThat(foo.isLocked()).isFalse();
        assertThat(registry.currentContext().name()).isEqualTo("master");
    }

    @Test
    @DisplayName("switching, scoped switching and switchTo change the current context as libres does")
    void switching() {
        Registry registry = Registry.createEmpty();
        registry.registerContext("foo");

        registry.switchContext("foo");
        assertThat(registry.currentContext().name()).isEqualTo("foo");

        Context bar = registry.registerContext("bar");
        try (ContextScope scope = bar.asCurrentContext()) {
            assertThat(registry.currentContext()).isSameAs(bar).isSameAs(scope.context());
        }
        try (ContextScope scope = registry.context("master")) {
            assertThat(registry.currentContext().name()).isEqualTo("master");
        }
        assertThat(registry.currentContext()).isSameAs(registry.getContext("foo"));

        bar.switchTo();
        assertThat(registry.currentContext().name()).isEqualTo("bar");
    }

    @Test
    @DisplayName("switching to an unknown context throws UnknownContext and keeps the current one")
    void switchToUnknown() {
        Registry registry = Registry.createEmpty();
        registry.registerContext("foo").switchTo();

        assertThatThrownBy(() -> registry.switchContext("nope"))
                .isInstanceOf(UnknownContext.class)
                .hasMessageContaining("'nope'")
                .hasMessageContaining("[foo, master]");
        assertThat(registry.currentContext().name()).isEqualTo("foo");
    }

    @Test
    @DisplayName("getContext of an unknown name throws UnknownContext naming it")
    void unknownContext() {
        Registry registry = Registry.createEmpty();

        assertThatThrownBy(() -> registry.getContext("foo"))
                .isInstanceOf(UnknownContext.class)
                .hasMessageContaining("No context named 'foo'");
    }

    @Test
    @DisplayName("getContext with autocreate registers a missing context once and then finds it")
    void autocreate() {
        Registry registry = Registry.createEmpty();

        Context yo = registry.getContext("yo", true);

        assertThat(registry.getContext("yo", true)).isSameAs(yo);
        assertThat(registry.getContext("yo")).isSameAs(yo);
        assertThat(registry.getContext("yo", false)).isSameAs(yo);
        assertThatThrownBy(() -> registry.getContext("other", false)).isInstanceOf(UnknownContext.class);
    }

    @Test
    @DisplayName("registering a name twice throws ContextAlreadyExists, also for a locked context")
    void duplicateName() {
        Registry registry = Registry.createEmpty();
        registry.registerContext("foo");

        assertThatThrownBy(() -> registry.registerContext("foo"))
                .isInstanceOf(ContextAlreadyExists.class)
                .hasMessageContaining("'foo'")
                .hasMessageContaining("replace");
        registry.getContext("foo").lock();
        assertThatThrownBy(() -> registry.registerContext("foo", false)).isInstanceOf(ContextAlreadyExists.class);
        assertThatThrownBy(() -> registry.registerContext("master")).isInstanceOf(ContextAlreadyExists.class);
    }

    @Test
    @DisplayName("replace makes a fresh context under the same name, unless the old one is locked")
    void replace() {
        Registry registry = Registry.createEmpty();
        Context first = registry.registerContext("gabba gabba");
        first.setSetting("test", "one");
        assertThat(first.getSetting("test")).isEqualTo("one");

        Context second = registry.registerContext("gabba gabba", true);

        assertThat(second).isNotSameAs(first);
        assertThat(second.getSetting("test")).isNull();
        assertThat(registry.getContext("gabba gabba")).isSameAs(second);
        assertThat(first.getSetting("test")).isEqualTo("one");

        second.lock();
        assertThatThrownBy(() -> registry.registerContext("gabba gabba", true))
                .isInstanceOf(ContextIsLocked.class)
                .hasMessageContaining("'gabba gabba'");
        assertThat(registry.getContext("gabba gabba")).isSameAs(second);
    }

    @Test
    @DisplayName("replace with a new name simply registers it")
    void replaceNewName() {
        Registry registry = Registry.createEmpty();

        Context fresh = registry.registerContext("fresh", true);

        assertThat(registry.getContext("fresh")).isSameAs(fresh);
    }

    @Test
    @DisplayName("the master context is never replaced: locked in a default registry, refused in an empty one")
    void masterIsNeverReplaced() {
        Registry defaults = Registry.createDefault();
        assertThatThrownBy(() -> defaults.registerContext("master", true)).isInstanceOf(ContextIsLocked.class);

        Registry empty = Registry.createEmpty();
        Context master = empty.masterContext();
        assertThatThrownBy(() -> empty.registerContext("master", true))
                .isInstanceOf(ContextAlreadyExists.class)
                .hasMessageContaining("master context");
        assertThat(empty.getContext("master")).isSameAs(master);
    }

    @Test
    @DisplayName("two registries are independent: own master contexts, same names allowed in both")
    void differentRegistries() {
        Registry first = Registry.createDefault();
        Registry second = Registry.createDefault();

        assertThat(first.masterContext()).isNotSameAs(second.masterContext());
        Context fooOne = first.registerContext("foo");
        Context fooTwo = second.registerContext("foo");
        assertThat(fooOne).isNotSameAs(fooTwo);
        assertThat(fooTwo.parent()).containsSame(second.masterContext());
    }

    @Test
    @DisplayName("a new thread starts at the master context, whatever the spawning thread switched to")
    void newThreadStartsAtMaster() throws Exception {
        Registry registry = Registry.createEmpty();
        registry.registerContext("mine").switchTo();

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            String seen = pool.submit(() -> registry.currentContext().name()).get(30, TimeUnit.SECONDS);
            assertThat(seen).isEqualTo("master");
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry.currentContext().name()).isEqualTo("mine");
    }

    @Test
    @DisplayName("the current context is per thread: threads switching at once each see their own")
    void currentContextPerThread() throws Exception {
        Registry registry = Registry.createEmpty();
        List<String> names = List.of("one", "two", "three", "four");
        ExecutorService pool = Executors.newFixedThreadPool(names.size());
        try {
            for (int round = 0; round < 50; round++) {
                CountDownLatch start = new CountDownLatch(1);
                CountDownLatch switched = new CountDownLatch(names.size());
                List<Callable<String>> apps = new ArrayList<>();
                for (String name : names) {
                    apps.add(() -> {
                        start.await();
                        registry.getContext(name, true).switchTo();
                        switched.countDown();
                        // Every thread has switched before any reads back its own context.
                        switched.await();
                        return registry.currentContext().name();
                    });
                }
                Collections.shuffle(apps);
                List<Future<String>> results = new ArrayList<>();
                for (Callable<String> app : apps) {
                    results.add(pool.submit(app));
                }
                start.countDown();
                List<String> seen = new ArrayList<>();
                for (int i = 0; i < apps.size(); i++) {
                    seen.add(results.get(i).get(30, TimeUnit.SECONDS));
                }
                assertThat(seen).containsExactlyInAnyOrderElementsOf(names);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry.currentContext().name()).isEqualTo("master");
    }

    @Test
    @DisplayName("threads registering the same name at once: one wins, the others get ContextAlreadyExists")
    void concurrentRegistration() throws Exception {
        Registry registry = Registry.createEmpty();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Context>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return registry.registerContext("shared");
                }));
            }
            start.countDown();
            int registered = 0;
            int refused = 0;
            for (Future<Context> attempt : attempts) {
                try {
                    assertThat(attempt.get(30, TimeUnit.SECONDS)).isSameAs(registry.getContext("shared"));
                    registered++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ContextAlreadyExists.class);
                    refused++;
                }
            }
            assertThat(registered).isEqualTo(1);
            assertThat(refused).isEqualTo(threads - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("threads autocreating the same name at once all get the same context")
    void concurrentAutocreate() throws Exception {
        Registry registry = Registry.createEmpty();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Context>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return registry.getContext("auto", true);
                }));
            }
            start.countDown();
            Context expected = null;
            for (Future<Context> attempt : attempts) {
                Context got = attempt.get(30, TimeUnit.SECONDS);
                if (expected == null) {
                    expected = got;
                }
                assertThat(got).isSameAs(expected);
            }
            assertThat(registry.getContext("auto")).isSameAs(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("null names are refused with a message")
    void nullNames() {
        Registry registry = Registry.createEmpty();

        assertThatThrownBy(() -> registry.registerContext(null))
                .isInstanceOf(InvalidArgument.class).hasMessageContaining("context name");
        assertThatThrownBy(() -> registry.getContext(null)).isInstanceOf(InvalidArgument.class);
        assertThatThrownBy(() -> registry.isExistingContext(null)).isInstanceOf(InvalidArgument.class);
    }

    @Test
    @DisplayName("assertExists and assertDoesNotExist throw UnknownContext and ContextAlreadyExists as libres' assert_exists and assert_does_not_exist")
    void assertions() {
        Registry registry = Registry.createEmpty();
        registry.registerContext("foo");

        registry.assertExists("foo");
        registry.assertExists(Registry.MASTER_CONTEXT_NAME);
        registry.assertDoesNotExist("bar");
        assertThatThrownBy(() -> registry.assertExists("bar")).isInstanceOf(UnknownContext.class)
                .hasMessageContaining("'bar'");
        assertThatThrownBy(() -> registry.assertDoesNotExist("foo")).isInstanceOf(ContextAlreadyExists.class)
                .hasMessageContaining("'foo'");
        assertThatThrownBy(() -> registry.assertDoesNotExist(Registry.MASTER_CONTEXT_NAME))
                .isInstanceOf(ContextAlreadyExists.class);
        assertThatThrownBy(() -> registry.assertDoesNotExist(null)).isInstanceOf(InvalidArgument.class);
    }

    @Test
    @DisplayName("assertNotLocked throws ContextIsLocked for a locked context and UnknownContext for an unknown one, as libres' assert_not_locked")
    void assertNotLocked() {
        Registry registry = Registry.createDefault();
        Context mine = registry.registerContext("mine");
        registry.assertNotLocked("mine");
        mine.lock();
        assertThatThrownBy(() -> registry.assertNotLocked("mine")).isInstanceOf(ContextIsLocked.class)
                .hasMessageContaining("'mine' is locked");
        mine.unlock();
        registry.assertNotLocked("mine");
        assertThatThrownBy(() -> registry.assertNotLocked(Registry.MASTER_CONTEXT_NAME)).isInstanceOf(ContextIsLocked.class);
        assertThatThrownBy(() -> registry.assertNotLocked("nobody")).isInstanceOf(UnknownContext.class);
    }
}
