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
        assertThat(RetryPolicy.DEFAULT.maxAttempts()).isEqualTo(5);
    }
}
