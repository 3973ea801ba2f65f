package dev.streamtune.core.backbone;

import ai.djl.huggingface.tokenizers.Encoding;

/**
 * A tokenized batch as an encoder's three {@code [batch, seq]} row-major inputs.
 *
 * @param ids token ids
 * @param mask attention mask, 1 for a real token and 0 for padding
 * @param types token type ids (all 0 for single sentences)
 * @param batch number of texts
 * @param seq tokens per text, padding included
 */
public record TokenBatch(long[] ids, long[] mask, long[] types, int batch, int seq) {

    /**
     * Flattens tokenizer encodings that are padded to one length.
     *
     * @throws IllegalArgumentException when there are no encodings or their lengths differ
     */
    public static TokenBatch of(Encoding[] encodings) {
        if (encodings.length == 0) {
            throw new IllegalArgumentException("no encodings to batch");
        }
        int batch = encodings.length;
        int seq = encodings[0].getIds().length;
        long[] ids = new long[batch * seq];
        long[] mask = new long[batch * seq];
        long[] types = new long[batch * seq];
        for (int b = 0; b < batch; b++) {
            Encoding e = encodings[b];
            if (e.getIds().length != seq) {
                throw new IllegalArgumentException("encodings must be padded to one length: row " + b + " has "
                        + e.getIds().length + " tokens, row 0 has " + seq);
            }
            System.arraycopy(e.getIds(), 0, ids, b * seq, seq);
            System.arraycopy(e.getAttentionMask(), 0, mask, b * seq, seq);
            System.arraycopy(e.getTypeIds(), 0, types, b * seq, seq);
        }
        return new TokenBatch(ids, mask, types, batch, seq);
    }

    /** The {@code [batch, seq]} shape. */
    public long[] shape() {
        return new long[] {batch, seq};
    }
}
