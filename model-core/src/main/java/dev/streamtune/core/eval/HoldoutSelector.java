package dev.streamtune.core.eval;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Decides deterministically whether a sample belongs to the holdout set, from its id alone: the first 8 bytes
 * of SHA-256(UTF-8 id), read as an unsigned big-endian number and scaled to {@code [0, 1)}, fall below
 * {@code fraction}. The same id gets the same answer in every JVM, run and replica, so a sample re-sent after a
 * crash never moves between training and holdout.
 *
 * @param fraction share of ids held out, in {@code [0, 1)}; 0 holds out nothing
 */
public record HoldoutSelector(double fraction) {

    /** Default share held out: 10 %. */
    public static final double DEFAULT_FRACTION = 0.1;

    public HoldoutSelector {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("holdout fraction must be in [0, 1), got " + fraction);
        }
    }

    /** Whether the sample with this id is held out. */
    public boolean isHoldout(String id) {
        return fraction > 0 && position(id) < fraction;
    }

    /** The id's position in {@code [0, 1)}: the top 53 bits of the first 8 bytes of SHA-256(id). */
    public static double position(String id) {
        if (id == null) {
            throw new IllegalArgumentException("sample id is required");
        }
        byte[] hash = sha256().digest(id.getBytes(StandardCharsets.UTF_8));
        long prefix = ByteBuffer.wrap(hash, 0, 8).getLong();
        return (prefix >>> 11) * 0x1.0p-53;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
