package dev.streamtune.ingest.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import dev.streamtune.ingest.problem.ErrorList;
import dev.streamtune.ingest.validation.EntryRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The ids of a request's accepted samples, in order, with the entry each came from (NDJSON line or JSON batch
 * index); a client id may appear once per request. An NDJSON request may carry 100,000 and more samples, so the ids are not kept as that many String and map-entry
 * objects (which every young garbage collection during the request would copy) but as UTF-8 in one byte array,
 * with their ends, lines and an open-addressing hash table in int arrays. As a {@code List<String>} it is the
 * answer's id list, which Jackson writes straight from the UTF-8 bytes ({@link #serialize}); {@link #get} decodes
 * one id at a time.
 */
final class AcceptedIds extends AbstractList<String> implements RandomAccess, JsonSerializable {

    private static final int NOT_FOUND = -1;

    private byte[] bytes;
    private int used;
    /** Per id: where it ends in {@link #bytes}, and its entry (line or index). */
    private int[] ends;
    private int[] entries;
    private int size;
    /**
     * Open addressing, kept at most half full: a slot holds the id's hash in its high half (so most probes need
     * not compare bytes) and 1 + the id's index in its low half; 0 when free. One array, so a probe touches one
     * cache line: with 100,000 ids the table is far larger than the caches.
     */
    private long[] table;
    private int claimed;

    AcceptedIds() {
        this(0);
    }

    /** Sized up front for about {@code expectedIds} ids (it still grows past them). */
    AcceptedIds(int expectedIds) {
        int ids = Math.max(256, expectedIds);
        ends = new int[ids];
        entries = new int[ids];
        bytes = new byte[Math.max(8 * 1024, Math.min(ids * 32, 1 << 24))];
        int slots = Integer.highestOneBit(Math.max(512, ids * 2) - 1) << 1;
        table = new long[slots];
    }

    /**
     * Claims the client id of the entry {@code at} ({@code null}: it has none, nothing to claim); when an earlier
     * entry has it, records the error and returns {@code false}.
     */
    boolean claim(String id, EntryRef at, ErrorList errors) {
        if (id == null) {
            return true;
        }
        byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
        int position = at.line() != null ? at.line() : at.index() != null ? at.index() : 0;
        return untaken(claim(utf8, 0, utf8.length, position), id, at, errors);
    }

    /**
     * {@link #claim(String, EntryRef, ErrorList)} for the id of NDJSON line {@code line}, given as {@code length}
     * UTF-8 bytes from {@code from} (no String or entry is made unless the id is taken).
     */
    boolean claimOnLine(byte[] source, int from, int length, int line, ErrorList errors) {
        int earlier = claim(source, from, length, line);
        return earlier == NOT_FOUND
                || untaken(earlier, new String(source, from, length, StandardCharsets.UTF_8), EntryRef.line(line), errors);
    }

    /** {@code true} when no earlier entry had the id; else records the error of entry {@code at}. */
    private static boolean untaken(int earlier, String id, EntryRef at, ErrorList errors) {
        if (earlier == NOT_FOUND) {
            return true;
        }
        String where = at.line() != null ? "line " + earlier : "index " + earlier;
        errors.add(at.error("id", "'" + id + "' is already the id of the sample at " + where));
        return false;
    }

    /**
     * Adds a client's id, given as {@code length} UTF-8 bytes of {@code source} from {@code from}, for the sample
     * at {@code entry}.
     *
     * @return {@code -1} when added; otherwise the entry of the earlier sample with this id (nothing is added)
     */
    int claim(byte[] source, int from, int length, int entry) {
        int hash = hash(source, from, length);
        int mask = table.length - 1;
        int slot = hash & mask;
        long taken;
        while ((taken = table[slot]) != 0) {
            int other = (int) taken - 1;
            if ((int) (taken >>> 32) == hash && sameBytes(other, source, from, length)) {
                return entries[other];
            }
            slot = (slot + 1) & mask;
        }
        append(source, from, length, entry);
        table[slot] = ((long) hash << 32) | size;
        if (++claimed * 2 > table.length) {
            rehash();
        }
        return NOT_FOUND;
    }

    /** Adds an id chosen by the service (unique by construction: no check). */
    void addChosen(String id, int entry) {
        byte[] ascii = id.getBytes(StandardCharsets.ISO_8859_1);
        append(ascii, 0, ascii.length, entry);
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

    /** Writes the ids as a JSON array of strings, from their UTF-8 bytes (escaped where JSON needs it). */
    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        boolean utf8 = gen instanceof UTF8JsonGenerator; // a generator over chars cannot take UTF-8 bytes
        gen.writeStartArray(this, size);
        for (int i = 0; i < size; i++) {
            int start = i == 0 ? 0 : ends[i - 1];
            if (utf8) {
                gen.writeUTF8String(bytes, start, ends[i] - start);
            } else {
                gen.writeString(get(i));
            }
        }
        gen.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }

    private void append(byte[] source, int from, int length, int entry) {
        if (used + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, used + length));
        }
        System.arraycopy(source, from, bytes, used, length);
        used += length;
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, 2 * size);
            entries = Arrays.copyOf(entries, 2 * size);
        }
        ends[size] = used;
        entries[size] = entry;
        size++;
    }

    private boolean sameBytes(int index, byte[] source, int from, int length) {
        int start = index == 0 ? 0 : ends[index - 1];
        return ends[index] - start == length
                && Arrays.equals(bytes, start, start + length, source, from, from + length);
    }

    private void rehash() {
        long[] bigger = new long[table.length * 2];
        int mask = bigger.length - 1;
        for (long taken : table) {
            if (taken != 0) {
                int slot = (int) (taken >>> 32) & mask;
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = taken;
            }
        }
        table = bigger;
    }

    private static int hash(byte[] b, int from, int length) {
        int h = 1;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }
}
