package dev.streamtune.trainer.training;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Remembers the ids of the last {@code window} samples of one model, so a producer retry (same id) is not trained
 * twice. Memory is bounded: the oldest id is forgotten when a new one arrives at capacity, so a retry arriving
 * more than {@code window} samples later trains again. Part of the trainer checkpoint.
 */
public final class SampleDeduplicator {

    private static final int FORMAT = 1;
    private final int window;
    private final ArrayDeque<String> order = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();

    public SampleDeduplicator(int window) {
        if (window <= 0) {
            throw new IllegalArgumentException("dedup window must be positive, got " + window);
        }
        this.window = window;
    }

    /** Records {@code id}; returns {@code false} when it was already seen within the window. */
    public boolean firstTime(String id) {
        if (!seen.add(id)) {
            return false;
        }
        order.addLast(id);
        if (order.size() > window) {
            seen.remove(order.removeFirst());
        }
        return true;
    }

    /** Number of ids remembered. */
    public int size() {
        return order.size();
    }

    /** The remembered ids, oldest first, as bytes. */
    public byte[] snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(order.size());
            for (String id : order) {
                out.writeUTF(id);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A deduplicator with the given window holding the ids of {@code snapshot} (the newest, if over the window). */
    public static SampleDeduplicator restore(byte[] snapshot, int window) {
        SampleDeduplicator d = new SampleDeduplicator(window);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown dedup snapshot format " + format);
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                d.firstTime(in.readUTF());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt dedup snapshot", e);
        }
        return d;
    }
}
