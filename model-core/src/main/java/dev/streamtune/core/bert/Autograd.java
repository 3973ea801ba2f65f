package dev.streamtune.core.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The two autograd controls DJL's API lacks on the PyTorch engine, used directly from the engine (the only engine
 * classes this package touches):
 *
 * <ul>
 *   <li>{@link #noGrad()}: PyTorch records a graph for every operation on a tensor that requires a gradient
 *       whenever the thread's grad mode is on, and grad mode is per thread (on by default in new threads). DJL
 *       turns it on only inside a {@code GradientCollector}, and off only on the thread that started the engine.
 *       Evaluation and frozen-layer passes therefore switch it off explicitly, so they never keep activations
 *       for a backward pass.
 *   <li>{@link #zeroGradient}: PyTorch accumulates gradients across backward passes and DJL's collector does not
 *       clear them; a training step clears the gradients it has applied.
 * </ul>
 */
final class Autograd {

    private Autograd() {}

    /** Switches grad mode off on this thread until the returned guard is closed (then restores it). */
    static Guard noGrad() {
        boolean previous = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        return new Guard(previous);
    }

    /** Sets the accumulated gradient of {@code parameter} to zero, in place. */
    static void zeroGradient(NDArray parameter) {
        JniUtils.zeroGrad((PtNDArray) parameter);
    }

    /** Restores the previous grad mode when closed. */
    static final class Guard implements AutoCloseable {
        private final boolean previous;

        private Guard(boolean previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            JniUtils.setGradMode(previous);
        }
    }
}
