package io.libres.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.errors.UnknownContext;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContextScopeTest {

    private final Registry registry = Registry.createDefault();

    @Test
    @DisplayName("a scope makes its context current and restores the previous one when closed")
    void restoresOnClose() {
        registry.registerContext("app");
        registry.registerContext("other").switchTo();

        try (ContextScope scope = registry.context("app")) {
            assertThat(scope.context().name()).isEqualTo("app");
            assertThat(registry.currentContext().name()).isEqualTo("app");
        }

        assertThat(registry.currentContext().name()).isEqualTo("other");
    }

    @Test
    @DisplayName("the previous context is restored also when the block throws")
    void restoresWhenBlockThrows() {
        registry.registerContext("app");

        assertThatThrownBy(() -> {
            try (ContextScope scope = registry.context("app")) {
                assertThat(registry.currentContext().name()).isEqualTo("app");
                throw new IllegalStateException("boom");
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        assertThat(registry.currentContext().name()).isEqualTo("master");
    }

    @Test
    @DisplayName("nested scopes unwind one by one")
    void nested() {
        registry.registerContext("outer");
        registry.registerContext("inner");

        try (ContextScope outer = registry.context("outer")) {
            try (ContextScope inner = registry.context("inner")) {
                assertThat(registry.currentContext().name()).isEqualTo("inner");
            }
            assertThat(registry.currentContext().name()).isEqualTo("outer");
        }
        assertThat(registry.currentContext().name()).isEqualTo("master");
    }

    @Test
    @DisplayName("closing twice restores only once")
    void closeTwice() {
        registry.registerContext("a");
        registry.registerContext("b");
        ContextScope scope = registry.context("a");
        scope.close();
        registry.switchContext("b");

        scope.close();

        assertThat(registry.currentContext().name()).isEqualTo("b");
    }

    @Test
    @DisplayName("asking for a scope of an unknown context throws UnknownContext and changes nothing")
    void unknown() {
        registry.registerContext("app").switchTo();

        assertThatThrownBy(() -> registry.context("nope")).isInstanceOf(UnknownContext.class);

        assertThat(registry.currentContext().name()).isEqualTo("app");
    }

    @Test
    @DisplayName("a context replaced inside the block is restored in its new form, as libres restores by name")
    void restoresByName() {
        Context old = registry.registerContext("app");
        registry.registerContext("other");
        old.switchTo();

        Context replacement;
        try (ContextScope scope = registry.context("other")) {
            replacement = registry.registerContext("app", true);
        }

        assertThat(registry.currentContext()).isSameAs(replacement).isNotSameAs(old);
    }

    @Test
    @DisplayName("a scope only affects its own thread")
    void otherThreadsUnaffected() throws Exception {
        registry.registerContext("app");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ContextScope scope = registry.context("app")) {
            String seenElsewhere = pool.submit(() -> registry.currentContext().name()).get(30, TimeUnit.SECONDS);
            assertThat(seenElsewhere).isEqualTo("master");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("closing a scope on another thread is refused, since it cannot reach the opener's context")
    void closeOnOtherThread() throws Exception {
        registry.registerContext("app");
        ContextScope scope = registry.context("app");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            assertThatThrownBy(() -> pool.submit(scope::close).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("thread that opened it");
        } finally {
            pool.shutdownNow();
        }
        assertThat(registry.currentContext().name()).isEqualTo("app");
        scope.close();
        assertThat(registry.currentContext().name()).isEqualTo("master");
    }
}
