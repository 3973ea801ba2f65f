package dev.streamtune.core.bert;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.streamtune.core.head.FloatTensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the weights (graph initializers) of a BERT-family ONNX export into {@link FloatTensor}s named as in
 * Hugging Face {@code transformers} (the tensor's name is also its key in the returned map).
 *
 * <p>PyTorch's ONNX exporter keeps the names of most parameters but stores every {@code Linear} weight as an
 * anonymous {@code onnx::MatMul_N} initializer, transposed to {@code [in, out]}. Such a weight is named after the
 * node that multiplies by it: {@code /encoder/layer.3/attention/self/query/MatMul} gives
 * {@code encoder.layer.3.attention.self.query.weight}, transposed back to {@code [out, in]}. Integer buffers (the
 * {@code position_ids}) are converted to float when every value is exactly representable.
 */
public final class OnnxInitializers {

    private static final String ANONYMOUS_PREFIX = "onnx::";
    private static final String MATMUL = "MatMul";
    private static final long EXACT_FLOAT_INT = 1L << 24;

    private OnnxInitializers() {}

    /**
     * The initializers of the ONNX model at {@code onnx}, by Hugging Face name, in file order.
     *
     * @throws IOException when the file is missing or unreadable, is not an ONNX model with initializers, holds a
     *     tensor type other than float32/int64 or external data, or has an anonymous initializer that is not the
     *     weight of a {@code MatMul} node (each message names the file and the tensor)
     */
    public static Map<String, FloatTensor> read(Path onnx) throws IOException {
        GraphProto graph = parse(onnx).getGraph();
        if (graph.getInitializerCount() == 0) {
            throw new IOException(onnx + " is not an ONNX model with weights: its graph has no initializers");
        }
        Map<String, String> matMulWeights = matMulWeightNames(graph, onnx);
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        for (TensorProto initializer : graph.getInitializerList()) {
            String name = initializer.getName();
            FloatTensor tensor = values(initializer, onnx);
            String hfName = matMulWeights.get(name);
            if (hfName != null) {
                if (tensor.shape().length != 2) {
                    throw new IOException(onnx + ": MatMul weight " + name + " is not a matrix: " + tensor);
                }
                tensor = transpose(hfName, tensor);
                name = hfName;
            } else if (name.startsWith(ANONYMOUS_PREFIX)) {
                throw new IOException(onnx + ": anonymous initializer " + name
                        + " is not the weight of a MatMul node, so it has no Hugging Face name");
            }
            if (out.put(name, tensor) != null) {
                throw new IOException(onnx + ": two initializers are named " + name);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Total number of values in {@code tensors}. */
    public static long parameterCount(Map<String, FloatTensor> tensors) {
        return tensors.values().stream().mapToLong(t -> t.data().length).sum();
    }

    private static ModelProto parse(Path onnx) throws IOException {
        try (InputStream in = Files.newInputStream(onnx)) {
            return ModelProto.parseFrom(in);
        } catch (NoSuchFileException e) {
            throw new IOException("ONNX model not found: " + onnx, e);
        } catch (IOException e) {
            throw new IOException(onnx + " is not a readable ONNX model: " + e.getMessage(), e);
        }
    }

    /** Initializer name to Hugging Face weight name, for initializers used as the right operand of a MatMul. */
    private static Map<String, String> matMulWeightNames(GraphProto graph, Path onnx) throws IOException {
        Map<String, String> names = new HashMap<>();
        for (NodeProto node : graph.getNodeList()) {
            if (!node.getOpType().equals(MATMUL) || node.getInputCount() != 2) {
                continue;
            }
            String weight = node.getInput(1);
            if (!weight.startsWith(ANONYMOUS_PREFIX)) {
                continue;
            }
            String nodeName = node.getName();
            if (!nodeName.startsWith("/") || !nodeName.endsWith("/" + MATMUL)) {
                throw new IOException(onnx + ": MatMul node '" + nodeName + "' using " + weight
                        + " is not named /<module path>/MatMul, so its weight has no Hugging Face name");
            }
            String module = nodeName.substring(1, nodeName.length() - MATMUL.length() - 1).replace('/', '.');
            String previous = names.put(weight, module + ".weight");
            if (previous != null && !previous.equals(module + ".weight")) {
                throw new IOException(onnx + ": " + weight + " is shared by MatMul nodes of " + previous + " and "
                        + module);
            }
        }
        return names;
    }

    private static FloatTensor values(TensorProto t, Path onnx) throws IOException {
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new IOException(onnx + ": initializer " + t.getName() + " keeps its data in an external file");
        }
        int[] shape = t.getDimsList().stream().mapToInt(Math::toIntExact).toArray();
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        float[] values;
        if (t.getDataType() == TensorProto.DataType.FLOAT.getNumber()) {
            values = floats(t, count, onnx);
        } else if (t.getDataType() == TensorProto.DataType.INT64.getNumber()) {
            values = longsAsFloats(t, count, onnx);
        } else {
            throw new IOException(onnx + ": initializer " + t.getName() + " has ONNX data type " + t.getDataType()
                    + "; only float32 and int64 are read");
        }
        try {
            return new FloatTensor(t.getName(), shape, values);
        } catch (IllegalArgumentException e) {
            throw new IOException(onnx + ": initializer " + t.getName() + ": " + e.getMessage(), e);
        }
    }

    /** {@code tensor [in, out]} as {@code name [out, in]}. */
    static FloatTensor transpose(String name, FloatTensor tensor) {
        int rows = tensor.shape()[0];
        int cols = tensor.shape()[1];
        float[] in = tensor.data();
        float[] out = new float[in.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = in[r * cols + c];
            }
        }
        return new FloatTensor(name, new int[] {cols, rows}, out);
    }

    private static float[] floats(TensorProto t, long count, Path onnx) throws IOException {
        if (t.getRawData().isEmpty()) {
            List<Float> list = t.getFloatDataList();
            float[] values = new float[list.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = list.get(i);
            }
            return values;
        }
        ByteBuffer raw = rawData(t, count, Float.BYTES, onnx);
        float[] values = new float[(int) count];
        raw.asFloatBuffer().get(values);
        return values;
    }

    private static float[] longsAsFloats(TensorProto t, long count, Path onnx) throws IOException {
        long[] longs;
        if (t.getRawData().isEmpty()) {
            longs = t.getInt64DataList().stream().mapToLong(Long::longValue).toArray();
        } else {
            longs = new long[(int) count];
            rawData(t, count, Long.BYTES, onnx).asLongBuffer().get(longs);
        }
        float[] values = new float[longs.length];
        for (int i = 0; i < longs.length; i++) {
            if (Math.abs(longs[i]) > EXACT_FLOAT_INT) {
                throw new IOException(onnx + ": int64 initializer " + t.getName() + " holds " + longs[i]
                        + ", which float32 cannot represent exactly");
            }
            values[i] = longs[i];
        }
        return values;
    }

    private static ByteBuffer rawData(TensorProto t, long count, int width, Path onnx) throws IOException {
        ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        if (raw.remaining() != count * width) {
            throw new IOException(onnx + ": initializer " + t.getName() + " has " + raw.remaining()
                    + " bytes of data, its shape needs " + count * width);
        }
        return raw;
    }
}
