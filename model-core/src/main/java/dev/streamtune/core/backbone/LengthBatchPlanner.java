package dev.streamtune.core.backbone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a list of texts into encoder calls so that little work is spent on padding. A transformer batch is padded
 * to its longest text, so a batch of mixed lengths pays for {@code size × longest} token rows while only the sum of
 * the lengths is useful (on WordNet glosses about half). The planner sorts the texts by estimated length and cuts
 * the sorted run where that is cheaper, by dynamic programming over the cost model
 * {@code cost(call) = callOverheadRows + size × longestRows}: one call per chunk is better while its overhead
 * (fixed per-call work and smaller, less efficient matrix products) outweighs the padding it saves.
 *
 * <p>Lengths are estimated from characters (about {@value #CHARS_PER_TOKEN} per word-piece on English text, plus
 * the two special tokens, capped at the encoder's maximum), so planning costs no tokenisation. Each text's vector
 * does not depend on its batch companions (padding is masked), so the plan changes cost, not results.
 */
public final class LengthBatchPlanner {

    /** Characters per word-piece token assumed by the length estimate. */
    public static final int CHARS_PER_TOKEN = 4;
    /**
     * Default fixed cost of one encoder call, in token rows. Measured on MiniLM with one ONNX Runtime thread, batches
     * of 19 and 32 shuffled WordNet glosses: 16 to 48 rows all ran 1.3 to 2 times faster than no grouping; 0 (a call
     * per length) lost the gain again.
     */
    public static final int DEFAULT_CALL_OVERHEAD_ROWS = 24;

    private final int maxBatch;
    private final int maxTokens;
    private final int callOverheadRows;

    /**
     * @param maxBatch most texts per call
     * @param maxTokens the encoder's truncation length (longer texts cost this much)
     * @param callOverheadRows fixed cost of a call in token rows; 0 splits wherever padding can be saved;
     *     {@link Integer#MAX_VALUE} plans consecutive chunks of {@code maxBatch} in input order (no grouping)
     */
    public LengthBatchPlanner(int maxBatch, int maxTokens, int callOverheadRows) {
        if (maxBatch < 1 || maxTokens < 1 || callOverheadRows < 0) {
            throw new IllegalArgumentException("maxBatch and maxTokens must be at least 1 and callOverheadRows at least 0,"
                    + " got " + maxBatch + ", " + maxTokens + ", " + callOverheadRows);
        }
        this.maxBatch = maxBatch;
        this.maxTokens = maxTokens;
        this.callOverheadRows = callOverheadRows;
    }

    /** The estimated token count of {@code text} (special tokens included, capped at the maximum length). */
    public int estimateTokens(String text) {
        return Math.min(maxTokens, 2 + (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }

    /**
     * The calls to make: each an array of indices into {@code texts}; every index appears exactly once. Chunks hold
     * texts of similar length, at most {@code maxBatch} each, shortest first.
     */
    public List<int[]> plan(List<String> texts) {
        int n = texts.size();
        if (callOverheadRows == Integer.MAX_VALUE) {
            return inInputOrder(n);
        }
        int[] tokens = new int[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = estimateTokens(texts.get(i));
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(i -> tokens[i]));
        // best[j]: cheapest cost of the first j sorted texts; cut[j]: where the last chunk of that plan starts
        long[] best = new long[n + 1];
        int[] cut = new int[n + 1];
        for (int j = 1; j <= n; j++) {
            best[j] = Long.MAX_VALUE;
            long longest = tokens[order[j - 1]];
            for (int i = Math.max(0, j - maxBatch); i < j; i++) {
                long cost = best[i] + callOverheadRows + (j - i) * longest;
                if (cost < best[j]) {
                    best[j] = cost;
                    cut[j] = i;
                }
            }
        }
        List<int[]> chunks = new ArrayList<>();
        for (int j = n; j > 0; j = cut[j]) {
            int[] chunk = new int[j - cut[j]];
            for (int k = 0; k < chunk.length; k++) {
                chunk[k] = order[cut[j] + k];
            }
            chunks.add(chunk);
        }
        Collections.reverse(chunks);
        return chunks;
    }

    private List<int[]> inInputOrder(int n) {
        List<int[]> chunks = new ArrayList<>();
        for (int from = 0; from < n; from += maxBatch) {
            int[] chunk = new int[Math.min(maxBatch, n - from)];
            int start = from;
            Arrays.setAll(chunk, k -> start + k);
            chunks.add(chunk);
        }
        return chunks;
    }
}
