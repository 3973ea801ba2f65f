package dev.streamtune.ingest.validation;

/**
 * Rules for the text fields of a sample and a spec: non-empty, bounded length, valid Unicode, no control
 * characters. Each check returns the reason it fails, or {@code null} when the value is fine.
 */
public final class TextRules {

    private TextRules() {}

    /**
     * Sample text: at least one non-whitespace character, at most {@code maxLength} code points, no control
     * characters except tab, line feed and carriage return.
     */
    public static String checkText(String text, int maxLength) {
        if (text.isBlank()) {
            return text.isEmpty() ? "must not be empty" : "must not be only whitespace";
        }
        String length = checkLength(text, maxLength);
        return length != null ? length : checkCharacters(text, true);
    }

    /** Labels and ids: non-blank, at most {@code maxLength} code points, no control characters at all. */
    public static String checkName(String value, int maxLength) {
        if (value.isBlank()) {
            return value.isEmpty() ? "must not be empty" : "must not be only whitespace";
        }
        String length = checkLength(value, maxLength);
        return length != null ? length : checkCharacters(value, false);
    }

    private static String checkLength(String value, int maxLength) {
        if (value.length() <= maxLength) {
            return null; // code points <= chars
        }
        int codePoints = value.codePointCount(0, value.length());
        return codePoints > maxLength
                ? "is " + codePoints + " characters long; at most " + maxLength + " are allowed"
                : null;
    }

    private static String checkCharacters(String value, boolean allowLineBreaksAndTabs) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate at position " + i;
            }
            if (Character.isISOControl(c) && !(allowLineBreaksAndTabs && (c == '\t' || c == '\n' || c == '\r'))) {
                return String.format("contains control character U+%04X at position %d", (int) c, i);
            }
        }
        return null;
    }
}
