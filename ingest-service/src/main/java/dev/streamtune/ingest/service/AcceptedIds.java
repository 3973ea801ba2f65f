package dev.streamtune.ingest.service;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The ids of an NDJSON request's accepted samples, in order, with the line each came from; a client id may appear
 * once. A request may carry 100,000 and more samples, so the ids are not kept as that many String and map-entry
 * objects (which every young garbage collection during the request would copy) but as UTF-8 in one byte array,
 * with their ends, lines and an open-addressing hash table in int arrays. As a {@code List<String>} it is the
 * answer's id list; {@link #get} decodes one id at a time.
 */
final class AcceptedIds extends AbstractList<String> implements RandomAccess {

    private static final int NOT_FOUND = -1;

    private byte[] bytes = new byte[8 * 1024];
    private int used;
    private int[] ends = new int[256];
    private int[] lines = new int[256];
    private int size;
    /** Slots hold 1 + the index of a client id, 0 when free; kept at most half full. */
    private int[] table = new int[512];
    /** The hash of the id in the same slot of {@link #table}, so most probes need not compare bytes. */
    private int[] slotHashes = new int[512];
    private int claimed;

    AcceptedIds() {}

    /** Sized up front for about {@code expectedIds} ids (it still grows past them). */
    AcceptedIds(int expectedIds) {
        int ids = Math.max(256, expectedIds);
        ends = new int[ids];
        lines = new int[ids];
        bytes = new byte[Math.max(8 * 1024, Math.min(ids * 32, 1 << 24))];
        int slots = Integer.highestOneBit(Math.max(512, ids * 2) - 1) << 1;
        table = new int[slots];
        slotHashes = new int[slots];
    }

    /**
     * Adds a client's id, given as {@code length} UTF-8 bytes of {@code source} from {@code from}, for the sample
     * on {@code line}.
     *
     * @return {@code -1} when added; otherwise the line of the earlier sample with this id (nothing is added)
     */
    int claim(byte[] source, int from, int length, int line) {
        int hash = hash(source, from, length);
        int mask = table.length - 1;
        int slot = hash & mask;
        while (table[slot] != 0) {
            int other = table[slot] - 1;
            if (slotHashes[slot] == hash && sameBytes(other, source, from, length)) {
                return lines[other];
            }
            slot = (slot + 1) & mask;
        }
        append(source, from, length, line);
        table[slot] = size;
        slotHashes[slot] = hash;
        if (++claimed * 2 > table.length) {
            rehash();
        }
        return NOT_FOUND;
    }

    /** {@link #claim(byte[], int, int, int)} for an id given as a String. */
    int claim(String id, int line) {
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        return claim(utf8, 0, utf8.length, line);
    }

    /** Adds an id chosen by the service (unique by construction: no check). */
    void addChosen(String id, int line) {
        byte[] ascii = id.getBytes(StandardCharsets.ISO_8859_1);
        append(ascii, 0, ascii.length, line);
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int start = index == 0 ? 0 : ends[index - 1];
        return new String(bytes, start, ends[index] - start, StandardCharsets.UTF_8);
    }

    @Override
    public int size() {
        return size;
    }

    private void append(byte[] source, int from, int length, int line) {
        if (used + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, used + length));
        }
        System.arraycopy(source, from, bytes, used, length);
        used += length;
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, 2 * size);
            lines = Arrays.copyOf(lines, 2 * size);
        }
        ends[size] = used;
        lines[size] = line;
        size++;
    }

    private boolean sameBytes(int index, byte[] source, int from, int length) {
        int start = index == 0 ? 0 : ends[index - 1];
        return ends[index] - start == length
                && Arrays.equals(bytes, start, start + length, source, from, from + length);
    }

    private void rehash() {
        int[] bigger = new int[table.length * 2];
        int[] biggerHashes = new int[bigger.length];
        int mask = bigger.length - 1;
        for (int i = 0; i < table.length; i++) {
            if (table[i] != 0) {
                int slot = slotHashes[i] & mask;
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = table[i];
                biggerHashes[slot] = slotHashes[i];
            }
        }
        table = bigger;
        slotHashes = biggerHashes;
    }

    private static int hash(byte[] b, int from, int length) {
        int h = 1;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }
}
