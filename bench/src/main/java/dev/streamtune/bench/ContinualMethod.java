package dev.streamtune.bench;

import dev.streamtune.core.learn.ReplayConfig;
import dev.streamtune.core.replay.ReplayPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * One strategy compared by {@code bench continual}.
 *
 * @param name row name, e.g. {@code class-balanced-500}
 * @param replay replay settings of the learner
 * @param joint whether it trains once on all experiences shuffled together (the upper bound)
 */
record ContinualMethod(String name, ReplayConfig replay, boolean joint) {

    /** Naive, reservoir and class-balanced at each buffer size, then joint. */
    static List<ContinualMethod> all(int[] buffers, double ratio) {
        List<ContinualMethod> methods = new ArrayList<>();
        methods.add(new ContinualMethod("naive", ReplayConfig.none(), false));
        for (ReplayPolicy policy : ReplayPolicy.values()) {
            for (int size : buffers) {
                methods.add(new ContinualMethod(policy.id() + "-" + size, ReplayConfig.of(policy, size, ratio), false));
            }
        }
        methods.add(new ContinualMethod("joint", ReplayConfig.none(), true));
        return methods;
    }

    /** The result key prefix: {@code class-balanced-500} → {@code class_balanced_500}. */
    String key() {
        return name.replace('-', '_');
    }
}
