package dev.streamtune.trainer.messaging;

import dev.streamtune.contracts.ModelSpec;
import dev.streamtune.contracts.SampleRecord;

/** What the trainer decided about one consumed sample record: train it, or dead-letter it with a reason. */
public sealed interface SampleVerdict {

    /** A valid sample for a known model. */
    record Accepted(SampleRecord sample, ModelSpec spec) implements SampleVerdict {}

    /** A record that cannot be trained; goes to the dead-letter topic. */
    record Rejected(RejectReason reason, String detail) implements SampleVerdict {}
}
