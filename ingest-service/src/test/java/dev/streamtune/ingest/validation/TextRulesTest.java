package dev.streamtune.ingest.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void acceptsTextWithLineBreaksTabsAndSurrogatePairs() {
        assertNull(TextRules.checkText("line one\nline two\r\n\tindented 😀", 100));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        assertNull(TextRules.checkText("😀".repeat(5), 5));
        assertEquals("is 6 characters long; at most 5 are allowed", TextRules.checkText("😀".repeat(6), 5));
    }

    @Test
    void rejectsControlCharactersInNamesIncludingLineBreaks() {
        assertEquals("contains control character U+000A at position 1", TextRules.checkName("a\nb", 10));
        assertEquals("contains control character U+009F at position 0", TextRules.checkText("\u009f", 10));
    }

    @Test
    void rejectsEmptyBlankAndUnpairedSurrogates() {
        assertEquals("must not be empty", TextRules.checkName("", 10));
        assertEquals("must not be only whitespace", TextRules.checkText(" \n ", 10));
        assertEquals("contains an unpaired UTF-16 surrogate at position 1", TextRules.checkText("a\udc00", 10));
    }
}
