package io.libres.db;

import io.libres.errors.LibresException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    @RepeatedTest(20)
    @DisplayName("the jittered wait doubles per attempt and never exceeds the bound")
    void backoffBounds() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofMillis(10), Duration.ofMillis(35));
        assertThat(policy.backoffBefore(2)).isBetween(Duration.ZERO, Duration.ofMillis(10));
        assertThat(policy.backoffBefore(3)).isBetween(Duration.ZERO, Duration.ofMillis(20));
        assertThat(policy.backoffBefore(4)).isBetween(Duration.ZERO, Duration.ofMillis(35));
        assertThat(policy.backoffBefore(6)).isBetween(Duration.ZERO, Duration.ofMillis(35));
    }

    @Test
    @DisplayName("an immediate policy never waits; a policy without attempts is invalid")
    void immediateAndInvalid() {
        assertThat(RetryPolicy.immediate(3).backoffBefore(3)).isZero();
        assertThatThrownBy(() -> RetryPolicy.immediate(0)).isInstanceOf(LibresException.class).hasMessageContaining("0 attempts");
        assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofMillis(-1), Duration.ZERO)).isInstanceOf(LibresException.class);
        assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(20);
        assertThat(RetryPolicy.DEFAULT.budget()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("another attempt starts only within the attempts and the time budget; a budget must be positive")
    void attemptsAndBudget() {
        RetryPolicy policy = RetryPolicy.immediate(3).withBudget(Duration.ofMillis(100));
        assertThat(policy.allowsAttempt(3, Duration.ofMillis(99))).isTrue();
        assertThat(policy.allowsAttempt(4, Duration.ZERO)).isFalse();
        assertThat(policy.allowsAttempt(2, Duration.ofMillis(100))).isFalse();
        assertThat(new RetryPolicy(3, Duration.ZERO, Duration.ZERO).allowsAttempt(3, Duration.ofDays(30))).isTrue();
        assertThatThrownBy(() -> policy.withBudget(Duration.ZERO)).isInstanceOf(LibresException.class)
                .hasMessageContaining("time budget");
        assertThatThrownBy(() -> policy.withBudget(null)).isInstanceOf(LibresException.class);
    }
}
