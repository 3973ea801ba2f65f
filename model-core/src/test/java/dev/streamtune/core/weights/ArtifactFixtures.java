package dev.streamtune.core.weights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamtune.contracts.Modality;
import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.head.HeadLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Valid artifacts and surgically damaged copies of them. */
final class ArtifactFixtures {

    static final BackboneInfo BACKBONE = new BackboneInfo("minilm-l6-v2", "ab".repeat(32), 4, Modality.TEXT);
    static final ObjectMapper JSON = new ObjectMapper();

    private ArtifactFixtures() {}

    static List<FloatTensor> tensors(HeadLayout layout) {
        List<FloatTensor> tensors = new ArrayList<>();
        List<String> names = layout.tensorNames();
        List<int[]> shapes = layout.shapes();
        for (int i = 0; i < names.size(); i++) {
            float[] data = new float[(int) FloatTensor.elementCount(shapes.get(i))];
            for (int k = 0; k < data.length; k++) {
                data[k] = (i + 1) * 0.25f - k * 0.01f;
            }
            tensors.add(new FloatTensor(names.get(i), shapes.get(i), data));
        }
        return tensors;
    }

    static ArtifactMetadata metadata(List<String> labels) {
        VersionInfo version = new VersionInfo("news", 3, 2L, BACKBONE, Map.of("holdout.accuracy", 0.875),
                new Lineage(1200, 40, List.of(new OffsetRange("streamtune.samples", 0, 100, 1299))), 1_700_000_000_000L);
        return new ArtifactMetadata(version, 4, List.of(3), labels);
    }

    static WeightsArtifact valid(byte[] key) {
        ArtifactMetadata metadata = metadata(List.of("sports", "politics"));
        return WeightsArtifactWriter.write(metadata, tensors(metadata.layout()), key);
    }

    /** Splits safetensors bytes into (header JSON, data section). */
    static ObjectNode header(byte[] bytes) {
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        try {
            return (ObjectNode) JSON.readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] data(byte[] bytes) {
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        return Arrays.copyOfRange(bytes, 8 + (int) n, bytes.length);
    }

    /** The same artifact with its header edited (data section unchanged). */
    static byte[] withHeader(byte[] bytes, Consumer<ObjectNode> edit) {
        ObjectNode header = header(bytes);
        edit.accept(header);
        return assemble(header.toString().getBytes(StandardCharsets.UTF_8), data(bytes));
    }

    static byte[] assemble(byte[] header, byte[] data) {
        return ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length).put(header).put(data).array();
    }
}
