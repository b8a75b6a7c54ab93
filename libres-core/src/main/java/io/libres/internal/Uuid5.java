package io.libres.internal;

import io.libres.errors.InvalidArgument;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based UUIDs of version 5 (RFC 4122, SHA-1), the same values Python's
 * {@code uuid.uuid5(namespace, name)} computes.
 *
 * <p>libres derives every resource from such a UUID: a scheduler's resource is
 * {@code of(uuid_namespace, "<context>/<name>")} and the n-th quota mirror of an
 * allocation is {@code of(master resource, String.valueOf(n))}; equal values are
 * what lets this library and libres 1.2 share one database.
 */
public final class Uuid5 {

    private static final int VERSION_5 = 0x50;
    private static final int RFC_4122_VARIANT = 0x80;

    private Uuid5() {
    }

    /**
     * Computes the version 5 UUID of a name within a namespace.
     *
     * @param namespace the namespace UUID
     * @param name the name; hashed as UTF-8, like Python does for a {@code str}
     * @return the UUID, always the same for the same namespace and name
     * @throws io.libres.errors.InvalidArgument if the namespace or the name is null
     * @throws io.libres.errors.InvalidArgument if the name holds a lone surrogate, which has
     *     no UTF-8 form (Python refuses such a name too)
     */
    public static UUID of(UUID namespace, String name) {
        Arguments.requireNonNull(namespace, "namespace must not be null");
        Arguments.requireNonNull(name, "name must not be null");
        MessageDigest sha1 = sha1();
        sha1.update(bytesOf(namespace));
        sha1.update(utf8(name));
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | VERSION_5);
        hash[8] = (byte) ((hash[8] & 0x3f) | RFC_4122_VARIANT);
        ByteBuffer buffer = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static byte[] bytesOf(UUID uuid) {
        return ByteBuffer.allocate(16)
                .putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits())
                .array();
    }

    private static ByteBuffer utf8(String name) {
        // String.getBytes would silently turn a lone surrogate into '?', giving a UUID Python never computes.
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return encoder.encode(CharBuffer.wrap(name));
        } catch (CharacterCodingException e) {
            throw new InvalidArgument(
                    "name must be valid Unicode text (no lone surrogates) to be hashed as UTF-8, got: " + name, e);
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (java.security.MessageDigest's documentation).
            throw new IllegalStateException("this Java runtime lacks SHA-1", e);
        }
    }
}
