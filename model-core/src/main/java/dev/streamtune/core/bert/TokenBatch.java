package dev.streamtune.core.bert;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Token ids of a batch of texts padded to one length, as BERT takes them: row-major {@code [batch, seq]} arrays.
 *
 * @param batch number of texts
 * @param seq tokens per row, padding included
 * @param ids word-piece ids
 * @param mask 1 for a real token, 0 for padding
 * @param types token-type (segment) ids
 */
public record TokenBatch(int batch, int seq, long[] ids, long[] mask, long[] types) {

    public TokenBatch {
        if (batch < 1 || seq < 1) {
            throw new IllegalArgumentException("a token batch needs at least one row and one token, was " + batch
                    + " x " + seq);
        }
        int size = batch * seq;
        if (ids.length != size || mask.length != size || types.length != size) {
            throw new IllegalArgumentException("ids, mask and types must each hold " + batch + " x " + seq + " = "
                    + size + " entries, got " + ids.length + ", " + mask.length + ", " + types.length);
        }
    }

    /**
     * The batch of tokenizer encodings, which must be padded to one length (a batch encode pads to the longest).
     *
     * @throws IllegalArgumentException for no encodings or rows of different lengths (naming the row)
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
        return new TokenBatch(batch, seq, ids, mask, types);
    }

    /** Real (unmasked) tokens in row {@code row}. */
    public int length(int row) {
        int n = 0;
        for (int t = 0; t < seq; t++) {
            n += (int) mask[row * seq + t];
        }
        return n;
    }

    /** The attention mask as a float {@code [batch, seq]} array on {@code manager}. */
    public NDArray maskArray(NDManager manager) {
        float[] values = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            values[i] = mask[i];
        }
        return manager.create(values, new Shape(batch, seq));
    }
}
