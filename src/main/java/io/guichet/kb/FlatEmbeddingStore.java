package io.guichet.kb;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * An exact (brute-force) embedding store over one contiguous float array of unit vectors: at the
 * knowledge base's size (thousands to tens of thousands of passages) a scan of a flat array is
 * both simpler and faster than an approximate index, and several times faster than a list of
 * objects. Built once per knowledge-base version, then only read: adds are not meant to race
 * with searches.
 */
final class FlatEmbeddingStore<T> implements EmbeddingStore<T> {
    private final int dimension;
    private float[] vectors = new float[0];
    private final List<String> ids = new ArrayList<>();
    private final List<T> items = new ArrayList<>();

    FlatEmbeddingStore(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public String add(Embedding embedding) {
        return add(embedding, null);
    }

    @Override
    public void add(String id, Embedding embedding) {
        append(id, embedding.vector(), null);
    }

    @Override
    public String add(Embedding embedding, T item) {
        String id = UUID.randomUUID().toString();
        append(id, embedding.vector(), item);
        return id;
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
        return embeddings.stream().map(this::add).toList();
    }

    private void append(String id, float[] vector, T item) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("expected dimension " + dimension + ", got " + vector.length);
        }
        int row = ids.size();
        if ((row + 1) * dimension > vectors.length) {
            vectors = Arrays.copyOf(vectors, Math.max(dimension * 64, vectors.length * 2));
        }
        System.arraycopy(vector, 0, vectors, row * dimension, dimension);
        ids.add(id);
        items.add(item);
    }

    private float[] cosines(float[] query) {
        int rows = ids.size();
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            int base = r * dimension;
            float sum = 0;
            for (int d = 0; d < dimension; d++) {
                sum += vectors[base + d] * query[d];
            }
            out[r] = sum;
        }
        return out;
    }

    @Override
    public EmbeddingSearchResult<T> search(EmbeddingSearchRequest request) {
        float[] cosines = cosines(request.queryEmbedding().vector());
        PriorityQueue<Integer> best = new PriorityQueue<>(Comparator.comparingDouble(r -> cosines[r]));
        for (int r = 0; r < cosines.length; r++) {
            if (cosines[r] >= request.minScore()) {
                best.add(r);
                if (best.size() > request.maxResults()) {
                    best.poll();
                }
            }
        }
        List<EmbeddingMatch<T>> matches = new ArrayList<>();
        while (!best.isEmpty()) {
            int r = best.poll();
            float[] vector = Arrays.copyOfRange(vectors, r * dimension, (r + 1) * dimension);
            matches.add(0, new EmbeddingMatch<>((double) cosines[r], ids.get(r), Embedding.from(vector), items.get(r)));
        }
        return new EmbeddingSearchResult<>(matches);
    }
}
