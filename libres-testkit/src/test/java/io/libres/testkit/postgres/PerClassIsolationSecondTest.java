package io.libres.testkit.postgres;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Per-class isolation, second of two concurrent classes")
class PerClassIsolationSecondTest extends PerClassIsolation {
}
