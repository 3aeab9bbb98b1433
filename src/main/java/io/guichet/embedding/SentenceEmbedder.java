package io.guichet.embedding;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    /** Recent query vectors kept: a message is embedded once for its intent and reused by search. */
    private static final int CACHED_QUERIES = 4096;

    private final EmbeddingModel model;
    private final int dimension;
    private final Map<String, float[]> recentQueries = new LinkedHashMap<>(CACHED_QUERIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHED_QUERIES;
        }
    };

    public SentenceEmbedder(EmbeddingModel model) {
        this.model = model;
        this.dimension = model.dimension();
    }

    /** The model shipped with the product. */
    public static SentenceEmbedder shipped() {
        return new SentenceEmbedder(new E5SmallModel());
    }

    public int dimension() {
        return dimension;
    }

    /** Names the model: vectors made by another model are not comparable and must not be reused. */
    public String modelId() {
        return model.getClass().getName() + "/" + dimension;
    }

    /** A question, or a short text to compare with others of its kind. */
    public float[] embedQuery(String text) {
        return embedQueries(List.of(text)).get(0);
    }

    /** As {@link #embedQuery}, for several texts at once (one model call for those not seen recently). */
    public List<float[]> embedQueries(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        List<String> missing = new ArrayList<>();
        synchronized (recentQueries) {
            for (String text : texts) {
                float[] known = recentQueries.get(text);
                out.add(known);
                if (known == null) {
                    missing.add(text);
                }
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        List<float[]> fresh = embedAll(QUERY, missing);
        synchronized (recentQueries) {
            for (int i = 0, f = 0; i < out.size(); i++) {
                if (out.get(i) == null) {
                    out.set(i, fresh.get(f));
                    recentQueries.put(texts.get(i), fresh.get(f++));
                }
            }
        }
        return out;
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
        return dot(a, 0, b, 0, a.length);
    }

    /**
     * Dot product of two rows of {@code length}, in two arrays at their offsets, with eight
     * independent sums: the JIT does not reorder float additions, so a single running sum waits
     * on itself at every step; eight let the CPU overlap them (measured: 25,000 rows of 384 in
     * 3.4 ms instead of 5.3 ms).
     */
    public static float dot(float[] a, int aBase, float[] b, int bBase, int length) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int d = 0;
        for (; d + 8 <= length; d += 8) {
            s0 += a[aBase + d] * b[bBase + d];
            s1 += a[aBase + d + 1] * b[bBase + d + 1];
            s2 += a[aBase + d + 2] * b[bBase + d + 2];
            s3 += a[aBase + d + 3] * b[bBase + d + 3];
            s4 += a[aBase + d + 4] * b[bBase + d + 4];
            s5 += a[aBase + d + 5] * b[bBase + d + 5];
            s6 += a[aBase + d + 6] * b[bBase + d + 6];
            s7 += a[aBase + d + 7] * b[bBase + d + 7];
        }
        for (; d < length; d++) {
            s0 += a[aBase + d] * b[bBase + d];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
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
