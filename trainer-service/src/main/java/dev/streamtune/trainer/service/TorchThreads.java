package dev.streamtune.trainer.service;

/**
 * Sets PyTorch's intra-op thread count before the engine starts, unless {@code -Dai.djl.pytorch.num_threads}
 * already did: DJL reads that property once, when the engine is created.
 */
final class TorchThreads {

    static final String PROPERTY = "ai.djl.pytorch.num_threads";

    private TorchThreads() {}

    /** @return the thread count in effect (the property's, when it was set) */
    static String defaultTo(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("trainer.tuning.cpu-threads must be at least 1, got " + threads);
        }
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Integer.toString(threads));
        }
        return System.getProperty(PROPERTY);
    }
}
