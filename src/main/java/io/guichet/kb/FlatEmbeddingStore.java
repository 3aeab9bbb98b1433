package io.guichet.kb;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import io.guichet.embedding.SentenceEmbedder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * An embedding store over one contiguous float array of unit vectors, several times faster to
 * scan than a list of objects. Up to a few thousand passages, {@link #nearest} scans it all:
 * exact, and a millisecond or two. A large base (10,000 documents make 25,000 passages, whose
 * scan took 28% of the service's time under load) is {@linkplain #partition() partitioned} once
 * built: the vectors are grouped around cluster centres (spherical k-means) and a query scans
 * only the clusters whose centres are closest to it, about an eighth of the rows. Built once
 * per knowledge-base version, then only read: adds are not meant to race with searches.
 */
final class FlatEmbeddingStore<T> implements EmbeddingStore<T> {
    /** Below this many vectors a full scan is cheap enough to stay exact. */
    static final int PARTITION_FROM = 8000;
    private static final int KMEANS_ROUNDS = 6;
    private static final int SAMPLE_PER_CLUSTER = 32;

    private final int dimension;
    private float[] vectors = new float[0];
    private List<String> ids = new ArrayList<>();
    private List<T> items = new ArrayList<>();
    /** Cluster centres, one row each; empty until partitioned. */
    private float[] centres = new float[0];
    /** Rows of cluster c are [clusterStart[c], clusterStart[c + 1]). */
    private int[] clusterStart = new int[0];

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

    /** An item and its cosine to a query. */
    record Nearest<T>(T item, double score) {
    }

    /**
     * For each query, its {@code maxResults} closest items, best first, from a single pass over the
     * vectors. The scan is bound by memory bandwidth (10,000 documents make 38 MB of vectors), so
     * several queries (a question and its translation) cost little more than one: each row is
     * read once and compared with all of them while it is in cache.
     */
    List<List<Nearest<T>>> nearest(List<float[]> queries, int maxResults) {
        int rows = ids.size();
        TopK[] best = new TopK[queries.size()];
        for (int q = 0; q < best.length; q++) {
            best[q] = new TopK(Math.min(maxResults, rows));
        }
        if (clusterStart.length == 0) {
            scan(0, rows, queries, best);
        } else {
            // Each query's closest clusters; every query is compared in all of them, which can only help it.
            boolean[] probed = new boolean[clusterStart.length - 1];
            for (float[] query : queries) {
                for (int c : closestCentres(query, probes())) {
                    probed[c] = true;
                }
            }
            for (int c = 0; c < probed.length; c++) {
                if (probed[c]) {
                    scan(clusterStart[c], clusterStart[c + 1], queries, best);
                }
            }
        }
        List<List<Nearest<T>>> out = new ArrayList<>(best.length);
        for (TopK top : best) {
            List<Nearest<T>> matches = new ArrayList<>(top.size());
            top.bestFirst((row, score) -> matches.add(new Nearest<>(items.get(row), score)));
            out.add(matches);
        }
        return out;
    }

    private void scan(int from, int to, List<float[]> queries, TopK[] best) {
        for (int r = from; r < to; r++) {
            int base = r * dimension;
            for (int q = 0; q < best.length; q++) {
                best[q].offer(r, SentenceEmbedder.dot(vectors, base, queries.get(q), 0, dimension));
            }
        }
    }

    /** Clusters scanned per query: an eighth of them, and never fewer than 8. */
    private int probes() {
        int clusters = clusterStart.length - 1;
        return Math.min(clusters, Math.max(8, clusters / 8));
    }

    private int[] closestCentres(float[] query, int count) {
        TopK closest = new TopK(count);
        for (int c = 0; c < clusterStart.length - 1; c++) {
            closest.offer(c, SentenceEmbedder.dot(centres, c * dimension, query, 0, dimension));
        }
        int[] out = new int[closest.size()];
        int[] next = {0};
        closest.bestFirst((c, score) -> out[next[0]++] = c);
        return out;
    }

    /**
     * Groups the rows around about sqrt(n) centres, when there are at least {@link #PARTITION_FROM}
     * of them: spherical k-means on a sample (centres are unit means, closeness is the cosine),
     * then every row to its closest centre, rows regrouped cluster by cluster so that a probe
     * reads contiguous memory. Deterministic: the same vectors give the same clusters. Takes
     * about a second for 25,000 rows; call once, after the last add.
     */
    void partition() {
        int rows = ids.size();
        if (rows < PARTITION_FROM) {
            return;
        }
        int clusters = (int) Math.round(Math.sqrt(rows));
        Random random = new Random(rows);
        int[] sample = random.ints(0, rows).distinct().limit(Math.min(rows, (long) clusters * SAMPLE_PER_CLUSTER))
                .toArray();
        float[] centre = new float[clusters * dimension];
        for (int c = 0; c < clusters; c++) {
            System.arraycopy(vectors, sample[c] * dimension, centre, c * dimension, dimension);
        }
        for (int round = 0; round < KMEANS_ROUNDS; round++) {
            float[] sums = new float[clusters * dimension];
            for (int row : sample) {
                int c = closestOf(centre, clusters, row);
                for (int d = 0; d < dimension; d++) {
                    sums[c * dimension + d] += vectors[row * dimension + d];
                }
            }
            for (int c = 0; c < clusters; c++) {
                if (!normalise(sums, c * dimension)) {
                    // An empty cluster keeps its centre rather than collapsing to zero.
                    System.arraycopy(centre, c * dimension, sums, c * dimension, dimension);
                }
            }
            centre = sums;
        }
        int[] clusterOf = new int[rows];
        int[] counts = new int[clusters + 1];
        for (int r = 0; r < rows; r++) {
            clusterOf[r] = closestOf(centre, clusters, r);
            counts[clusterOf[r] + 1]++;
        }
        int[] start = new int[clusters + 1];
        for (int c = 0; c < clusters; c++) {
            start[c + 1] = start[c] + counts[c + 1];
        }
        int[] next = Arrays.copyOf(start, clusters);
        float[] regrouped = new float[rows * dimension];
        List<String> regroupedIds = new ArrayList<>(Collections.nCopies(rows, null));
        List<T> regroupedItems = new ArrayList<>(Collections.nCopies(rows, null));
        for (int r = 0; r < rows; r++) {
            int position = next[clusterOf[r]]++;
            System.arraycopy(vectors, r * dimension, regrouped, position * dimension, dimension);
            regroupedIds.set(position, ids.get(r));
            regroupedItems.set(position, items.get(r));
        }
        vectors = regrouped;
        ids = regroupedIds;
        items = regroupedItems;
        centres = centre;
        clusterStart = start;
    }

    private int closestOf(float[] centre, int clusters, int row) {
        int best = 0;
        float bestScore = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < clusters; c++) {
            float score = SentenceEmbedder.dot(centre, c * dimension, vectors, row * dimension, dimension);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** Scales the row at {@code base} to unit length; false when it is all zeros. */
    private boolean normalise(float[] rows, int base) {
        double norm = 0;
        for (int d = 0; d < dimension; d++) {
            norm += rows[base + d] * rows[base + d];
        }
        if (norm == 0) {
            return false;
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int d = 0; d < dimension; d++) {
            rows[base + d] *= inverse;
        }
        return true;
    }

    private interface RowVisitor {
        void accept(int row, float score);
    }

    /** The k best-scoring rows seen so far: a min-heap on primitive arrays, no boxing per row. */
    private static final class TopK {
        private final int[] rows;
        private final float[] scores;
        private int size;

        TopK(int k) {
            rows = new int[k];
            scores = new float[k];
        }

        void offer(int row, float score) {
            if (size < rows.length) {
                rows[size] = row;
                scores[size] = score;
                siftUp(size++);
            } else if (size > 0 && score > scores[0]) {
                rows[0] = row;
                scores[0] = score;
                siftDown(0);
            }
        }

        int size() {
            return size;
        }

        /** Hands each kept row and its score to {@code visitor}, best first. */
        void bestFirst(RowVisitor visitor) {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Float.compare(scores[b], scores[a]));
            for (int i : order) {
                visitor.accept(rows[i], scores[i]);
            }
        }

        private void siftUp(int i) {
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (scores[parent] <= scores[i]) {
                    return;
                }
                swap(i, parent);
                i = parent;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int smallest = i;
                int left = 2 * i + 1;
                if (left < size && scores[left] < scores[smallest]) {
                    smallest = left;
                }
                if (left + 1 < size && scores[left + 1] < scores[smallest]) {
                    smallest = left + 1;
                }
                if (smallest == i) {
                    return;
                }
                swap(i, smallest);
                i = smallest;
            }
        }

        private void swap(int a, int b) {
            int row = rows[a];
            rows[a] = rows[b];
            rows[b] = row;
            float score = scores[a];
            scores[a] = scores[b];
            scores[b] = score;
        }
    }

    @Override
    public EmbeddingSearchResult<T> search(EmbeddingSearchRequest request) {
        float[] query = request.queryEmbedding().vector();
        int rows = ids.size();
        TopK best = new TopK(Math.min(request.maxResults(), rows));
        for (int r = 0; r < rows; r++) {
            float score = SentenceEmbedder.dot(vectors, r * dimension, query, 0, dimension);
            if (score >= request.minScore()) {
                best.offer(r, score);
            }
        }
        List<EmbeddingMatch<T>> matches = new ArrayList<>();
        best.bestFirst((r, score) -> matches.add(new EmbeddingMatch<>((double) score, ids.get(r),
                Embedding.from(Arrays.copyOfRange(vectors, r * dimension, (r + 1) * dimension)), items.get(r))));
        return new EmbeddingSearchResult<>(matches);
    }
}
