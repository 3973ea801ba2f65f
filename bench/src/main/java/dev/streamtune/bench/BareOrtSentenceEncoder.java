package dev.streamtune.bench;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.streamtune.core.backbone.MeanPooling;
import dev.streamtune.core.backbone.TokenBatch;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The baseline of {@code bench embed}: MiniLM on a bare ONNX Runtime {@link OrtSession}, no DJL, with the same
 * ONNX file, the same tokenizer (hence the same token ids), the same thread count and the same pooling as
 * {@link dev.streamtune.core.backbone.MiniLmBackbone}. Not thread-safe.
 */
final class BareOrtSentenceEncoder implements AutoCloseable {

    private final OrtEnvironment env;
    private final OrtSession.SessionOptions sessionOptions;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    BareOrtSentenceEncoder(Path onnx, HuggingFaceTokenizer tokenizer, int intraOpThreads) throws OrtException {
        this.env = OrtEnvironment.getEnvironment();
        this.sessionOptions = new OrtSession.SessionOptions();
        sessionOptions.setIntraOpNumThreads(intraOpThreads);
        this.session = env.createSession(onnx.toString(), sessionOptions);
        this.tokenizer = tokenizer;
    }

    /** Unit-length sentence vectors for one batch. */
    float[][] embed(List<String> texts) throws OrtException {
        TokenBatch tokens = TokenBatch.of(tokenizer.batchEncode(texts));
        long[] shape = tokens.shape();
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(tokens.ids()), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(tokens.mask()), shape);
                OnnxTensor typesTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(tokens.types()), shape);
                OrtSession.Result result = session.run(Map.of(
                        "input_ids", idsTensor, "attention_mask", maskTensor, "token_type_ids", typesTensor))) {
            OnnxTensor hidden = (OnnxTensor) result.get(0);
            long[] dims = hidden.getInfo().getShape();
            FloatBuffer values = hidden.getFloatBuffer();
            return MeanPooling.poolAndNormalize(values, tokens.mask(), tokens.batch(), tokens.seq(), (int) dims[2]);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
        sessionOptions.close();
    }
}
