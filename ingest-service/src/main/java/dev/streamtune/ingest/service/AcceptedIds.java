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
 * index); a client id may appear once per request. An NDJSON request may carry 100,000 and more samples, so the
 * ids are not kept as that many String and map-entry objects (which every young garbage collection during the
 * request would copy) but as UTF-8 in one byte array, with their ends and entries in int arrays. As a
 * {@code List<String>} it is the answer's id list, which Jackson writes straight from the UTF-8 bytes
 * ({@link #serialize}); {@link #get} decodes one id at a time.
 *
 * <p>Repeated client ids are found once, when the request has been read ({@link #reportRepeats}): by sorting the
 * ids' hashes, which runs through memory in order. A hash table probed per line was the largest cost of the NDJSON
 * path after Kafka itself: with 100,000 ids it outgrows the caches, and every probe between a line's parsing and
 * its send waited for memory. Nothing is lost by waiting: a request with a repeated id is rejected whole, and its
 * transaction aborted, like one with any other bad line.
 */
final class AcceptedIds extends AbstractList<String> implements RandomAccess, JsonSerializable {

    private final boolean lines;
    private byte[] bytes;
    private int used;
    /** Per id: where it ends in {@link #bytes}, and its entry (line or index). */
    private int[] ends;
    private int[] entries;
    private int size;
    /** Per client id (not the ids the service chose): its hash in the high half, its index here in the low half. */
    private long[] claims;
    private int claimed;

    private AcceptedIds(boolean lines, int expectedIds) {
        this.lines = lines;
        int ids = Math.max(256, expectedIds);
        ends = new int[ids];
        entries = new int[ids];
        claims = new long[ids];
        bytes = new byte[Math.max(8 * 1024, Math.min(ids * 32, 1 << 24))];
    }

    /** For the lines of an NDJSON body, sized up front for about {@code expectedIds} ids (it still grows past). */
    static AcceptedIds ofLines(int expectedIds) {
        return new AcceptedIds(true, expectedIds);
    }

    /** For the entries of a JSON batch. */
    static AcceptedIds ofIndices() {
        return new AcceptedIds(false, 0);
    }

    /** Adds the client id of the sample at {@code entry} ({@code null}: it has none, nothing is added). */
    void claim(String id, int entry) {
        if (id != null) {
            byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
            claim(utf8, 0, utf8.length, entry);
        }
    }

    /** Adds a client id, given as {@code length} UTF-8 bytes of {@code source} from {@code from}. */
    void claim(byte[] source, int from, int length, int entry) {
        if (claimed == claims.length) {
            claims = Arrays.copyOf(claims, 2 * claimed);
        }
        claims[claimed++] = ((long) hash(source, from, length) << 32) | size;
        append(source, from, length, entry);
    }

    /** Adds an id chosen by the service (unique by construction: never reported as repeated). */
    void addChosen(String id, int entry) {
        byte[] ascii = id.getBytes(StandardCharsets.ISO_8859_1);
        append(ascii, 0, ascii.length, entry);
    }

    /**
     * Records an error for every entry whose client id an earlier entry has, naming the first entry with it, in
     * entry order.
     *
     * @return how many entries repeat an earlier id
     */
    int reportRepeats(ErrorList errors) {
        long[] sorted = Arrays.copyOf(claims, claimed);
        Arrays.sort(sorted); // equal hashes end up together, in the order the ids were added
        long[] repeats = new long[0]; // (index of the repeat) << 32 | index of the first with its id
        int found = 0;
        for (int from = 0; from < sorted.length; ) {
            int to = from + 1;
            while (to < sorted.length && (sorted[to] >>> 32) == (sorted[from] >>> 32)) {
                to++;
            }
            if (to - from > 1) {
                long[] group = repeatsAmong(sorted, from, to);
                if (found + group.length > repeats.length) {
                    repeats = Arrays.copyOf(repeats, Math.max(2 * repeats.length, found + group.length));
                }
                System.arraycopy(group, 0, repeats, found, group.length);
                found += group.length;
            }
            from = to;
        }
        Arrays.sort(repeats, 0, found);
        for (int k = 0; k < found; k++) {
            int repeat = (int) (repeats[k] >>> 32);
            int first = (int) repeats[k];
            EntryRef at = lines ? EntryRef.line(entries[repeat]) : EntryRef.index(entries[repeat]);
            errors.add(at.error("id", "'" + get(repeat) + "' is already the id of the sample at "
                    + (lines ? "line " : "index ") + entries[first]));
        }
        return found;
    }

    /**
     * The repeats among ids with one hash ({@code sorted[from..to)}): sorted by their bytes, then by index, so each
     * run of equal ids starts with its first (a crafted flood of colliding ids costs n log n, not n squared).
     */
    private long[] repeatsAmong(long[] sorted, int from, int to) {
        Integer[] group = new Integer[to - from];
        for (int k = from; k < to; k++) {
            group[k - from] = (int) sorted[k];
        }
        Arrays.sort(group, (a, b) -> {
            int byBytes = Arrays.compare(bytes, start(a), ends[a], bytes, start(b), ends[b]);
            return byBytes != 0 ? byBytes : Integer.compare(a, b);
        });
        long[] repeats = new long[group.length];
        int found = 0;
        int first = group[0];
        for (int k = 1; k < group.length; k++) {
            int id = group[k];
            if (Arrays.equals(bytes, start(first), ends[first], bytes, start(id), ends[id])) {
                repeats[found++] = ((long) id << 32) | first;
            } else {
                first = id;
            }
        }
        return Arrays.copyOf(repeats, found);
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return new String(bytes, start(index), ends[index] - start(index), StandardCharsets.UTF_8);
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

    private int start(int index) {
        return index == 0 ? 0 : ends[index - 1];
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

    private static int hash(byte[] b, int from, int length) {
        int h = 1;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }
}
