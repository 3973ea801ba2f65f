package dev.streamtune.contracts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Wire layout of a {@code model-versions} record value: magic {@code STV1}, a 4-byte big-endian length, that
 * many bytes of {@link VersionInfo} JSON, then the weights artifact bytes. JSON mapping is left to the caller so
 * this stays free of any JSON library.
 *
 * @param infoJson the UTF-8 JSON of the version's {@link VersionInfo}
 * @param artifact the weights artifact bytes
 */
public record VersionEnvelope(byte[] infoJson, byte[] artifact) {

    private static final byte[] MAGIC = "STV1".getBytes(StandardCharsets.US_ASCII);

    /** The record value. */
    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + infoJson.length + artifact.length);
        b.put(MAGIC).putInt(infoJson.length).put(infoJson).put(artifact);
        return b.array();
    }

    /**
     * Splits a record value.
     *
     * @throws IllegalArgumentException when the bytes are not a version envelope or are truncated
     */
    public static VersionEnvelope decode(byte[] value) {
        if (value == null || value.length < MAGIC.length + 4) {
            throw new IllegalArgumentException("version record too short");
        }
        if (!Arrays.equals(Arrays.copyOf(value, MAGIC.length), MAGIC)) {
            throw new IllegalArgumentException("not a version record (bad magic)");
        }
        ByteBuffer b = ByteBuffer.wrap(value, MAGIC.length, value.length - MAGIC.length);
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            throw new IllegalArgumentException("version record truncated: metadata length " + n + " > " + b.remaining());
        }
        byte[] json = new byte[n];
        b.get(json);
        byte[] artifact = new byte[b.remaining()];
        b.get(artifact);
        return new VersionEnvelope(json, artifact);
    }
}
