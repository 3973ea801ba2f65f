package dev.streamtune.core.learn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.streamtune.core.snapshot.SnapshotReader;
import dev.streamtune.core.snapshot.SnapshotWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An optimizer whose whole state (step count and per-parameter state arrays, e.g. Adam's moments) is held here
 * and can be written to a snapshot and read back exactly, unlike DJL's built-in optimizers.
 *
 * <p>Updates run through DJL's fused in-place kernels ({@code NDArrayEx.adamUpdate} / {@code sgdUpdate}, the ones
 * DJL's own optimizers call): one native call per parameter instead of about ten element-wise NDArray calls,
 * which is what keeps a head step under 2 ms on a small CPU. Owns its state arrays; close it. Not thread-safe.
 */
public abstract class Optimizer implements AutoCloseable {

    protected final OptimizerConfig config;
    private final NDManager manager;
    private final List<NDArray[]> state = new ArrayList<>();
    private long steps;

    protected Optimizer(OptimizerConfig config, NDManager parent) {
        this.config = config;
        this.manager = parent.newSubManager();
    }

    /** A fresh optimizer of {@code config}'s kind. */
    public static Optimizer create(OptimizerConfig config, NDManager parent) {
        return config.kind() == OptimizerConfig.Kind.ADAM ? new AdamOptimizer(config, parent) : new SgdOptimizer(config, parent);
    }

    /** State arrays per parameter (Adam: 2, SGD with momentum: 1). */
    protected abstract int slotsPerParameter();

    /** Applies one update to {@code parameter} in place; {@code step} counts from 1. */
    protected abstract void apply(NDArray parameter, NDArray gradient, NDArray[] slots, long step);

    /** Updates every parameter in place with its gradient and advances the step count. */
    public final void update(List<NDArray> parameters, List<NDArray> gradients) {
        matchShapes(parameters);
        steps++;
        for (int i = 0; i < parameters.size(); i++) {
            apply(parameters.get(i), gradients.get(i), state.get(i), steps);
        }
    }

    /**
     * Grows the state to fit {@code parameters}: new parameters get zero state; a parameter that gained rows
     * (a grown output layer) keeps its old rows' state and gets zero state for the new rows.
     */
    public final void matchShapes(List<NDArray> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            Shape shape = parameters.get(i).getShape();
            if (i == state.size()) {
                NDArray[] slots = new NDArray[slotsPerParameter()];
                for (int s = 0; s < slots.length; s++) {
                    slots[s] = manager.zeros(shape);
                }
                state.add(slots);
                continue;
            }
            NDArray[] slots = state.get(i);
            for (int s = 0; s < slots.length; s++) {
                Shape old = slots[s].getShape();
                if (old.equals(shape)) {
                    continue;
                }
                if (old.dimension() != shape.dimension() || old.get(0) > shape.get(0)
                        || !old.slice(1).equals(shape.slice(1))) {
                    throw new IllegalStateException("parameter " + i + " changed from " + old + " to " + shape
                            + "; only growth along the first axis is supported");
                }
                long[] extra = shape.getShape().clone();
                extra[0] -= old.get(0);
                NDArray grown = slots[s].concat(manager.zeros(new Shape(extra)), 0);
                grown.attach(manager);
                slots[s].close();
                slots[s] = grown;
            }
        }
    }

    /** Updates applied so far. */
    public long steps() {
        return steps;
    }

    /** Writes the step count and every state array. */
    public void writeTo(SnapshotWriter out) {
        out.putLong(steps).putInt(state.size()).putInt(slotsPerParameter());
        for (NDArray[] slots : state) {
            for (NDArray slot : slots) {
                long[] shape = slot.getShape().getShape();
                out.putLongs(shape);
                float[] values = slot.toFloatArray();
                out.putFloats(values, 0, values.length);
            }
        }
    }

    /**
     * Reads what {@link #writeTo} wrote into a fresh optimizer of {@code config}'s kind, checking every state
     * array against {@code parameters}.
     */
    public static Optimizer readFrom(OptimizerConfig config, SnapshotReader in, List<NDArray> parameters, NDManager parent) {
        Optimizer optimizer = create(config, parent);
        try {
            optimizer.steps = in.getLong();
            int count = in.getCount("optimizer parameter count", parameters.size());
            int slots = in.getInt();
            if ((count != parameters.size() && count != 0) || slots != optimizer.slotsPerParameter()) {
                throw in.malformed("optimizer state for " + count + " parameters × " + slots + " slots does not fit "
                        + parameters.size() + " parameters × " + optimizer.slotsPerParameter());
            }
            for (int i = 0; i < count; i++) {
                NDArray[] arrays = new NDArray[slots];
                for (int s = 0; s < slots; s++) {
                    long[] shape = in.getLongs();
                    if (!Arrays.equals(shape, parameters.get(i).getShape().getShape())) {
                        throw in.malformed("optimizer state " + i + "/" + s + " has shape " + Arrays.toString(shape)
                                + ", its parameter " + parameters.get(i).getShape());
                    }
                    Shape sh = new Shape(shape);
                    arrays[s] = optimizer.manager.create(in.getFloats(Math.toIntExact(sh.size())), sh);
                }
                optimizer.state.add(arrays);
            }
            return optimizer;
        } catch (RuntimeException e) {
            optimizer.close();
            throw e;
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
