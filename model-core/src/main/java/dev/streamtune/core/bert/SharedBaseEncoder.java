package dev.streamtune.core.bert;

import dev.streamtune.core.backbone.BackboneInfo;
import dev.streamtune.core.backbone.TextEncoderOptions;

/**
 * The built-in MiniLM encoder of a process, opened once on first use and shared by every model (and version) built
 * on it: a {@code lora} model then costs only its adapters, a {@code fine-tune} model its tuned layers. Close it
 * after every model built on it.
 */
public final class SharedBaseEncoder implements AutoCloseable {

    private final TextEncoderOptions options;
    private MiniLmEncoder encoder;
    private boolean closed;

    /** @param options tokenizer length and cache folder of the encoder */
    public SharedBaseEncoder(TextEncoderOptions options) {
        this.options = options;
    }

    /**
     * The encoder, opened now if this is its first use.
     *
     * @throws dev.streamtune.core.backbone.BackboneLoadException when it cannot be opened
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized MiniLmEncoder get() {
        if (closed) {
            throw new IllegalStateException("the shared base encoder is closed");
        }
        if (encoder == null) {
            encoder = MiniLmEncoder.openBuiltIn(options);
        }
        return encoder;
    }

    /** Identity of its weights (recorded in every version trained on it). */
    public BackboneInfo info() {
        return MiniLmEncoder.builtInInfo();
    }

    /** Tokens kept per text. */
    public int maxTokens() {
        return options.maxLength();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }
}
