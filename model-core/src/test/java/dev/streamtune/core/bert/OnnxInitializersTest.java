package dev.streamtune.core.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.streamtune.core.head.FloatTensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxInitializersTest {

    private static Map<String, FloatTensor> tensors;

    @BeforeAll
    static void readMiniLm() throws IOException {
        tensors = OnnxInitializers.read(OnnxFixtures.miniLmOnnx());
    }

    @Test
    void readsAllMiniLmInitializers() {
        assertEquals(102, tensors.size());
        assertEquals(22_565_888L, OnnxInitializers.parameterCount(tensors));
    }

    @Test
    void namesEveryTensorAsHuggingFaceWithItsShape() {
        Map<String, int[]> expected = BertConfig.MINILM_L6.expectedShapes();

        assertEquals(expected.keySet(), tensors.keySet());
        expected.forEach((name, shape) -> assertArrayEquals(shape, tensors.get(name).shape(), name));
        assertTrue(tensors.keySet().stream().noneMatch(n -> n.startsWith("onnx::")));
    }

    @Test
    void transposesMatMulWeightsToOutByIn() throws IOException {
        float[] inByOut = {1, 2, 3, 4, 5, 6};
        Path file = OnnxFixtures.write("matmul.onnx",
                List.of(OnnxFixtures.floatTensor("onnx::MatMul_7", new long[] {2, 3}, inByOut)),
                List.of(OnnxFixtures.node("/encoder/layer.0/attention/self/query/MatMul", "MatMul", "x", "onnx::MatMul_7")));

        FloatTensor weight = OnnxInitializers.read(file).get("encoder.layer.0.attention.self.query.weight");

        assertEquals(new FloatTensor("encoder.layer.0.attention.self.query.weight", new int[] {3, 2},
                new float[] {1, 4, 2, 5, 3, 6}), weight);
    }

    @Test
    void readsPositionIdsAsExactFloats() {
        float[] positions = tensors.get(BertConfig.POSITION_IDS).data();

        for (int i = 0; i < positions.length; i++) {
            assertEquals(i, positions[i]);
        }
    }

    @Test
    void rejectsMissingFileNamingIt() {
        Path missing = OnnxFixtures.scratch("no-such-model.onnx");

        IOException e = assertThrows(IOException.class, () -> OnnxInitializers.read(missing));

        assertEquals("ONNX model not found: " + missing, e.getMessage());
    }

    @Test
    void rejectsFileThatIsNotOnnx() throws IOException {
        Path text = OnnxFixtures.scratch("not-a-model.onnx");
        Files.writeString(text, "{\"this\": \"is JSON, not an ONNX model\"}\n", StandardCharsets.UTF_8);

        IOException e = assertThrows(IOException.class, () -> OnnxInitializers.read(text));

        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a readable ONNX model") || e.getMessage().contains("no initializers"),
                e.getMessage());
    }

    @Test
    void rejectsAnonymousInitializerThatNoMatMulUses() throws IOException {
        Path file = OnnxFixtures.write("anonymous-add.onnx",
                List.of(OnnxFixtures.floatTensor("onnx::Add_3", new long[] {2}, 1, 2)),
                List.of(OnnxFixtures.node("/pooler/Add", "Add", "x", "onnx::Add_3")));

        IOException e = assertThrows(IOException.class, () -> OnnxInitializers.read(file));

        assertEquals(file + ": anonymous initializer onnx::Add_3 is not the weight of a MatMul node, so it has no"
                + " Hugging Face name", e.getMessage());
    }

    @Test
    void rejectsUnsupportedTensorTypeNamingTheTensor() throws IOException {
        TensorProto doubles = TensorProto.newBuilder().setName("scale").addDims(1)
                .setDataType(TensorProto.DataType.DOUBLE.getNumber()).addDoubleData(0.5).build();
        Path file = OnnxFixtures.write("double.onnx", List.of(doubles), List.of());

        IOException e = assertThrows(IOException.class, () -> OnnxInitializers.read(file));

        assertEquals(file + ": initializer scale has ONNX data type 11; only float32 and int64 are read", e.getMessage());
    }

    @Test
    void rejectsTensorWhoseDataDoesNotFitItsShape() throws IOException {
        Path file = OnnxFixtures.write("short.onnx",
                List.of(OnnxFixtures.floatTensor("embeddings.LayerNorm.bias", new long[] {4}, 1, 2, 3)), List.of());

        IOException e = assertThrows(IOException.class, () -> OnnxInitializers.read(file));

        assertEquals(file + ": initializer embeddings.LayerNorm.bias has 12 bytes of data, its shape needs 16",
                e.getMessage());
    }

    @Test
    void configCheckNamesMissingAndMisshapenTensors() {
        Map<String, FloatTensor> partial = Map.of("embeddings.position_ids", tensors.get(BertConfig.POSITION_IDS),
                "embeddings.word_embeddings.weight",
                new FloatTensor("embeddings.word_embeddings.weight", new int[] {2, 2}, new float[4]));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BertConfig.MINILM_L6.checkComplete(partial, "fixture"));

        assertEquals("fixture: tensor embeddings.word_embeddings.weight has shape [2, 2], expected [30522, 384]",
                e.getMessage());
    }
}
