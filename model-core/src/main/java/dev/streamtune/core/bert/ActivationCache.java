package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.streamtune.core.backbone.TokenBatch;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Frozen-layer outputs per sample: the token vectors a pretrained encoder produces below layer {@link #layer()},
 * computed once per sample id (without gradients) and reused by every later step, epoch and model whose tuned
 * layers start there (e.g. fine-tune top-2 and LoRA top-2 share a layer-4 cache).
 *
 * <p>Only a sample's real tokens are kept ({@code length x hidden} floats); batches are re-padded with zeros,
 * which does not change the real tokens' results because padding is masked out of attention and pooling. Least
 * recently used entries are evicted past {@code capacity}. Not thread-safe.
 */
public final class ActivationCache {

    private record Entry(String text, int length, float[] states) {}

    private final MiniLmEncoder base;
    private final int layer;
    private final int capacity;
    private final ActivationCache below;
    private final Map<String, Entry> entries;
    private long hits;
    private long misses;

    /**
     * @param base the frozen encoder
     * @param layer the first layer not run by the cache (0 caches the embedding output)
     * @param capacity most samples kept
     */
    public ActivationCache(MiniLmEncoder base, int layer, int capacity) {
        this(base, layer, capacity, null);
    }

    /**
     * A cache that computes its entries from {@code below}'s (running only the layers between the two), e.g. a
     * layer-6 cache for feature extraction on top of the layer-4 cache of top-2 fine-tuning.
     *
     * @throws IllegalArgumentException when {@code below} belongs to another encoder or is not below {@code layer}
     */
    public ActivationCache(ActivationCache below, int layer, int capacity) {
        this(below.base, layer, capacity, below);
        if (below.layer > layer) {
            throw new IllegalArgumentException("cache of layer " + below.layer + " is not below layer " + layer);
        }
    }

    private ActivationCache(MiniLmEncoder base, int layer, int capacity, ActivationCache below) {
        if (layer < 0 || layer > base.config().layers()) {
            throw new IllegalArgumentException("cache layer " + layer + " is outside 0.." + base.config().layers());
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1, was " + capacity);
        }
        this.base = base;
        this.layer = layer;
        this.capacity = capacity;
        this.below = below;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > ActivationCache.this.capacity;
            }
        };
    }

    /** The layer whose input is cached. */
    public int layer() {
        return layer;
    }

    /** Samples cached. */
    public int size() {
        return entries.size();
    }

    /** Lookups answered from the cache. */
    public long hits() {
        return hits;
    }

    /** Lookups that ran the frozen layers. */
    public long misses() {
        return misses;
    }

    /**
     * Computes the entries of {@code examples} not cached yet, {@code batchSize} texts per forward pass (e.g. to
     * fill the cache before training, so steps only read it).
     *
     * @throws IllegalArgumentException when an id was cached with a different text
     */
    public void fill(List<LabeledText> examples, int batchSize) {
        try (NDManager scratch = base.newModelManager()) {
            for (int from = 0; from < examples.size(); from += batchSize) {
                try (NDManager step = scratch.newSubManager()) {
                    batch(step, examples.subList(from, Math.min(from + batchSize, examples.size())));
                }
            }
        }
    }

    /**
     * The frozen-layer batch for {@code examples} on {@code on}, computing the samples not cached yet.
     *
     * @throws IllegalArgumentException when an id was cached with a different text
     */
    public FrozenBatch batch(NDManager on, List<LabeledText> examples) {
        Entry[] rows = new Entry[examples.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            LabeledText example = examples.get(i);
            rows[i] = entries.get(example.id());
            if (rows[i] == null) {
                missing.add(i);
            } else if (!rows[i].text().equals(example.text())) {
                throw new IllegalArgumentException("sample " + example.id() + " was cached with another text");
            }
        }
        hits += rows.length - missing.size();
        misses += missing.size();
        if (!missing.isEmpty()) {
            compute(on, examples, missing, rows);
        }
        return assemble(on, rows);
    }

    private void compute(NDManager on, List<LabeledText> examples, List<Integer> missing, Entry[] rows) {
        List<LabeledText> todo = missing.stream().map(examples::get).toList();
        int dim = base.config().hidden();
        float[] states;
        int[] lengths;
        try (NDManager scratch = on.newSubManager()) {
            FrozenBatch computed = below != null ? lift(scratch, todo) : FrozenBatch.compute(base, layer, scratch,
                    base.tokenize(todo.stream().map(LabeledText::text).toList()));
            states = computed.hidden().toFloatArray();
            lengths = computed.lengths();
        }
        int seq = states.length / (todo.size() * dim);
        for (int row = 0; row < todo.size(); row++) {
            float[] kept = new float[lengths[row] * dim];
            System.arraycopy(states, row * seq * dim, kept, 0, kept.length);
            Entry entry = new Entry(todo.get(row).text(), lengths[row], kept);
            rows[missing.get(row)] = entry;
            entries.put(todo.get(row).id(), entry);
        }
    }

    /** {@code below}'s entries run through the layers from its layer up to this one, without gradients. */
    private FrozenBatch lift(NDManager on, List<LabeledText> examples) {
        FrozenBatch input = below.batch(on, examples);
        try (Autograd.Guard noGrad = Autograd.noGrad()) {
            NDArray hidden = base.run(input.hidden(), input.attentionBias(), below.layer, layer);
            return new FrozenBatch(hidden, input.attentionBias(), input.mask());
        }
    }

    private FrozenBatch assemble(NDManager on, Entry[] rows) {
        int dim = base.config().hidden();
        int seq = 1;
        for (Entry entry : rows) {
            seq = Math.max(seq, entry.length());
        }
        float[] hidden = new float[rows.length * seq * dim];
        long[] mask = new long[rows.length * seq];
        for (int r = 0; r < rows.length; r++) {
            Entry entry = rows[r];
            System.arraycopy(entry.states(), 0, hidden, r * seq * dim, entry.states().length);
            for (int t = 0; t < entry.length(); t++) {
                mask[r * seq + t] = 1;
            }
        }
        TokenBatch shape = new TokenBatch(new long[mask.length], mask, new long[mask.length], rows.length, seq);
        NDArray states = on.create(FloatBuffer.wrap(hidden), new Shape(rows.length, seq, dim));
        return new FrozenBatch(states, TokenMasks.attentionBias(on, shape), TokenMasks.floatMask(on, shape));
    }
}
