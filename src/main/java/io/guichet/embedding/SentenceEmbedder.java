package io.guichet.embedding;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.e5smallv2q.E5SmallV2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Unit-length sentence vectors from an in-process langchain4j model, so that a dot product is
 * the cosine. The model ships inside the jar (e5-small-v2, quantized): nothing is downloaded.
 * e5 was trained with a role prefix on every text, "query: " for what is asked (and for texts
 * compared with each other, such as intent examples) and "passage: " for what is searched.
 * Calls block for a few milliseconds: never call from an event loop.
 */
public final class SentenceEmbedder {
    private static final String QUERY = "query: ";
    private static final String PASSAGE = "passage: ";
    private static final int BATCH = 64;

    private final EmbeddingModel model;
    private final int dimension;

    public SentenceEmbedder(EmbeddingModel model) {
        this.model = model;
        this.dimension = model.dimension();
    }

    /** The model shipped with the product. */
    public static SentenceEmbedder shipped() {
        return new SentenceEmbedder(new E5SmallV2QuantizedEmbeddingModel());
    }

    public int dimension() {
        return dimension;
    }

    /** A question, or a short text to compare with others of its kind. */
    public float[] embedQuery(String text) {
        return unit(model.embed(QUERY + text).content().vector());
    }

    public List<float[]> embedQueries(List<String> texts) {
        return embedAll(QUERY, texts);
    }

    /** Texts to be searched. */
    public List<float[]> embedPassages(List<String> texts) {
        return embedAll(PASSAGE, texts);
    }

    private List<float[]> embedAll(String prefix, List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH))
                    .stream().map(t -> TextSegment.from(prefix + t)).toList();
            model.embedAll(batch).content().forEach(e -> out.add(unit(e.vector())));
        }
        return out;
    }

    public static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        if (norm == 0) {
            return v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }
}
