package dev.streamtune.ingest.service;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.streamtune.ingest.validation.PlainTextSampleLine;
import java.nio.charset.StandardCharsets;

/**
 * Writes the samples-topic value of a line that {@link PlainTextSampleLine} accepted by copying the text and label
 * bytes straight from the line: the same bytes {@link SampleRecordJson} writes for that sample (a test holds the
 * two equal), without decoding the text into a String and encoding it again. The fixed parts around the values
 * are prepared once per request. Not thread-safe: one instance per request.
 */
final class SampleValueSplicer {

    private static final byte[] OPEN_ID = ascii("{\"id\":\"");
    private static final byte[] LABEL = ascii("\",\"label\":\"");
    private static final byte[] PRODUCED_AT = ascii("\",\"producedAt\":");
    private static final byte[] INGESTED_AT = ascii(",\"ingestedAt\":");

    /** {@code ","model":"<model>","text":"}: everything between the id and the text. */
    private final byte[] modelToText;
    private long lastValue = -1;
    private byte[] lastDigits;
    private long previousValue = -1;
    private byte[] previousDigits;

    SampleValueSplicer(String model) {
        byte[] quoted = JsonStringEncoder.getInstance().quoteAsUTF8(model);
        byte[] head = ascii("\",\"model\":\"");
        byte[] tail = ascii("\",\"text\":\"");
        modelToText = new byte[head.length + quoted.length + tail.length];
        System.arraycopy(head, 0, modelToText, 0, head.length);
        System.arraycopy(quoted, 0, modelToText, head.length, quoted.length);
        System.arraycopy(tail, 0, modelToText, head.length + quoted.length, tail.length);
    }

    /**
     * The JSON value of the sample in {@code line}.
     *
     * @param id the bytes holding the sample's id (the client's, or one chosen for it): printable ASCII without
     *     quotes or backslashes
     * @param idFrom where the id starts in {@code id}
     * @param idLength how many bytes the id has
     * @param producedAt the client's epoch millis, or {@code ingestedAt} when it sent none
     */
    byte[] value(PlainTextSampleLine line, byte[] id, int idFrom, int idLength, long producedAt, long ingestedAt) {
        byte[] produced = digits(producedAt);
        byte[] ingested = digits(ingestedAt);
        int size = OPEN_ID.length + idLength + modelToText.length + line.textLength() + LABEL.length
                + line.labelLength() + PRODUCED_AT.length + produced.length + INGESTED_AT.length + ingested.length + 1;
        byte[] out = new byte[size];
        int at = put(OPEN_ID, out, 0);
        System.arraycopy(id, idFrom, out, at, idLength);
        at += idLength;
        at = put(modelToText, out, at);
        System.arraycopy(line.bytes(), line.textFrom(), out, at, line.textLength());
        at += line.textLength();
        at = put(LABEL, out, at);
        System.arraycopy(line.bytes(), line.labelFrom(), out, at, line.labelLength());
        at += line.labelLength();
        at = put(PRODUCED_AT, out, at);
        at = put(produced, out, at);
        at = put(INGESTED_AT, out, at);
        at = put(ingested, out, at);
        out[at] = '}';
        return out;
    }

    private static int put(byte[] part, byte[] out, int at) {
        System.arraycopy(part, 0, out, at, part.length);
        return at + part.length;
    }

    /**
     * The decimal digits of {@code v}, kept for the last two values asked for: within a request they are nearly
     * always the current millisecond (ingestedAt, and producedAt when the client sent none) or one client value.
     */
    private byte[] digits(long v) {
        if (v == lastValue) {
            return lastDigits;
        }
        if (v == previousValue) {
            return previousDigits;
        }
        previousValue = lastValue;
        previousDigits = lastDigits;
        lastValue = v;
        lastDigits = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
        return lastDigits;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
