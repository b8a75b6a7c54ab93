package io.libres.testkit.stress;

import io.libres.context.Context;
import java.util.List;

/** TEMPORARY placeholder until the integrity check lands on main (do not land). */
final class IntegrityCheck {
    private IntegrityCheck() {
    }

    static List<String> violations(Context context) {
        return List.of();
    }
}
