package dev.streamtune.core.weights;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamtune.core.head.FloatTensor;
import dev.streamtune.core.weights.ArtifactRejectedException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors layout (huggingface/safetensors): an 8-byte little-endian header length {@code N}, {@code N}
 * bytes of JSON header ({@code name → {dtype, shape, data_offsets: [begin, end)}} relative to the data section,
 * plus an optional {@code __metadata__} string map), then the raw little-endian tensor data. Offsets must cover
 * the data section exactly, without holes or overlaps.
 */
final class Safetensors {

    /** The parsed content of a safetensors file. */
    record Content(Map<String, String> metadata, List<FloatTensor> tensors) {}

    private static final String METADATA = "__metadata__";
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Safetensors() {}

    /** Serialises F32 tensors (in the given order) with {@code metadata}; the header is space-padded to 8 bytes. */
    static byte[] write(Map<String, String> metadata, List<FloatTensor> tensors) {
        ObjectNode header = JSON.createObjectNode();
        header.set(METADATA, JSON.valueToTree(metadata));
        long offset = 0;
        for (FloatTensor t : tensors) {
            ObjectNode entry = header.putObject(t.name());
            entry.put("dtype", SafetensorsDtype.F32);
            entry.set("shape", JSON.valueToTree(t.shape()));
            entry.putArray("data_offsets").add(offset).add(offset + 4L * t.data().length);
            offset += 4L * t.data().length;
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise safetensors header", e);
        }
        int padded = (json.length + 7) & ~7;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (FloatTensor t : tensors) {
            out.asFloatBuffer().put(t.data());
            out.position(out.position() + 4 * t.data().length);
        }
        return out.array();
    }

    /**
     * Parses and checks the structure of {@code bytes}.
     *
     * @throws ArtifactRejectedException with {@link Reason#TRUNCATED}, {@link Reason#MALFORMED_HEADER},
     *     {@link Reason#UNKNOWN_DTYPE}, {@link Reason#WRONG_SHAPE} or {@link Reason#UNSUPPORTED_DTYPE}
     */
    static Content read(byte[] bytes) {
        if (bytes.length < 8) {
            throw new ArtifactRejectedException(Reason.TRUNCATED, bytes.length + " bytes, fewer than the 8-byte header length");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = buffer.getLong(0);
        if (headerLength < 2 || headerLength > bytes.length - 8L) {
            throw new ArtifactRejectedException(Reason.TRUNCATED, "header length " + headerLength + " exceeds the "
                    + (bytes.length - 8) + " bytes after the length field");
        }
        JsonNode header = parseHeader(bytes, (int) headerLength);
        int dataStart = 8 + (int) headerLength;
        long dataLength = bytes.length - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : header.properties()) {
            if (field.getKey().equals(METADATA)) {
                metadata = metadata(field.getValue());
            } else {
                entries.add(Entry.parse(field.getKey(), field.getValue()));
            }
        }
        checkCoverage(entries, dataLength);
        List<FloatTensor> tensors = new ArrayList<>();
        for (Entry e : entries) {
            tensors.add(e.toTensor(buffer, dataStart));
        }
        return new Content(metadata, tensors);
    }

    private static JsonNode parseHeader(byte[] bytes, int length) {
        JsonNode header;
        try {
            header = JSON.readTree(new String(bytes, 8, length, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ArtifactRejectedException(Reason.MALFORMED_HEADER, "header is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (header == null || !header.isObject()) {
            throw new ArtifactRejectedException(Reason.MALFORMED_HEADER, "header is not a JSON object");
        }
        return header;
    }

    private static Map<String, String> metadata(JsonNode node) {
        if (!node.isObject()) {
            throw new ArtifactRejectedException(Reason.MALFORMED_HEADER, "__metadata__ is not an object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw new ArtifactRejectedException(Reason.MALFORMED_HEADER, "__metadata__." + e.getKey() + " is not a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static void checkCoverage(List<Entry> entries, long dataLength) {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin));
        long expected = 0;
        for (Entry e : byOffset) {
            if (e.begin() != expected) {
                throw new ArtifactRejectedException(Reason.MALFORMED_HEADER, "tensor '" + e.name() + "' starts at byte "
                        + e.begin() + ", expected " + expected + " (holes or overlaps in data_offsets)");
            }
            expected = e.end();
        }
        if (expected > dataLength) {
            throw new ArtifactRejectedException(Reason.TRUNCATED, "tensor data needs " + expected + " bytes, only "
                    + dataLength + " present");
        }
        if (expected < dataLength) {
            throw new ArtifactRejectedException(Reason.MALFORMED_HEADER, (dataLength - expected)
                    + " bytes after the last tensor are not covered by any tensor");
        }
    }

    /** One header entry. */
    private record Entry(String name, String dtype, int[] shape, long begin, long end) {

        static Entry parse(String name, JsonNode node) {
            JsonNode dtype = node.get("dtype");
            JsonNode shape = node.get("shape");
            JsonNode offsets = node.get("data_offsets");
            if (!node.isObject() || node.size() != 3 || dtype == null || !dtype.isTextual() || shape == null
                    || !shape.isArray() || offsets == null || !offsets.isArray() || offsets.size() != 2
                    || !offsets.get(0).canConvertToExactIntegral() || !offsets.get(1).canConvertToExactIntegral()) {
                throw new ArtifactRejectedException(Reason.MALFORMED_HEADER, "tensor '" + name
                        + "' needs exactly dtype, shape and data_offsets [begin, end]: " + node);
            }
            int[] dims = new int[shape.size()];
            for (int i = 0; i < dims.length; i++) {
                JsonNode d = shape.get(i);
                if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 0) {
                    throw new ArtifactRejectedException(Reason.WRONG_SHAPE, "tensor '" + name + "' has an invalid dimension " + d);
                }
                dims[i] = d.asInt();
            }
            long begin = offsets.get(0).asLong();
            long end = offsets.get(1).asLong();
            if (begin < 0 || end < begin) {
                throw new ArtifactRejectedException(Reason.MALFORMED_HEADER, "tensor '" + name + "' has data_offsets "
                        + offsets);
            }
            int size = SafetensorsDtype.size(dtype.asText());
            if (size < 0) {
                throw new ArtifactRejectedException(Reason.UNKNOWN_DTYPE, "tensor '" + name + "' has unknown dtype '"
                        + dtype.asText() + "'");
            }
            long elements;
            try {
                elements = FloatTensor.elementCount(dims);
            } catch (ArithmeticException e) {
                throw new ArtifactRejectedException(Reason.WRONG_SHAPE, "tensor '" + name + "' shape overflows", e);
            }
            if (elements > Long.MAX_VALUE / 8 || end - begin != elements * size) {
                throw new ArtifactRejectedException(Reason.WRONG_SHAPE, "tensor '" + name + "' of shape "
                        + Arrays.toString(dims) + " and dtype " + dtype.asText() + " needs " + elements * size
                        + " bytes, data_offsets give " + (end - begin));
            }
            return new Entry(name, dtype.asText(), dims, begin, end);
        }

        FloatTensor toTensor(ByteBuffer buffer, int dataStart) {
            if (!dtype.equals(SafetensorsDtype.F32)) {
                throw new ArtifactRejectedException(Reason.UNSUPPORTED_DTYPE, "tensor '" + name + "' is " + dtype
                        + "; heads are stored as F32");
            }
            float[] data = new float[(int) ((end - begin) / 4)];
            buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(dataStart + (int) begin).asFloatBuffer().get(data);
            return new FloatTensor(name, shape, data);
        }
    }
}
