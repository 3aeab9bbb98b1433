package io.guichet.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlatEmbeddingStoreTest {

    @Test
    void returnsTheClosestFirstAndRespectsLimitsAndMinScore() {
        FlatEmbeddingStore<String> store = new FlatEmbeddingStore<>(2);
        store.add(Embedding.from(new float[] {1, 0}), "east");
        store.add(Embedding.from(new float[] {0, 1}), "north");
        store.add(Embedding.from(new float[] {0.8f, 0.6f}), "north-east");
        for (int i = 0; i < 100; i++) {
            store.add(Embedding.from(new float[] {-1, 0}), "west " + i);
        }
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(new float[] {1, 0})).maxResults(2).minScore(0.0).build();
        List<EmbeddingMatch<String>> matches = store.search(request).matches();
        assertEquals(List.of("east", "north-east"), matches.stream().map(EmbeddingMatch::embedded).toList());
        assertEquals(0.8, matches.get(1).score(), 1e-6);

        EmbeddingSearchRequest strict = EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(new float[] {1, 0})).maxResults(10).minScore(0.9).build();
        assertEquals(1, store.search(strict).matches().size());
    }

    @Test
    void refusesVectorsOfAnotherDimension() {
        FlatEmbeddingStore<String> store = new FlatEmbeddingStore<>(3);
        assertThrows(IllegalArgumentException.class, () -> store.add(Embedding.from(new float[] {1, 0}), "x"));
    }

    @Test
    void aPartitionedStoreFindsNearlyWhatAFullScanFinds() {
        int dimension = 48;
        Random random = new Random(7);
        float[][] topics = new float[300][];
        for (int t = 0; t < topics.length; t++) {
            topics[t] = unit(noise(random, dimension, 1));
        }
        FlatEmbeddingStore<Integer> store = new FlatEmbeddingStore<>(dimension);
        int rows = FlatEmbeddingStore.PARTITION_FROM + 1000;
        for (int r = 0; r < rows; r++) {
            store.add(Embedding.from(near(topics[r % topics.length], random, 0.8f)), r);
        }
        List<List<Integer>> exact = new ArrayList<>();
        List<float[]> queries = new ArrayList<>();
        for (int q = 0; q < 50; q++) {
            float[] query = near(topics[random.nextInt(topics.length)], random, 0.8f);
            queries.add(query);
            exact.add(store.nearest(List.of(query), 10).get(0).stream().map(FlatEmbeddingStore.Nearest::item).toList());
        }
        store.partition();
        int found = 0;
        for (int q = 0; q < queries.size(); q++) {
            List<Integer> approximate = store.nearest(List.of(queries.get(q)), 10).get(0).stream()
                    .map(FlatEmbeddingStore.Nearest::item).toList();
            found += (int) approximate.stream().filter(exact.get(q)::contains).count();
        }
        double recall = found / (10.0 * queries.size());
        assertTrue(recall >= 0.9, "recall@10 after partitioning: " + recall);
        // The exact search of the langchain4j interface still sees every row, wherever it was moved.
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                .queryEmbedding(Embedding.from(queries.get(0))).maxResults(10).minScore(0.0).build();
        assertEquals(exact.get(0), store.search(request).matches().stream().map(EmbeddingMatch::embedded).toList());
    }

    private static float[] near(float[] topic, Random random, float spread) {
        float[] v = noise(random, topic.length, spread);
        for (int d = 0; d < v.length; d++) {
            v[d] += topic[d];
        }
        return unit(v);
    }

    private static float[] noise(Random random, int dimension, float scale) {
        float[] v = new float[dimension];
        for (int d = 0; d < dimension; d++) {
            v[d] = (float) random.nextGaussian() * scale / (float) Math.sqrt(dimension);
        }
        return v;
    }

    private static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int d = 0; d < v.length; d++) {
            v[d] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
