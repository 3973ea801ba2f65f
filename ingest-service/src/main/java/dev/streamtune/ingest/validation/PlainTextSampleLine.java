package dev.streamtune.ingest.validation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * The fastest path for the most common NDJSON line, a text sample such as
 * {@code {"id":"a-1","text":"a dog barked","label":"noun.animal"}}: it finds and checks the values where they lie in
 * the line's bytes, without a JSON parser and without decoding the text, so that the Kafka value can be spliced
 * from those bytes ({@code SampleValueSplicer}).
 *
 * <p>It accepts a line only when the line is a flat JSON object whose keys are {@code id}, {@code text},
 * {@code label} and {@code producedAt}, each at most once, whose strings are written as Jackson writes them (the id
 * and label without escapes, the text with at most {@code \" \\ \n \t \r}, so the bytes between the quotes are
 * exactly what Jackson would write for the value), and whose values pass every sample rule:
 * text: well-formed UTF-8 of characters in the Basic Multilingual Plane, not blank, at most {@code maxTextLength} code points, no control character; id and label:
 * printable ASCII, not blank, within their length limits, the label in the model's label set; producedAt: a
 * non-negative integer. On any other line {@link #scan} returns {@code false} and the caller takes the general path
 * ({@link FlatSampleParser}, then {@link StrictJson} + {@link SampleValidator}), which names the problems; so this
 * class never rejects anything on its own and changes no answer.
 *
 * <p>Not thread-safe: one instance reads one request's lines, and holds the last accepted line's fields.
 */
public final class PlainTextSampleLine {

    private static final int ID = 1;
    private static final int TEXT = 2;
    private static final int LABEL = 4;
    private static final int PRODUCED_AT = 8;
    /** Longest digit string that always fits a long. */
    private static final int MAX_DIGITS = 18;
    private static final byte[] KEY_ID = "id\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_TEXT = "text\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_LABEL = "label\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_PRODUCED_AT = "producedAt\"".getBytes(StandardCharsets.US_ASCII);

    private final SampleLimits limits;
    private final Predicate<String> allowedLabel;

    private byte[] line;
    private int pos;
    private int end;
    private int valueFrom;
    private int valueLength;
    /** Escape sequences in the last string read (only text may have them). */
    private int valueEscapes;
    /** Whether the last string read is printable ASCII (0x20..0x7E) only, without escapes. */
    private boolean valuePrintable;
    private int idFrom;
    private int idLength;
    private int textFrom;
    private int textLength;
    private int labelFrom;
    private int labelLength;
    private long producedAt;

    /**
     * @param limits the sample limits to enforce
     * @param allowedLabel whether the model accepts a label (its closed label set), or {@code null} when it
     *     accepts any
     */
    public PlainTextSampleLine(SampleLimits limits, Predicate<String> allowedLabel) {
        this.limits = limits;
        this.allowedLabel = allowedLabel;
    }

    /**
     * Reads {@code length} bytes of {@code buffer} as one sample line.
     *
     * @return {@code true} if it is a plain, valid text sample (its fields are then readable here until the next
     *     call); {@code false} if the general path must read it
     */
    public boolean scan(byte[] buffer, int length) {
        return scan(buffer, 0, length);
    }

    /** Like {@link #scan(byte[], int)} for {@code length} bytes of {@code buffer} from {@code offset}. */
    public boolean scan(byte[] buffer, int offset, int length) {
        line = buffer;
        pos = offset;
        end = offset + length;
        idFrom = -1;
        idLength = 0;
        producedAt = -1;
        int seen = 0;
        skipSpace();
        if (!take('{')) {
            return false;
        }
        skipSpace();
        if (pos < end && line[pos] == '}') {
            return false; // no fields: the general path says which are missing
        }
        while (true) {
            int field = key();
            if (field == 0 || (seen & field) != 0) {
                return false;
            }
            seen |= field;
            skipSpace();
            if (!take(':')) {
                return false;
            }
            skipSpace();
            if (!value(field)) {
                return false;
            }
            skipSpace();
            if (take('}')) {
                break;
            }
            if (!take(',')) {
                return false;
            }
            skipSpace();
        }
        skipSpace();
        return pos == end && (seen & (TEXT | LABEL)) == (TEXT | LABEL);
    }

    /** The client's id of the accepted line, or {@code null} when it has none. */
    public String id() {
        return idFrom < 0 ? null : new String(line, idFrom, idLength, StandardCharsets.ISO_8859_1);
    }

    /** Where the client's id (printable ASCII) starts in {@link #bytes()}, or -1 when the line has none. */
    public int idFrom() {
        return idFrom;
    }

    /** How many bytes the client's id has. */
    public int idLength() {
        return idLength;
    }

    /** The label of the accepted line. */
    public String label() {
        return new String(line, labelFrom, labelLength, StandardCharsets.ISO_8859_1);
    }

    /** The client's producedAt of the accepted line, or -1 when it has none. */
    public long producedAt() {
        return producedAt;
    }

    /** The line the fields below index into. */
    public byte[] bytes() {
        return line;
    }

    /**
     * Where the text's bytes start in {@link #bytes()}: the JSON string content between its quotes, which may hold
     * the escapes {@code \"}, {@code \\}, {@code \n}, {@code \t} and {@code \r}, exactly as Jackson writes them.
     */
    public int textFrom() {
        return textFrom;
    }

    /** How many bytes the text has. */
    public int textLength() {
        return textLength;
    }

    /** Where the label's bytes start in {@link #bytes()}. */
    public int labelFrom() {
        return labelFrom;
    }

    /** How many bytes the label has. */
    public int labelLength() {
        return labelLength;
    }

    /** The field a key names (its closing quote included), or 0 for any other key, escaped keys among them. */
    private int key() {
        if (!take('"') || pos >= end) {
            return 0;
        }
        return switch (line[pos]) {
            case 'i' -> rest(KEY_ID) ? ID : 0;
            case 't' -> rest(KEY_TEXT) ? TEXT : 0;
            case 'l' -> rest(KEY_LABEL) ? LABEL : 0;
            case 'p' -> rest(KEY_PRODUCED_AT) ? PRODUCED_AT : 0;
            default -> 0;
        };
    }

    /** Whether the line continues with {@code key} (name and closing quote); moves past it if so. */
    private boolean rest(byte[] key) {
        if (pos + key.length > end || !Arrays.equals(line, pos, pos + key.length, key, 0, key.length)) {
            return false;
        }
        pos += key.length;
        return true;
    }

    private boolean value(int field) {
        if (field == PRODUCED_AT) {
            return number();
        }
        if (!string(field == TEXT)) {
            return false;
        }
        switch (field) {
            case TEXT -> {
                textFrom = valueFrom;
                textLength = valueLength;
                return validText();
            }
            case LABEL -> {
                labelFrom = valueFrom;
                labelLength = valueLength;
                return printableAscii(limits.maxLabelLength()) && (allowedLabel == null || allowedLabel.test(label()));
            }
            default -> {
                idFrom = valueFrom;
                idLength = valueLength;
                return printableAscii(limits.maxIdLength());
            }
        }
    }

    /**
     * A string without raw control bytes, and without escapes unless {@code escapes} (then only those Jackson
     * writes the same way: {@code \" \\ \n \t \r}); sets {@code valueFrom}/{@code valueLength} to its content.
     */
    private boolean string(boolean escapes) {
        if (!take('"')) {
            return false;
        }
        int from = pos;
        valueEscapes = 0;
        valuePrintable = true;
        while (pos < end) {
            if (pos + Long.BYTES <= end && printableWord(ByteWords.word(line, pos))) {
                pos += Long.BYTES;
                continue;
            }
            byte b = line[pos];
            if (b == '"') {
                valueFrom = from;
                valueLength = pos - from;
                pos++;
                return true;
            }
            if (b == '\\') {
                if (!escapes || pos + 1 >= end || !keptEscape(line[pos + 1])) {
                    return false;
                }
                valueEscapes++;
                valuePrintable = false;
                pos += 2;
                continue;
            }
            if (b >= 0 && b < 0x20) {
                return false;
            }
            valuePrintable &= b >= 0x20 && b < 0x7f;
            pos++;
        }
        return false;
    }

    /**
     * Whether the 8 bytes of {@code w} are all printable ASCII other than {@code "} and {@code \}, tested at once
     * (the classic SWAR tests: a byte below 0x20, a byte with the high bit, a byte equal to a given value).
     */
    private static boolean printableWord(long w) {
        long special = ByteWords.below(w, 0x20) | w | ByteWords.equalTo(w, '"') | ByteWords.equalTo(w, '\\')
                | ByteWords.equalTo(w, 0x7f);
        return (special & ByteWords.HIGH_BITS) == 0;
    }

    /** Whether {@code \c} is an escape Jackson writes itself for that character (so the bytes can be copied). */
    private static boolean keptEscape(byte c) {
        return c == '"' || c == '\\' || c == 'n' || c == 't' || c == 'r';
    }

    /** Whether the value is 1 to {@code max} printable ASCII characters without escapes, and not only spaces. */
    private boolean printableAscii(int max) {
        return valuePrintable && valueLength > 0 && valueLength <= max && !allSpaces(valueFrom, valueLength);
    }

    /**
     * Text rules on the raw bytes: well-formed UTF-8 (shortest form, no surrogates, at most U+FFFF), no C0/C1
     * control or DEL, at most {@code maxTextLength} code points, and not blank in the sense of
     * {@link String#isBlank()}.
     */
    private boolean validText() {
        if (valuePrintable) {
            return textLength <= limits.maxTextLength() && !allSpaces(textFrom, textLength);
        }
        int codePoints = 0;
        boolean asciiNonSpace = false;
        boolean nonAscii = false;
        int i = textFrom;
        int stop = textFrom + textLength;
        while (i < stop) {
            int b = line[i] & 0xff;
            codePoints++;
            if (b == '\\') {
                byte escaped = line[i + 1]; // one of " \\ n t r (checked by string())
                asciiNonSpace |= escaped == '"' || escaped == '\\';
                i += 2;
                continue;
            }
            if (b < 0x80) {
                if (b == 0x7f) {
                    return false;
                }
                asciiNonSpace |= b != ' ';
                i++;
                continue;
            }
            nonAscii = true;
            int n = utf8SequenceLength(i, stop);
            if (n == 0) {
                return false;
            }
            i += n;
        }
        if (codePoints > limits.maxTextLength()) {
            return false;
        }
        // only whitespace and non-ASCII characters: decide exactly (U+3000 is blank, U+00A0 is not)
        return asciiNonSpace || (nonAscii && !unescapedText().isBlank());
    }

    /** Whether the {@code length} bytes from {@code from} are all ASCII spaces (true for none). */
    private boolean allSpaces(int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (line[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    /** The text as a String, its escapes ({@code \n \t \r} only, when it has no other ASCII) undone. */
    private String unescapedText() {
        String raw = new String(line, textFrom, textLength, StandardCharsets.UTF_8);
        return valueEscapes == 0 ? raw : raw.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r");
    }

    /** Length of the well-formed, non-control UTF-8 sequence of a BMP character starting at {@code i}, or 0. */
    private int utf8SequenceLength(int i, int stop) {
        int b = line[i] & 0xff;
        if (b >= 0xc2 && b <= 0xdf) {
            if (i + 1 >= stop || !continuation(i + 1)) {
                return 0;
            }
            // U+0080..U+009F are the C1 control characters
            return b == 0xc2 && (line[i + 1] & 0xff) < 0xa0 ? 0 : 2;
        }
        if (b >= 0xe0 && b <= 0xef) {
            if (i + 2 >= stop || !continuation(i + 1) || !continuation(i + 2)) {
                return 0;
            }
            int second = line[i + 1] & 0xff;
            if ((b == 0xe0 && second < 0xa0) || (b == 0xed && second >= 0xa0)) {
                return 0; // overlong, or a UTF-16 surrogate
            }
            return 3;
        }
        // 4-byte sequences (U+10000 and up, e.g. emoji) are left to the general path: Jackson writes them as an
        // escaped surrogate pair, so their bytes could not be copied as they are
        return 0;
    }

    private boolean continuation(int i) {
        return (line[i] & 0xc0) == 0x80;
    }

    /** A non-negative integer of at most {@value #MAX_DIGITS} digits, in JSON's form (no leading zero). */
    private boolean number() {
        int from = pos;
        long value = 0;
        while (pos < end && line[pos] >= '0' && line[pos] <= '9') {
            value = value * 10 + (line[pos] - '0');
            pos++;
        }
        int digits = pos - from;
        if (digits == 0 || digits > MAX_DIGITS || (digits > 1 && line[from] == '0')) {
            return false;
        }
        if (pos < end && (line[pos] == '.' || line[pos] == 'e' || line[pos] == 'E')) {
            return false;
        }
        producedAt = value;
        return true;
    }

    private boolean take(char c) {
        if (pos < end && line[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (pos < end) {
            byte b = line[pos];
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return;
            }
            pos++;
        }
    }
}
