package io.guichet.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import java.util.List;
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
}
