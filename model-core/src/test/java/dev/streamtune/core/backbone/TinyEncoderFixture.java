package dev.streamtune.core.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import dev.streamtune.contracts.Modality;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A tiny sentence encoder for URL-loading tests: an ONNX graph whose token vectors are rows of a fixed table
 * ({@code Gather(table, input_ids)}), with the real MiniLM {@code tokenizer.json}. Its sentence vectors can be
 * computed by hand: the normalised mean of the table rows of the text's token ids.
 */
final class TinyEncoderFixture {

    static final int VOCAB = 30522;
    static final int DIM = 4;
    private static final Path ROOT = Path.of("target", "test-fixtures").toAbsolutePath();

    private static Path folder;
    private static Path zip;

    private TinyEncoderFixture() {}

    /** Scratch space for tests, under {@code target/}. */
    static Path scratch(String name) {
        return ROOT.resolve(name);
    }

    /** The folder holding {@code model.onnx} and {@code tokenizer.json}, written once per JVM. */
    static synchronized Path folder() throws IOException {
        if (folder == null) {
            folder = writeFolder(ROOT.resolve("tiny-encoder"));
        }
        return folder;
    }

    /** {@code tiny-encoder.zip} holding the same two files, written once per JVM. */
    static synchronized Path zip() throws IOException {
        if (zip == null) {
            zip = zip(folder(), ROOT.resolve("archive").resolve("tiny-encoder.zip"));
        }
        return zip;
    }

    /** Opens {@code url} and checks it is the tiny encoder: its info and the vector of one real sentence. */
    static void assertOpensTinyEncoder(BackboneRegistry registry, String url) throws IOException {
        String text = "Crème brûlée and a 🚀 rocket";
        try (Backbone<String> backbone = registry.openText(url)) {
            float[] vector = backbone.embed(List.of(text))[0];

            assertEquals(new BackboneInfo(url, Sha256.of(folder().resolve("model.onnx")), DIM, Modality.TEXT),
                    backbone.info());
            float[] expected = expected(text, folder().resolve("tokenizer.json"), 128);
            assertTrue(Vectors.maxAbsDiff(expected, vector) < 1e-6, "vector from " + url);
        }
    }

    /** Table entry for token {@code id}, coordinate {@code d}. */
    static float table(int id, int d) {
        return (float) Math.sin(0.001 * id * (d + 1) + d);
    }

    /** Writes {@code model.onnx} and {@code tokenizer.json} into {@code folder} (created) and returns it. */
    private static Path writeFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("model.onnx"), model().toByteArray());
        try (InputStream tokenizer = resource(SentenceEncoderLoader.TOKENIZER_RESOURCE)) {
            Files.copy(tokenizer, folder.resolve("tokenizer.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        return folder;
    }

    /** Zips the files of {@code folder} (flat) into {@code zip} and returns it. */
    private static Path zip(Path folder, Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (String name : new String[] {"model.onnx", "tokenizer.json"}) {
                zipOut.putNextEntry(new ZipEntry(name));
                Files.copy(folder.resolve(name), zipOut);
                zipOut.closeEntry();
            }
        }
        return zip;
    }

    /** The vector the tiny encoder must produce for {@code text}, computed without ONNX Runtime. */
    static float[] expected(String text, Path tokenizerJson, int maxLength) throws IOException {
        try (HuggingFaceTokenizer tokenizer = SentenceEncoderLoader.newTokenizer(tokenizerJson, maxLength)) {
            Encoding encoding = tokenizer.encode(text);
            double[] sum = new double[DIM];
            for (long id : encoding.getIds()) {
                for (int d = 0; d < DIM; d++) {
                    sum[d] += table((int) id, d);
                }
            }
            double norm = 0;
            for (double s : sum) {
                norm += s * s;
            }
            float[] unit = new float[DIM];
            for (int d = 0; d < DIM; d++) {
                unit[d] = (float) (sum[d] / Math.sqrt(norm));
            }
            return unit;
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = TinyEncoderFixture.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing classpath resource " + name);
        }
        return in;
    }

    private static OnnxMl.ModelProto model() {
        ByteBuffer data = ByteBuffer.allocate(VOCAB * DIM * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int id = 0; id < VOCAB; id++) {
            for (int d = 0; d < DIM; d++) {
                data.putFloat(table(id, d));
            }
        }
        data.flip();
        TensorProto table = TensorProto.newBuilder()
                .setName("table")
                .setDataType(TensorProto.DataType.FLOAT.getNumber())
                .addDims(VOCAB)
                .addDims(DIM)
                .setRawData(ByteString.copyFrom(data))
                .build();
        OnnxMl.NodeProto gather = OnnxMl.NodeProto.newBuilder()
                .setOpType("Gather")
                .setName("lookup")
                .addInput("table")
                .addInput("input_ids")
                .addOutput("last_hidden_state")
                .addAttribute(OnnxMl.AttributeProto.newBuilder()
                        .setName("axis")
                        .setType(OnnxMl.AttributeProto.AttributeType.INT)
                        .setI(0))
                .build();
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder()
                .setName("tiny-encoder")
                .addInitializer(table)
                .addNode(gather)
                .addInput(valueInfo("input_ids", TensorProto.DataType.INT64, "batch", "seq"))
                .addInput(valueInfo("attention_mask", TensorProto.DataType.INT64, "batch", "seq"))
                .addOutput(valueInfo("last_hidden_state", TensorProto.DataType.FLOAT, "batch", "seq", null))
                .build();
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(7)
                .setProducerName("streamtune-test")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
                .setGraph(graph)
                .build();
    }

    /** A tensor value; a {@code null} dimension name means the fixed size {@link #DIM}. */
    private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, String... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (String dim : dims) {
            shape.addDim(dim == null
                    ? TensorShapeProto.Dimension.newBuilder().setDimValue(DIM)
                    : TensorShapeProto.Dimension.newBuilder().setDimParam(dim));
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(
                        TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape)))
                .build();
    }
}
