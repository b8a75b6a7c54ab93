package io.libres.db.internal;

import io.libres.internal.Uuid5;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The resources of the mirrors of a master allocation: {@code uuid5(master, str(n))} for
 * n = 1 .. quota - 1, identical to Python's {@code uuid.uuid5}.
 */
public final class MirrorKeys {

    private MirrorKeys() {
    }

    /**
     * The mirror resources of a master resource, in order.
     *
     * @param master the master's resource
     * @param quota the quota; a quota of one has no mirrors
     * @return the quota - 1 mirror resources
     */
    public static List<UUID> of(UUID master, int quota) {
        List<UUID> keys = new ArrayList<>(Math.max(0, quota - 1));
        for (int n = 1; n < quota; n++) {
            keys.add(Uuid5.of(master, Integer.toString(n)));
        }
        return keys;
    }
}
