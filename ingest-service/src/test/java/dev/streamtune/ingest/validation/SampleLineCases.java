package dev.streamtune.ingest.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.Strategy;
import dev.streamtune.contracts.Task;
import dev.streamtune.ingest.problem.ErrorList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sample lines for the tests of the NDJSON fast paths, which may only ever agree with the full path: lines it
 * accepts and lines it rejects, under small limits (text 50, label 16, id 16 code points).
 */
public final class SampleLineCases {

    public static final SampleLimits LIMITS = new SampleLimits(50, 16, 16, 1 << 20, 1 << 20);
    public static final ModelSpec OPEN = new ModelSpec("open", Task.TEXT_CLASSIFICATION, "minilm-l6-v2",
            Strategy.FEATURE_EXTRACTION, null, null, null, 1, 0);
    public static final ModelSpec CLOSED = new ModelSpec("closed", Task.TEXT_CLASSIFICATION, "minilm-l6-v2",
            Strategy.FEATURE_EXTRACTION, List.of("cat", "dog"), null, null, 1, 0);
    public static final ModelSpec IMAGES = new ModelSpec("img", Task.IMAGE_CLASSIFICATION, "fashion-cnn",
            Strategy.FEATURE_EXTRACTION, null, null, null, 1, 0);

    /** Lines the full path accepts for {@link #OPEN}. */
    public static final List<String> VALID = List.of(
            "{\"text\":\"a real gloss\",\"label\":\"noun.animal\"}",
            "{\"id\":\"wn-1\",\"text\":\"x\",\"label\":\"l\",\"producedAt\":1700000000000}",
            " { \"label\" : \"l\" , \"text\" : \"tab\\tand \\u00e9\\ud83d\\ude00\" } ",
            "{\"text\":\"ok\",\"label\":\"l\",\"producedAt\":0}",
            "{\"text\":\"caf\u00e9 \u4e2d\u6587 \ud83d\ude00 \u00a0\",\"label\":\"l\",\"id\":\"a b\"}",
            "{\"text\":\"\u00a0\",\"label\":\"l\"}",
            "{\"text\":\"" + "t".repeat(49) + "\u00e9\",\"label\":\"" + "l".repeat(16) + "\"}",
            "{\"text\":\"quote \\\" and slash \\/\",\"label\":\"l\"}",
            "{\"text\":\"\u0800\uffff\ud800\udc00\udbff\udfff\",\"label\":\"l\"}",
            "\t{\"text\":\"a\"\t,\"label\":\"l\"}\t",
            "{\"text\":\"say \\\"hi\\\" \\\\ back\\nslash\\tand\\r\",\"label\":\"l\"}",
            "{\"text\":\"\\n\u00a0\",\"label\":\"l\"}",
            "{\"text\":\"a\",\"label\":\"l\\\"x\"}");

    /** Lines the full path rejects for {@link #OPEN}. */
    public static final List<String> INVALID = List.of(
            "", "[]", "\"text\"", "{", "{}", "{\"text\":\"a\",\"label\":\"l\"} x", "{\"text\":\"a\",\"label\":\"l\"}{}",
            "{\"text\":\"a\"}", "{\"label\":\"l\"}", "{\"text\":\"\",\"label\":\"l\"}", "{\"text\":\"  \",\"label\":\"l\"}",
            "{\"text\":\"\u3000 \u2003\",\"label\":\"l\"}", "{\"text\":\"\\n\\t \\r\",\"label\":\"l\"}",
            "{\"text\":\"\\n\u3000\",\"label\":\"l\"}", "{\"text\":\"bad \\x escape\",\"label\":\"l\"}",
            "{\"text\":\"a\",\"label\":\"\"}", "{\"text\":\"a\",\"label\":\" \"}", "{\"text\":\"a\",\"label\":\"l\",\"label\":\"m\"}",
            "{\"text\":\"a\",\"label\":\"l\",\"extra\":1}", "{\"text\":1,\"label\":\"l\"}", "{\"text\":null,\"label\":\"l\"}",
            "{\"text\":\"a\",\"label\":[\"l\"]}", "{\"text\":{\"x\":1},\"label\":\"l\"}", "{\"text\":\"a\",\"label\":\"l\",\"image\":null}",
            "{\"text\":\"a\",\"label\":\"l\",\"image\":\"AAAA\"}", "{\"text\":\"a\",\"label\":\"l\",\"producedAt\":-1}",
            "{\"text\":\"a\",\"label\":\"l\",\"producedAt\":1.5}", "{\"text\":\"a\",\"label\":\"l\",\"producedAt\":\"1\"}",
            "{\"text\":\"a\",\"label\":\"l\",\"producedAt\":01}", "{\"text\":\"a\",\"label\":\"l\",\"producedAt\":1e3}",
            "{\"text\":\"a\",\"label\":\"l\",\"producedAt\":}",
            "{\"text\":\"a\",\"label\":\"l\",\"producedAt\":99999999999999999999999}", "{\"text\":\"a\",\"label\":\"l\",\"id\":\"\"}",
            "{\"text\":\"a\",\"label\":\"l\",\"id\":7}", "{\"text\":\"a\",\"label\":\"l\",\"id\":\"" + "i".repeat(17) + "\"}",
            "{\"text\":\"" + "t".repeat(51) + "\",\"label\":\"l\"}", "{\"text\":\"" + "\u00e9".repeat(51) + "\",\"label\":\"l\"}",
            "{\"text\":\"a\",\"label\":\"" + "l".repeat(17) + "\"}",
            "{\"text\":\"bell\\u0007\",\"label\":\"l\"}", "{\"text\":\"del\u007f\",\"label\":\"l\"}",
            "{\"text\":\"c1\u0085\",\"label\":\"l\"}", "{\"text\":\"raw\ttab\",\"label\":\"l\"}",
            "{\"text\":\"lone \\ud83d\",\"label\":\"l\"}", "{\"text\":\"a\",\"label\":\"new\\nline\"}",
            "{\"text\":\"a\",\"label\":\"l\u0085\"}", "{\"text\":\"unterminated,\"label\":\"l\"}",
            "{'text':'a','label':'l'}", "{\"text\":\"a\",\"label\":\"l\",}", "{\"text\" \"a\",\"label\":\"l\"}");

    /**
     * Byte lines (not expressible as Java strings) that are not well-formed UTF-8 text: an overlong encoding, a
     * UTF-8-encoded surrogate, a code point past U+10FFFF, a stray continuation byte, a cut sequence.
     */
    public static final List<byte[]> MALFORMED_UTF8 = List.of(
            textLine(0xc0, 0xaf), textLine(0xed, 0xa0, 0x80), textLine(0xf4, 0x90, 0x80, 0x80), textLine(0x80),
            textLine(0xe4, 0xb8), textLine(0xf8, 0x88, 0x80, 0x80, 0x80), textLine(0xe0, 0x80, 0xaf));

    private SampleLineCases() {}

    /** What the full path makes of {@code line}: the sample, or {@code null} when it finds any problem. */
    public static SampleDraft full(StrictJson strict, SampleValidator validator, String line, ModelSpec spec) {
        return full(strict, validator, line.getBytes(StandardCharsets.UTF_8), spec);
    }

    /** What the full path makes of the bytes {@code line}. */
    public static SampleDraft full(StrictJson strict, SampleValidator validator, byte[] line, ModelSpec spec) {
        JsonNode node;
        try {
            node = strict.parse(line, line.length);
        } catch (IOException e) {
            return null;
        }
        ErrorList errors = new ErrorList(10);
        SampleDraft draft = validator.validate(node, spec, EntryRef.line(1), errors);
        return errors.isEmpty() ? draft : null;
    }

    private static byte[] textLine(int... textBytes) {
        byte[] head = "{\"label\":\"l\",\"text\":\"x".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[head.length + textBytes.length + tail.length];
        System.arraycopy(head, 0, line, 0, head.length);
        for (int i = 0; i < textBytes.length; i++) {
            line[head.length + i] = (byte) textBytes[i];
        }
        System.arraycopy(tail, 0, line, head.length + textBytes.length, tail.length);
        return line;
    }
}
