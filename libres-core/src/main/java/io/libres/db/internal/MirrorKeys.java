package io.libres.db.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
            keys.add(uuid5(master, Integer.toString(n)));
        }
        return keys;
    }

    /**
     * A name-based UUID, version 5 (SHA-1), as RFC 4122 defines it.
     *
     * @param namespace the namespace
     * @param name the name, encoded as UTF-8
     * @return the UUID
     */
    public static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
