package io.libres.interop;

import io.libres.interop.MemoryAndPostgresAgreeTest.Allocate;
import io.libres.interop.MemoryAndPostgresAgreeTest.Approve;
import io.libres.interop.MemoryAndPostgresAgreeTest.Move;
import io.libres.interop.MemoryAndPostgresAgreeTest.Reserve;
import io.libres.interop.MemoryAndPostgresAgreeTest.ReserveGroup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Shrunk counterexamples of {@link MemoryAndPostgresAgreeTest}, kept as named cases: each ran
 * once into a disagreement or a violation, and must now agree step by step.
 */
@DisplayName("memory and PostgreSQL agree on former counterexamples")
class MemoryAndPostgresRegressionTest {

    @Test
    @DisplayName("a group reservation of a partly available allocation keeps its steps when the allocation grows"
            + " (the integrity check once wanted every step of the moved allocation)")
    void movedGroupReservationOfPartlyAvailableAllocation() {
        MemoryAndPostgresAgreeTest.agree(List.of(
                new Allocate(2, 14, 1, 1, true, 15),
                new ReserveGroup(0, 1),
                new Approve(0),
                new Move(0, -1, 1),
                new Reserve(0, 3, 5, 1, 0),
                new Approve(1)));
    }
}
