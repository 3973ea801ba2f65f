package dev.streamtune.core.head;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tensors of an MLP head, in order: {@code hidden.i.weight [h_i, in_i]}, {@code hidden.i.bias [h_i]} per
 * hidden layer, then {@code output.weight [classes, in]} and {@code output.bias [classes]}. Weights are
 * {@code [out, in]} as in PyTorch's {@code nn.Linear}, so output row {@code c} belongs to class index {@code c}.
 *
 * @param inputDim feature length
 * @param hidden hidden layer sizes (empty for a linear head)
 * @param numClasses output rows
 */
public record HeadLayout(int inputDim, List<Integer> hidden, int numClasses) {

    /** Name of the output layer's weight tensor. */
    public static final String OUTPUT_WEIGHT = "output.weight";
    /** Name of the output layer's bias tensor. */
    public static final String OUTPUT_BIAS = "output.bias";

    public HeadLayout {
        hidden = List.copyOf(hidden);
        if (inputDim <= 0 || numClasses < 0 || hidden.stream().anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("invalid head layout: input " + inputDim + ", hidden " + hidden
                    + ", classes " + numClasses);
        }
    }

    /** Number of linear layers (hidden layers plus the output layer). */
    public int layerCount() {
        return hidden.size() + 1;
    }

    /** Tensor names in layout order. */
    public List<String> tensorNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < hidden.size(); i++) {
            names.add("hidden." + i + ".weight");
            names.add("hidden." + i + ".bias");
        }
        names.add(OUTPUT_WEIGHT);
        names.add(OUTPUT_BIAS);
        return names;
    }

    /** Shapes in layout order, matching {@link #tensorNames()}. */
    public List<int[]> shapes() {
        List<int[]> shapes = new ArrayList<>();
        int in = inputDim;
        for (int h : hidden) {
            shapes.add(new int[] {h, in});
            shapes.add(new int[] {h});
            in = h;
        }
        shapes.add(new int[] {numClasses, in});
        shapes.add(new int[] {numClasses});
        return shapes;
    }

    /**
     * Checks that {@code tensors} are exactly this layout's tensors, in order, with these shapes.
     *
     * @return a description of the first mismatch, or {@code null} when they match
     */
    public String mismatch(List<FloatTensor> tensors) {
        List<String> names = tensorNames();
        List<int[]> shapes = shapes();
        if (tensors.size() != names.size()) {
            return "expected " + names.size() + " tensors " + names + ", got " + tensors.size() + " "
                    + tensors.stream().map(FloatTensor::name).toList();
        }
        for (int i = 0; i < names.size(); i++) {
            FloatTensor t = tensors.get(i);
            if (!t.name().equals(names.get(i))) {
                return "tensor " + i + " is '" + t.name() + "', expected '" + names.get(i) + "'";
            }
            if (!Arrays.equals(t.shape(), shapes.get(i))) {
                return "tensor '" + t.name() + "' has shape " + Arrays.toString(t.shape()) + ", the layout needs "
                        + Arrays.toString(shapes.get(i));
            }
        }
        return null;
    }
}
