package dev.streamtune.core.bert;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.streamtune.core.backbone.SentenceEncoderLoader;
import dev.streamtune.core.backbone.TextEncoderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real MiniLM ONNX file, and tiny hand-made ONNX graphs for bad-input tests. */
final class OnnxFixtures {

    private static final Path SCRATCH = Path.of("target", "test-fixtures", "bert").toAbsolutePath();

    private OnnxFixtures() {}

    /** The built-in all-MiniLM-L6-v2 ONNX file, extracted once by the backbone package's verified cache. */
    static Path miniLmOnnx() {
        return new SentenceEncoderLoader(TextEncoderOptions.defaults()).builtInFolder()
                .resolve(SentenceEncoderLoader.ONNX_RESOURCE);
    }

    /** A scratch file path under {@code target/}. */
    static Path scratch(String name) {
        try {
            Files.createDirectories(SCRATCH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SCRATCH.resolve(name);
    }

    /** A float32 initializer with raw little-endian data. */
    static TensorProto floatTensor(String name, long[] dims, float... values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(raw));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    /** A node {@code op} named {@code name} with the given inputs and one output. */
    static NodeProto node(String name, String op, String... inputs) {
        NodeProto.Builder n = NodeProto.newBuilder().setName(name).setOpType(op).addOutput(name + "_output_0");
        for (String input : inputs) {
            n.addInput(input);
        }
        return n.build();
    }

    /** Writes a model with {@code initializers} and {@code nodes} to a scratch file. */
    static Path write(String fileName, Iterable<TensorProto> initializers, Iterable<NodeProto> nodes) throws IOException {
        GraphProto graph = GraphProto.newBuilder().setName("fixture").addAllInitializer(initializers)
                .addAllNode(nodes).build();
        Path file = scratch(fileName);
        Files.write(file, ModelProto.newBuilder().setIrVersion(6).setGraph(graph).build().toByteArray());
        return file;
    }
}
