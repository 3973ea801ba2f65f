package dev.streamtune.ingest.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.streamtune.contracts.SampleRecord;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a {@link SampleRecord} as the JSON value of the samples topic with a streaming generator: the same JSON
 * Jackson's data binding writes for the record (components in declaration order, {@code null}s left out; a test
 * holds the two equal), without its per-call serializer lookup. It runs once per ingested sample.
 */
public final class SampleRecordJson {

    private final JsonFactory factory;

    public SampleRecordJson(JsonFactory factory) {
        this.factory = factory;
    }

    /** The UTF-8 JSON of {@code record}. */
    public byte[] toBytes(SampleRecord record) {
        int size = 96 + (record.text() != null ? record.text().length() * 2 : 0)
                + (record.image() != null ? record.image().length() : 0);
        try (ByteArrayBuilder out = new ByteArrayBuilder(size)) {
            try (JsonGenerator g = factory.createGenerator(out)) {
                g.writeStartObject();
                writeIfSet(g, "id", record.id());
                writeIfSet(g, "model", record.model());
                writeIfSet(g, "text", record.text());
                writeIfSet(g, "image", record.image());
                writeIfSet(g, "label", record.label());
                g.writeNumberField("producedAt", record.producedAt());
                g.writeNumberField("ingestedAt", record.ingestedAt());
                g.writeEndObject();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise sample " + record.id(), e);
        }
    }

    private static void writeIfSet(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
