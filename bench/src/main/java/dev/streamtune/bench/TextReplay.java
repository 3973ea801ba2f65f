package dev.streamtune.bench;

import dev.streamtune.core.bert.LabeledText;
import dev.streamtune.core.random.SplitMix64;
import dev.streamtune.core.replay.EmbeddingStore;
import dev.streamtune.core.replay.ReplayBuffer;
import dev.streamtune.core.replay.ReplayPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replay of raw texts for models whose encoder is trained (their embeddings change, so replaying stored vectors
 * would be wrong): the core {@link ReplayBuffer}'s class-balanced policy decides which sample ids to keep, and
 * this class keeps the texts of those ids. Replayed texts go through the model's current layers (their frozen
 * layers come from the activation cache).
 */
final class TextReplay {

    private static final float[] NO_FEATURES = {0f};

    private final ReplayBuffer buffer;
    private final SplitMix64 random;
    private final Map<String, LabeledText> texts = new HashMap<>();
    private final Map<String, Integer> classes = new HashMap<>();

    TextReplay(int capacity, long seed) {
        this.buffer = ReplayBuffer.create(ReplayPolicy.CLASS_BALANCED, capacity, 1, seed);
        this.random = new SplitMix64(seed + 1);
    }

    /** Offers one example; the buffer's policy decides whether it is kept. */
    void offer(LabeledText example) {
        int label = classes.computeIfAbsent(example.label(), k -> classes.size());
        if (buffer.offer(example.id(), NO_FEATURES, label)) {
            texts.put(example.id(), example);
            if (texts.size() > 2 * buffer.capacity()) {
                forgetEvicted();
            }
        }
    }

    private void forgetEvicted() {
        EmbeddingStore store = buffer.contents();
        Map<String, LabeledText> kept = new HashMap<>();
        for (int slot = 0; slot < store.size(); slot++) {
            kept.put(store.id(slot), texts.get(store.id(slot)));
        }
        texts.clear();
        texts.putAll(kept);
    }

    /** Up to {@code k} distinct stored examples drawn uniformly. */
    List<LabeledText> sample(int k) {
        EmbeddingStore store = buffer.contents();
        List<LabeledText> out = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (int slot = 0; slot < store.size(); slot++) {
            slots.add(slot);
        }
        random.shuffle(slots);
        for (int i = 0; i < Math.min(k, slots.size()); i++) {
            out.add(texts.get(store.id(slots.get(i))));
        }
        return out;
    }

    /** Examples stored. */
    int size() {
        return buffer.size();
    }
}
