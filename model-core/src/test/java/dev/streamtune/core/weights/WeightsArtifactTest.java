package dev.streamtune.core.weights;

import dev.streamtune.contracts.Digests;
import static dev.streamtune.core.weights.ArtifactFixtures.BACKBONE;
import static dev.streamtune.core.weights.ArtifactFixtures.valid;
import static dev.streamtune.core.weights.ArtifactFixtures.withHeader;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamtune.contracts.Modality;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.head.HeadPredictor;
import dev.streamtune.core.weights.ArtifactRejectedException.Reason;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightsArtifactTest {

    private static final byte[] KEY = "top-secret-key".getBytes(StandardCharsets.UTF_8);
    private static final WeightsArtifactReader READER = new WeightsArtifactReader(ArtifactPolicy.defaults());

    @Test
    void roundTripsTensorsAndMetadata() {
        WeightsArtifact written = valid(null);
        WeightsArtifact read = READER.read(written.bytes(), written.sha256(), null);
        assertEquals(written.tensors(), read.tensors());
        assertEquals(written.metadata(), read.metadata());
        assertEquals(List.of("sports", "politics"), read.labels());
        assertEquals(0.875, read.metadata().version().metrics().get("holdout.accuracy"));
        assertEquals(Long.valueOf(2), read.metadata().version().parent());
        assertEquals(Digests.sha256(written.bytes()), read.sha256());
        assertNull(read.signature());
    }

    @Test
    void followsTheSafetensorsLayout() {
        byte[] bytes = valid(null).bytes();
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        assertEquals(0, headerLength % 8, "header padded to 8 bytes");
        ObjectNode header = ArtifactFixtures.header(bytes);
        JsonNode weight = header.get("output.weight");
        assertEquals("F32", weight.get("dtype").asText());
        assertEquals("[2,3]", weight.get("shape").toString());
        JsonNode hidden = header.get("hidden.0.weight");
        assertEquals("[0,48]", hidden.get("data_offsets").toString());
        assertTrue(header.get("__metadata__").get("labels").isTextual(), "metadata values are strings");
        float first = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getFloat(8 + (int) headerLength);
        assertEquals(valid(null).tensors().get(0).data()[0], first, "raw little-endian data after the header");
    }

    @Test
    void acceptsAValidSignatureWhenOneIsRequired() {
        WeightsArtifact signed = valid(KEY);
        WeightsArtifactReader strict = new WeightsArtifactReader(ArtifactPolicy.defaults().requireSignature(KEY));
        assertEquals(signed.sha256(), strict.read(signed.bytes(), signed.sha256(), signed.signature()).sha256());
    }

    @Test
    void rejectsTruncatedArtifact() {
        WeightsArtifact a = valid(null);
        assertReason(Reason.TRUNCATED, Arrays.copyOf(a.bytes(), a.bytes().length - 4), a.sha256());
        assertReason(Reason.TRUNCATED, Arrays.copyOf(a.bytes(), 40), a.sha256());
        assertReason(Reason.TRUNCATED, Arrays.copyOf(a.bytes(), 5), a.sha256());
    }

    @Test
    void rejectsCorruptedDataOrHeader() {
        WeightsArtifact a = valid(null);
        byte[] data = a.bytes().clone();
        data[data.length - 3] ^= 0x40;
        assertReason(Reason.CORRUPTED, data, a.sha256());
        byte[] header = a.bytes().clone();
        header[12] ^= 0x7f;
        assertReason(Reason.CORRUPTED, header, a.sha256());
    }

    @Test
    void rejectsDataSizeThatDoesNotMatchTheShape() {
        byte[] bytes = withHeader(valid(null).bytes(), h -> ((ObjectNode) h.get("output.bias")).putArray("shape").add(3));
        assertReason(Reason.WRONG_SHAPE, bytes, Digests.sha256(bytes));
    }

    @Test
    void rejectsShapesInconsistentWithTheHeadLayout() {
        byte[] bytes = withHeader(valid(null).bytes(), h -> ((ObjectNode) h.get("hidden.0.weight")).putArray("shape").add(4).add(3));
        ArtifactRejectedException e = assertReason(Reason.LAYOUT_MISMATCH, bytes, Digests.sha256(bytes));
        assertTrue(e.getMessage().contains("hidden.0.weight"), e.getMessage());
        byte[] threeLabels = withHeader(valid(null).bytes(),
                h -> ((ObjectNode) h.get("__metadata__")).put("labels", "[\"sports\",\"politics\",\"weather\"]"));
        assertReason(Reason.LAYOUT_MISMATCH, threeLabels, Digests.sha256(threeLabels));
    }

    @Test
    void rejectsUnknownAndUnsupportedDtypes() {
        byte[] unknown = withHeader(valid(null).bytes(), h -> ((ObjectNode) h.get("output.bias")).put("dtype", "F31"));
        assertReason(Reason.UNKNOWN_DTYPE, unknown, Digests.sha256(unknown));
        byte[] f64 = withHeader(valid(null).bytes(), h -> ((ObjectNode) h.get("output.bias")).put("dtype", "F64").putArray("shape").add(1));
        assertReason(Reason.UNSUPPORTED_DTYPE, f64, Digests.sha256(f64));
    }

    @Test
    void rejectsOversizeArtifact() {
        WeightsArtifact a = valid(null);
        WeightsArtifactReader small = new WeightsArtifactReader(ArtifactPolicy.defaults().withMaxBytes(a.bytes().length - 1));
        ArtifactRejectedException e = assertThrows(ArtifactRejectedException.class, () -> small.read(a.bytes(), a.sha256(), null));
        assertEquals(Reason.OVERSIZE, e.reason());
    }

    @Test
    void rejectsUnsignedOrBadlySignedArtifactWhenAKeyIsRequired() {
        WeightsArtifactReader strict = new WeightsArtifactReader(ArtifactPolicy.defaults().requireSignature(KEY));
        WeightsArtifact unsigned = valid(null);
        assertEquals(Reason.UNSIGNED, assertThrows(ArtifactRejectedException.class,
                () -> strict.read(unsigned.bytes(), unsigned.sha256(), null)).reason());
        WeightsArtifact otherKey = valid("another-key".getBytes(StandardCharsets.UTF_8));
        assertEquals(Reason.BAD_SIGNATURE, assertThrows(ArtifactRejectedException.class,
                () -> strict.read(otherKey.bytes(), otherKey.sha256(), otherKey.signature())).reason());
    }

    @Test
    void rejectsHolesInTheDataSection() {
        byte[] bytes = withHeader(valid(null).bytes(), h -> ((ObjectNode) h.get("hidden.0.bias")).putArray("data_offsets").add(52).add(64));
        assertReason(Reason.MALFORMED_HEADER, bytes, Digests.sha256(bytes));
        byte[] notJson = ArtifactFixtures.assemble("{\"a\":".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertReason(Reason.MALFORMED_HEADER, notJson, Digests.sha256(notJson));
    }

    @Test
    void rejectsMissingOrInconsistentMetadata() {
        byte[] noLabels = withHeader(valid(null).bytes(), h -> ((ObjectNode) h.get("__metadata__")).remove("labels"));
        ArtifactRejectedException e = assertReason(Reason.BAD_METADATA, noLabels, Digests.sha256(noLabels));
        assertTrue(e.getMessage().contains("labels"), e.getMessage());
        byte[] dims = withHeader(valid(null).bytes(), h -> ((ObjectNode) h.get("__metadata__")).put("input_dim", "5"));
        assertReason(Reason.BAD_METADATA, dims, Digests.sha256(dims));
    }

    @Test
    void rejectsNonFiniteWeights() {
        WeightsArtifact a = valid(null);
        byte[] bytes = a.bytes().clone();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putFloat(bytes.length - 4, Float.NaN);
        assertReason(Reason.NON_FINITE, bytes, Digests.sha256(bytes));
    }

    @Test
    void buildsAPredictorOnlyForTheBackboneItWasTrainedOn() {
        WeightsArtifact a = READER.read(valid(null).bytes(), valid(null).sha256(), null);
        try (HeadPredictor predictor = a.newPredictor(BACKBONE)) {
            assertEquals(List.of("sports", "politics"), predictor.labels());
            assertEquals(1, predictor.predict(new float[][] {{0.1f, 0.2f, 0.3f, 0.4f}}, 1).get(0).size());
        }
        BackboneInfo other = new BackboneInfo("minilm-l6-v2", "cd".repeat(32), 4, Modality.TEXT);
        assertEquals(Reason.INCOMPATIBLE_BACKBONE, assertThrows(ArtifactRejectedException.class, () -> a.newPredictor(other)).reason());
    }

    @Test
    void writerRefusesTensorsThatDoNotFitTheMetadata() {
        ArtifactMetadata three = ArtifactFixtures.metadata(List.of("a", "b", "c"));
        assertThrows(IllegalArgumentException.class,
                () -> WeightsArtifactWriter.write(three, ArtifactFixtures.tensors(ArtifactFixtures.metadata(List.of("a", "b")).layout()), null));
    }

    private static ArtifactRejectedException assertReason(Reason reason, byte[] bytes, String sha) {
        ArtifactRejectedException e = assertThrows(ArtifactRejectedException.class, () -> READER.read(bytes, sha, null));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    @Test
    void signatureIsAnHmacOverTheBytes() {
        WeightsArtifact signed = valid(KEY);
        assertArrayEquals(valid(null).bytes(), signed.bytes());
        assertEquals(Digests.hmacSha256(KEY, signed.bytes()), signed.signature());
        assertEquals(64, signed.signature().length());
    }
}
