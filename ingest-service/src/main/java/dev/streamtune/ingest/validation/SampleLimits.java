package dev.streamtune.ingest.validation;

import dev.streamtune.ingest.config.IngestConfig;

/**
 * The per-sample limits validation enforces.
 *
 * @param maxTextLength longest text, in code points
 * @param maxLabelLength longest label, in code points
 * @param maxIdLength longest client id, in code points
 * @param maxImageBytes largest decoded image
 * @param maxImagePixels largest image, width x height
 */
public record SampleLimits(int maxTextLength, int maxLabelLength, int maxIdLength, long maxImageBytes,
        long maxImagePixels) {

    /** Room for JSON keys, escapes and the small fields around the text and image of one NDJSON line. */
    private static final int LINE_OVERHEAD = 64 * 1024;

    /** The limits configured for the service. */
    public static SampleLimits from(IngestConfig.LimitSettings limits) {
        return new SampleLimits(limits.maxTextLength(), limits.maxLabelLength(), limits.maxIdLength(),
                limits.maxImageSize().asLongValue(), limits.maxImagePixels());
    }

    /**
     * The longest NDJSON line a valid sample can need: the base64 of the largest image or the largest text with
     * every character escaped as {@code \\uXXXX} (6 bytes), whichever is larger, plus room for the other fields.
     */
    public int maxLineBytes() {
        long image = (maxImageBytes + 2) / 3 * 4;
        long text = 6L * maxTextLength;
        long longest = Math.max(image, text) + 6L * (maxLabelLength + maxIdLength) + LINE_OVERHEAD;
        return (int) Math.min(Integer.MAX_VALUE - 8, longest);
    }
}
