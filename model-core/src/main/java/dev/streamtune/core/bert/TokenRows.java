package dev.streamtune.core.bert;

import dev.streamtune.core.backbone.TokenBatch;
import java.util.List;

/**
 * Raw token ids of one text as a fixed-width float row (ids are exact in float32 up to 2^24; BERT vocabularies
 * are far smaller), padded with id 0 ({@code [PAD]}, which never occurs among a text's real tokens). This lets the
 * replay buffer and the holdout set, which store fixed-width rows, keep the inputs a trainable encoder needs.
 */
public final class TokenRows {

    private TokenRows() {}

    /**
     * {@code ids} padded to {@code width}.
     *
     * @throws IllegalArgumentException for no ids, more than {@code width}, or a padding id among them
     */
    public static float[] row(long[] ids, int width) {
        if (ids.length == 0 || ids.length > width) {
            throw new IllegalArgumentException(ids.length + " token ids do not fit a row of " + width);
        }
        float[] row = new float[width];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] <= 0 || ids[i] >= 1 << 24) {
                throw new IllegalArgumentException("token id " + ids[i] + " at " + i + " cannot be stored");
            }
            row[i] = ids[i];
        }
        return row;
    }

    /** Real tokens in {@code row}: those before the first padding id. */
    public static int length(float[] row) {
        int n = 0;
        while (n < row.length && row[n] != 0f) {
            n++;
        }
        return n;
    }

    /**
     * The rows as one batch padded to the longest (mask 1 on real tokens, token types 0).
     *
     * @throws IllegalArgumentException for no rows or a row without tokens
     */
    public static TokenBatch batch(List<float[]> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no token rows to batch");
        }
        int seq = 0;
        for (float[] row : rows) {
            int n = length(row);
            if (n == 0) {
                throw new IllegalArgumentException("a token row holds no tokens");
            }
            seq = Math.max(seq, n);
        }
        int batch = rows.size();
        long[] ids = new long[batch * seq];
        long[] mask = new long[batch * seq];
        for (int b = 0; b < batch; b++) {
            float[] row = rows.get(b);
            for (int i = 0, n = length(row); i < n; i++) {
                ids[b * seq + i] = (long) row[i];
                mask[b * seq + i] = 1;
            }
        }
        return new TokenBatch(ids, mask, new long[batch * seq], batch, seq);
    }
}
