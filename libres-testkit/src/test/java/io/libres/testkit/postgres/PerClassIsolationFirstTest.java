package io.libres.testkit.postgres;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Per-class isolation, first of two concurrent classes")
class PerClassIsolationFirstTest extends PerClassIsolation {
}
