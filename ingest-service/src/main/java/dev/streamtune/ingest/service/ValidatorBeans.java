package dev.streamtune.ingest.service;

import dev.streamtune.ingest.config.IngestConfig;
import dev.streamtune.ingest.validation.ModelSpecValidator;
import dev.streamtune.ingest.validation.SampleLimits;
import dev.streamtune.ingest.validation.SampleValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the validators (plain classes, no CDI) from the configured limits. */
@ApplicationScoped
public class ValidatorBeans {

    @Produces
    @Singleton
    SampleValidator sampleValidator(IngestConfig config) {
        return new SampleValidator(SampleLimits.from(config.limits()));
    }

    @Produces
    @Singleton
    ModelSpecValidator modelSpecValidator(IngestConfig config) {
        IngestConfig.LimitSettings limits = config.limits();
        return new ModelSpecValidator(limits.maxLabelLength(), limits.maxSpecLabels(), limits.maxListedErrors());
    }
}
