package dev.streamtune.trainer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Every setting of trainer-service, prefix {@code trainer}; each key is overridable by environment variable. */
@ConfigMapping(prefix = "trainer")
public interface TrainerConfig {

    /** Topic name prefix shared by all StreamTune services. */
    @WithDefault("streamtune.")
    String topicPrefix();

    /** Replication factor of the topics this service creates when missing; {@code -1}: the broker's default. */
    @WithDefault("-1")
    short topicReplicationFactor();

    /** Consumer group of the trainers; instances in one group split the models by partition. */
    @WithDefault("streamtune-trainer")
    String groupId();

    /** This instance's id, part of its transactional id; must be unique among running trainers. */
    @WithDefault("trainer-1")
    String instanceId();

    /** {@code auto} (GPU when the engine sees one), {@code cpu} or {@code gpu}. */
    @WithDefault("auto")
    String device();

    /** Whether the training loop starts with the application (tests of REST-only paths turn it off). */
    @WithDefault("true")
    boolean enabled();

    /** Consuming settings. */
    Consume consume();

    /** Checkpoint settings. */
    Checkpoint checkpoint();

    /** Deduplication of producer retries. */
    Dedup dedup();

    /** Head and optimizer settings for new models. */
    Learner learner();

    /** Optional HMAC-SHA256 key that signs every published weights artifact. */
    Optional<String> signingKey();

    /** Consuming settings. */
    interface Consume {
        /** Most records handed to the trainers per poll. */
        @WithDefault("500")
        int maxRecords();

        /** Longest wait for records in one poll, in milliseconds. */
        @WithDefault("200")
        int maxWaitMs();
    }

    /** Checkpoint settings. */
    interface Checkpoint {
        /** A checkpoint (with the consumed offsets) is committed at least this often, in seconds. */
        @WithDefault("10")
        double everySeconds();
    }

    /** Deduplication of producer retries. */
    interface Dedup {
        /** How many recent sample ids per model are remembered; a retry older than that trains again. */
        @WithDefault("100000")
        int window();
    }

    /** Head and optimizer settings for new models (replay comes from each model's spec). */
    interface Learner {
        /** Hidden layer sizes of the MLP head, comma-separated; empty for a linear head. */
        @WithDefault("256")
        java.util.List<Integer> hidden();

        /** Dropout between head layers. */
        @WithDefault("0.1")
        float dropout();

        /** Adam learning rate of the head. */
        @WithDefault("0.001")
        float learningRate();

        /** Passes over each consumed batch (online learning takes a few steps per batch). */
        @WithDefault("3")
        int passes();

        /** Samples per gradient step, new and replayed together. */
        @WithDefault("64")
        int batchSize();

        /** Share of sample ids held out for evaluation and the forgetting gate. */
        @WithDefault("0.1")
        double holdoutFraction();
    }

    /** Text models whose encoder trains ({@code fine-tune}, {@code lora}). */
    Tuning tuning();

    /** Settings of {@code fine-tune} and {@code lora} models; how many layers and the LoRA rank come from the spec. */
    interface Tuning {
        /** Tokens kept per text (longer texts are truncated); also the width of the replayed token-id rows. */
        @WithDefault("128")
        int maxTokens();

        /** Samples per training step, new plus replayed. */
        @WithDefault("16")
        int batchSize();

        /** Passes over each polled batch. */
        @WithDefault("1")
        int passes();

        /** Learning rate of the classification head. */
        @WithDefault("0.01")
        float headLearningRate();

        /** Learning rate of the tuned layers ({@code fine-tune}); far below the head's. */
        @WithDefault("0.00005")
        float layerLearningRate();

        /** Learning rate of the LoRA adapters. */
        @WithDefault("0.001")
        float adapterLearningRate();

        /** Steps over which the learning rates rise linearly from 0. */
        @WithDefault("20")
        int warmupSteps();

        /** L2-SP strength anchoring the tuned weights to the pretrained ones; 0 switches it off. */
        @WithDefault("0")
        float anchorWeight();

        /** LoRA scaling numerator as a multiple of the rank (alpha = 2 · rank by default). */
        @WithDefault("2")
        float loraAlphaPerRank();

        /**
         * PyTorch intra-op threads when none is set with {@code -Dai.djl.pytorch.num_threads}: on two shared cores
         * a training step at 2 threads collapses to a fifth of its 1-thread speed (spin-waiting).
         */
        @WithDefault("1")
        int cpuThreads();
    }
}
