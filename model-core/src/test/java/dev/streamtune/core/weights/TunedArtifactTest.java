package dev.streamtune.core.weights;

import static dev.streamtune.core.weights.ArtifactFixtures.withHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamtune.contracts.Digests;
import dev.streamtune.core.bert.BertConfig;
import dev.streamtune.core.bert.FineTuneStrategy;
import dev.streamtune.core.bert.Projection;
import dev.streamtune.core.bert.TrainableWeights;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.HeadConfig;
import dev.streamtune.core.weights.ArtifactRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Artifacts of {@code fine-tune} and {@code lora} models: strategy and encoder tensors besides the head. */
class TunedArtifactTest {

    /** A tiny BERT whose hidden size (4) is the fixture backbone's dimension. */
    private static final BertConfig TINY = new BertConfig(10, 8, 2, 4, 2, 2, 8, 1e-12f);
    private static final FineTuneStrategy LORA = FineTuneStrategy.lora(2, 4f, 1, List.of(Projection.QUERY,
            Projection.VALUE));
    private static final byte[] KEY = "tuned-key".getBytes(StandardCharsets.UTF_8);
    private static final WeightsArtifactReader READER = new WeightsArtifactReader(ArtifactPolicy.defaults());

    private static TrainableWeights weights(FineTuneStrategy strategy) {
        HeadConfig head = new HeadConfig(4, List.of(3), 0f);
        List<String> labels = List.of("sports", "politics");
        List<FloatTensor> tensors = new ArrayList<>();
        strategy.trainableShapes(TINY).forEach((name, shape) -> {
            float[] data = new float[(int) FloatTensor.elementCount(shape)];
            for (int i = 0; i < data.length; i++) {
                data[i] = 0.01f * (i + name.length());
            }
            tensors.add(new FloatTensor(name, shape, data));
        });
        tensors.addAll(ArtifactFixtures.tensors(head.layout(labels.size())));
        return new TrainableWeights(strategy, head, labels, tensors);
    }

    private static WeightsArtifact written(FineTuneStrategy strategy, byte[] key) {
        return WeightsArtifactWriter.write(ArtifactFixtures.metadata(List.of("sports", "politics")).version(),
                weights(strategy), key);
    }

    private static Reason rejection(byte[] bytes) {
        return assertThrows(ArtifactRejectedException.class, () -> READER.read(bytes, Digests.sha256(bytes), null))
                .reason();
    }

    private static byte[] withMetadata(byte[] bytes, Consumer<ObjectNode> edit) {
        return withHeader(bytes, header -> edit.accept((ObjectNode) header.get("__metadata__")));
    }

    @Test
    void roundTripsStrategyEncoderTensorsAndHead() {
        for (FineTuneStrategy strategy : List.of(LORA, FineTuneStrategy.fineTune(1))) {
            WeightsArtifact a = written(strategy, KEY);
            WeightsArtifact read = new WeightsArtifactReader(ArtifactPolicy.defaults().requireSignature(KEY))
                    .read(a.bytes(), a.sha256(), a.signature());
            assertEquals(strategy, read.metadata().strategy());
            assertTrue(read.metadata().tunesEncoder());
            assertEquals(a.metadata(), read.metadata());
            assertEquals(a.encoderTensors(), read.encoderTensors());
            assertEquals(a.tensors(), read.tensors(), "head tensors");
            TrainableWeights rebuilt = read.trainableWeights(TINY);
            assertEquals(weights(strategy).tensors(), rebuilt.tensors());
            assertEquals(strategy, rebuilt.strategy());
        }
    }

    @Test
    void declaresEveryEncoderTensorWithShapeAndDtype() {
        WeightsArtifact a = written(LORA, null);
        JsonNode metadata = ArtifactFixtures.header(a.bytes()).get("__metadata__");
        assertEquals(MetadataCodec.TUNED_FORMAT, metadata.get("format").asText());
        JsonNode declared = readJson(metadata.get("encoder_tensors").asText());
        assertEquals(4, declared.size(), "A and B of query and value in the top layer");
        assertEquals("encoder.layer.1.attention.self.query.lora_A", declared.get(0).get("name").asText());
        assertEquals("[2,4]", declared.get(0).get("shape").toString());
        assertEquals("F32", declared.get(0).get("dtype").asText());
        assertEquals("lora", readJson(metadata.get("strategy").asText()).get("kind").asText());
    }

    @Test
    void featureExtractionArtifactsKeepTheHeadOnlyFormat() {
        WeightsArtifact a = ArtifactFixtures.valid(null);
        JsonNode metadata = ArtifactFixtures.header(a.bytes()).get("__metadata__");
        assertEquals(MetadataCodec.FORMAT, metadata.get("format").asText());
        assertFalse(metadata.has("strategy"));
        WeightsArtifact read = READER.read(a.bytes(), a.sha256(), null);
        assertFalse(read.metadata().tunesEncoder());
        assertEquals(List.of(), read.encoderTensors());
    }

    @Test
    void rejectsCorruptedEncoderBytes() {
        WeightsArtifact a = written(LORA, null);
        byte[] flipped = a.bytes().clone();
        flipped[flipped.length - 20] ^= 0x40; // inside the data section
        assertEquals(Reason.CORRUPTED, assertThrows(ArtifactRejectedException.class,
                () -> READER.read(flipped, a.sha256(), null)).reason());
        byte[] bad = a.bytes().clone();
        bad[bad.length - 1] ^= 1;
        assertEquals(Reason.BAD_SIGNATURE, assertThrows(ArtifactRejectedException.class,
                () -> new WeightsArtifactReader(ArtifactPolicy.defaults().requireSignature(KEY))
                        .read(bad, Digests.sha256(bad), written(LORA, KEY).signature())).reason());
    }

    @Test
    void rejectsEncoderTensorsThatDifferFromTheirDeclaration() {
        byte[] bytes = written(LORA, null).bytes();
        assertEquals(Reason.ENCODER_MISMATCH, rejection(withMetadata(bytes, m -> editDeclared(m, 0, "shape", "[4,2]"))));
        assertEquals(Reason.ENCODER_MISMATCH, rejection(withMetadata(bytes, m -> editDeclared(m, 1, "dtype", "\"F16\""))));
        assertEquals(Reason.ENCODER_MISMATCH, rejection(withMetadata(bytes,
                m -> editDeclared(m, 2, "name", "\"encoder.layer.1.attention.self.key.lora_A\""))));
        // a declared tensor's bytes removed from the file: the remaining tensors no longer cover it
        assertEquals(Reason.ENCODER_MISMATCH, rejection(withHeader(bytes, h -> h.set("encoder.layer.1.attention.self.value.lora_B.x",
                h.remove("encoder.layer.1.attention.self.value.lora_B")))));
    }

    @Test
    void rejectsUnknownOrMissingStrategy() {
        byte[] bytes = written(LORA, null).bytes();
        assertEquals(Reason.BAD_METADATA, rejection(withMetadata(bytes,
                m -> m.put("strategy", "{\"kind\":\"prompt-tuning\",\"layers\":1,\"rank\":0,\"alpha\":0,\"targets\":[]}"))));
        assertEquals(Reason.BAD_METADATA, rejection(withMetadata(bytes, m -> m.remove("strategy"))));
        assertEquals(Reason.BAD_METADATA, rejection(withMetadata(bytes,
                m -> m.put("strategy", "{\"kind\":\"lora\",\"layers\":1,\"rank\":0,\"alpha\":4,\"targets\":[]}"))));
        assertEquals(Reason.BAD_METADATA, rejection(withMetadata(bytes, m -> m.put("encoder_tensors", "[]"))));
    }

    @Test
    void refusesToRebuildOnABaseEncoderOfAnotherShape() {
        WeightsArtifact a = written(LORA, null);
        BertConfig wider = new BertConfig(10, 8, 2, 8, 2, 2, 8, 1e-12f);
        assertEquals(Reason.INCOMPATIBLE_ENCODER, assertThrows(ArtifactRejectedException.class,
                () -> a.trainableWeights(wider)).reason());
        WeightsArtifact topTwo = written(FineTuneStrategy.fineTune(2), null);
        BertConfig shallow = new BertConfig(10, 8, 2, 4, 1, 2, 8, 1e-12f);
        assertEquals(Reason.INCOMPATIBLE_ENCODER, assertThrows(ArtifactRejectedException.class,
                () -> topTwo.trainableWeights(shallow)).reason());
    }

    @Test
    void writerRefusesUndeclaredEncoderTensors() {
        WeightsArtifact a = written(LORA, null);
        List<FloatTensor> shuffled = new ArrayList<>(a.encoderTensors());
        java.util.Collections.reverse(shuffled);
        assertThrows(IllegalArgumentException.class,
                () -> WeightsArtifactWriter.write(a.metadata(), a.tensors(), shuffled, null));
        assertThrows(IllegalArgumentException.class,
                () -> WeightsArtifactWriter.write(a.metadata(), a.tensors(), List.of(), null));
    }

    private static void editDeclared(ObjectNode metadata, int index, String field, String json) {
        ArrayNode declared = (ArrayNode) readJson(metadata.get("encoder_tensors").asText());
        ((ObjectNode) declared.get(index)).set(field, readJson(json));
        metadata.put("encoder_tensors", declared.toString());
    }

    private static JsonNode readJson(String json) {
        try {
            return ArtifactFixtures.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void checksumsCoverTheEncoderTensors() {
        WeightsArtifact a = written(LORA, KEY);
        assertArrayEquals(Digests.hmacSha256(KEY, a.bytes()).getBytes(StandardCharsets.US_ASCII),
                a.signature().getBytes(StandardCharsets.US_ASCII));
        assertTrue(a.bytes().length > 4 * a.encoderTensors().stream().mapToInt(t -> t.data().length).sum());
    }
}
