package io.guichet.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * e5-small-v2 (quantized), from the langchain4j jar that ships it, with an ONNX session of our
 * own: one thread per inference. ONNX Runtime's default spreads one inference over every core;
 * under a server's concurrent requests those threads fight each other and the event loop (on
 * two cores an embedding took 8.2 ms, median, in the service against 3.5 ms alone). With one
 * thread each, concurrent requests use the cores side by side, and batches are spread over a
 * pool sized to the cores.
 */
final class E5SmallModel extends AbstractInProcessEmbeddingModel {
    private static final int DIMENSION = 384;
    private static final ExecutorService BATCHES = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), runnable -> {
                Thread thread = new Thread(runnable, "embedding-batch");
                thread.setDaemon(true);
                return thread;
            });

    private final OnnxBertBiEncoder encoder;

    E5SmallModel() {
        super(BATCHES);
        try (InputStream model = resource("/e5-small-v2-q.onnx");
             InputStream tokenizer = resource("/e5-small-v2-q-tokenizer.json")) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            encoder = new OnnxBertBiEncoder(environment, environment.createSession(model.readAllBytes(), options),
                    tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the embedding model", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = E5SmallModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " missing from the classpath");
        }
        return in;
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }
}
