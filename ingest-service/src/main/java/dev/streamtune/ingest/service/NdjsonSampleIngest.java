package dev.streamtune.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.ingest.config.IngestConfig;
import dev.streamtune.ingest.messaging.TransactionalProducerPool.Transaction;
import dev.streamtune.ingest.metrics.IngestMetrics;
import dev.streamtune.ingest.problem.ErrorList;
import dev.streamtune.ingest.problem.ProblemException;
import dev.streamtune.ingest.problem.ProblemType;
import dev.streamtune.ingest.validation.EntryRef;
import dev.streamtune.contracts.Modality;
import dev.streamtune.ingest.validation.FlatSampleParser;
import dev.streamtune.ingest.validation.PlainTextSampleLine;
import dev.streamtune.ingest.validation.SampleDraft;
import dev.streamtune.ingest.validation.SampleValidator;
import dev.streamtune.ingest.validation.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Ingests an NDJSON body (one sample object per line) as a stream: each line is read, validated and sent inside
 * one Kafka transaction while the rest of the body is still arriving, so memory holds one line at a time (plus
 * the ids to answer with), not the body. At the end the transaction commits; if any line was invalid it aborts
 * instead, and read_committed consumers never see any of it. Reading goes on after the first bad line so the
 * answer can list every bad line.
 *
 * <p>Lines take the cheapest path that can read them. A plain text sample (no escapes) is checked where its bytes
 * lie and its Kafka value spliced from them ({@link PlainTextSampleLine}, {@link SampleValueSplicer}); another flat
 * sample is read by {@link FlatSampleParser} without a JSON tree; any other line takes the full path that names its
 * problems. The fast paths only ever accept: a line they decline goes on to the next path.
 */
@ApplicationScoped
public class NdjsonSampleIngest {

    private static final Logger LOG = Logger.getLogger(NdjsonSampleIngest.class);
    private static final String TOO_LARGE_HINT = " for an NDJSON body; split it into several requests.";

    private final ModelRegistry registry;
    private final RequestBodies bodies;
    private final SampleValidator validator;
    private final SampleWriter writer;
    private final IngestMetrics metrics;
    private final IngestConfig.LimitSettings limits;

    public NdjsonSampleIngest(ModelRegistry registry, RequestBodies bodies, SampleValidator validator,
            SampleWriter writer, IngestMetrics metrics, IngestConfig config) {
        this.registry = registry;
        this.bodies = bodies;
        this.validator = validator;
        this.writer = writer;
        this.metrics = metrics;
        this.limits = config.limits();
    }

    /** Streams the samples of {@code body} to Kafka; returns once the transaction holding all of them committed. */
    public AcceptedSamples ingest(String model, InputStream body, Long contentLength) {
        ModelSpec spec = registry.get(model);
        long limit = limits.maxNdjsonBodySize().asLongValue();
        LimitedInputStream limited = bodies.limit(body, contentLength, limit, TOO_LARGE_HINT);
        LineReader lines = new LineReader(limited, validator.limits().maxLineBytes());
        long start = System.nanoTime();
        List<String> ids;
        try (Transaction tx = writer.begin()) {
            ids = stream(spec, lines, tx, contentLength);
            tx.commit();
        } catch (BodyTooLargeException e) {
            throw RequestBodies.tooLarge(limit, TOO_LARGE_HINT);
        } catch (IOException e) {
            throw RequestBodies.unreadable(e);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        metrics.produced("ndjson", took);
        metrics.accepted("ndjson", ids.size());
        LOG.infof("NDJSON for %s: %d samples, %d bytes in %d ms; largest line buffer %d bytes, heap used %d MiB",
                model, ids.size(), limited.count(), took.toMillis(), lines.largestLineBuffer(), usedHeapMib());
        return new AcceptedSamples(ids.size(), ids);
    }

    private List<String> stream(ModelSpec spec, LineReader lines, Transaction tx, Long contentLength)
            throws IOException {
        StrictJson json = bodies.json();
        ErrorList errors = new ErrorList(limits.maxListedErrors());
        AcceptedIds ids = AcceptedIds.ofLines(expectedLines(contentLength));
        PlainTextSampleLine plain = spec.task().modality() == Modality.TEXT ? new PlainTextSampleLine(
                validator.limits(), spec.labels() == null || spec.labels().isEmpty() ? null : spec::allowsLabel) : null;
        SampleValueSplicer splicer = new SampleValueSplicer(spec.name());
        Function<byte[], ProducerRecord<String, byte[]>> records = writer.recordsOf(spec.name());
        int lineNumber = 0;
        int samples = 0;
        int bad = 0;
        while (lines.next()) {
            lineNumber++;
            if (lines.isBlank()) {
                continue;
            }
            if (++samples > limits.maxNdjsonLines()) {
                throw ProblemException.of(ProblemType.REQUEST_TOO_LARGE, "The NDJSON body has more than "
                        + limits.maxNdjsonLines() + " samples, the most one request may carry; nothing was written. "
                        + "Split it into several requests.");
            }
            if (plain != null && !lines.overflowed() && plain.scan(lines.bytes(), lines.offset(), lines.length())) {
                spliced(plain, splicer, ids, lineNumber, records, tx, errors);
                continue;
            }
            EntryRef at = EntryRef.line(lineNumber);
            SampleDraft draft = lines.overflowed() ? overflow(at, errors) : parse(json, lines, spec, at, errors);
            if (draft == null) {
                bad++;
                continue;
            }
            ids.claim(draft.id(), lineNumber);
            if (errors.isEmpty()) {
                SampleRecord record = draft.toRecord(spec.name(), System.currentTimeMillis());
                tx.send(writer.toKafka(record));
                if (draft.id() == null) {
                    ids.addChosen(record.id(), lineNumber);
                }
            }
        }
        bad += ids.reportRepeats(errors);
        if (!errors.isEmpty()) {
            throw errors.reject(ProblemType.INVALID_SAMPLES,
                    bad + " of the " + samples + " NDJSON lines " + (bad == 1 ? "is" : "are") + " invalid; nothing was written");
        }
        if (samples == 0) {
            throw ProblemException.of(ProblemType.INVALID_SAMPLES, "The NDJSON body has no samples.");
        }
        return ids;
    }

    /** About how many lines a body of {@code contentLength} bytes has (lines of 100 bytes; 0 when unknown). */
    private int expectedLines(Long contentLength) {
        return contentLength == null ? 0 : (int) Math.min(limits.maxNdjsonLines(), contentLength / 100);
    }

    /**
     * Adds the id of a line read by {@link PlainTextSampleLine} and, while the request has no errors, sends its
     * value spliced from the line's bytes (a repeated id is found at the end, and aborts the transaction).
     */
    private static void spliced(PlainTextSampleLine plain, SampleValueSplicer splicer, AcceptedIds ids,
            int lineNumber, Function<byte[], ProducerRecord<String, byte[]>> records, Transaction tx, ErrorList errors) {
        byte[] idSource = plain.bytes();
        int idFrom = plain.idFrom();
        int idLength = plain.idLength();
        if (idFrom >= 0) {
            ids.claim(idSource, idFrom, idLength, lineNumber);
        } else {
            String chosen = SampleDraft.chooseId();
            ids.addChosen(chosen, lineNumber);
            idSource = chosen.getBytes(StandardCharsets.ISO_8859_1);
            idFrom = 0;
            idLength = idSource.length;
        }
        if (errors.isEmpty()) {
            long now = System.currentTimeMillis();
            long producedAt = plain.producedAt() >= 0 ? plain.producedAt() : now;
            tx.send(records.apply(splicer.value(plain, idSource, idFrom, idLength, producedAt, now)));
        }
    }

    private SampleDraft parse(StrictJson json, LineReader lines, ModelSpec spec, EntryRef at, ErrorList errors)
            throws IOException {
        FlatSampleParser.RawSample raw = bodies.flat().parse(lines.bytes(), lines.offset(), lines.length());
        SampleDraft valid = raw == null ? null : validator.validIfFlat(raw, spec);
        if (valid != null) {
            return valid;
        }
        JsonNode node;
        try {
            node = json.parse(lines.bytes(), lines.offset(), lines.length());
        } catch (JsonProcessingException e) {
            errors.add(at.error("$", StrictJson.describeInLine(e)));
            return null;
        }
        return validator.validate(node, spec, at, errors);
    }

    private SampleDraft overflow(EntryRef at, ErrorList errors) {
        errors.add(at.error("$", "line is longer than " + validator.limits().maxLineBytes()
                + " bytes, more than any valid sample needs"));
        return null;
    }

    private static long usedHeapMib() {
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }
}
