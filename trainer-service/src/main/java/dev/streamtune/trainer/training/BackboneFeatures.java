package dev.streamtune.trainer.training;

import dev.streamtune.contracts.Modality;
import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;
import dev.streamtune.core.backbone.Backbone;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Features from frozen backbones, one shared instance per backbone id (opened on first use, never per request),
 * whatever number of models use it. Text goes in as is; images as their decoded PNG/JPEG bytes.
 */
public final class BackboneFeatures implements FeatureExtractor, AutoCloseable {

    private final BiFunction<String, Modality, Backbone<?>> opener;
    private final Map<String, Backbone<?>> open = new ConcurrentHashMap<>();

    /**
     * @param opener opens a backbone by reference (e.g. {@code minilm-l6-v2}) for a modality; throws
     *     IllegalArgumentException for an unknown one
     */
    public BackboneFeatures(BiFunction<String, Modality, Backbone<?>> opener) {
        this.opener = opener;
    }

    /** The opened backbone of {@code spec}'s model. */
    public Backbone<?> backbone(ModelSpec spec) {
        Modality modality = spec.task().modality();
        return open.computeIfAbsent(spec.backbone() + "|" + modality, k -> opener.apply(spec.backbone(), modality));
    }

    @Override
    @SuppressWarnings("unchecked")
    public float[][] features(ModelSpec spec, List<SampleRecord> samples) {
        Backbone<?> b = backbone(spec);
        if (b.info().modality() == Modality.TEXT) {
            List<String> texts = new ArrayList<>(samples.size());
            for (SampleRecord s : samples) {
                texts.add(s.text());
            }
            return ((Backbone<String>) b).embed(texts);
        }
        List<byte[]> images = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            try {
                images.add(Base64.getDecoder().decode(samples.get(i).image()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sample " + samples.get(i).id() + ": image is not base64", e);
            }
        }
        return ((Backbone<byte[]>) b).embed(images);
    }

    @Override
    public void close() {
        open.values().forEach(Backbone::close);
        open.clear();
    }
}
