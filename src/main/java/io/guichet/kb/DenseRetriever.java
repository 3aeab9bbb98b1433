package io.guichet.kb;

import io.guichet.embedding.SentenceEmbedder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The dense half of the search: passages by the cosine of their sentence vector to the query's. */
final class DenseRetriever {
    private final FlatEmbeddingStore<Integer> vectors;
    private final SentenceEmbedder embedder;

    DenseRetriever(FlatEmbeddingStore<Integer> vectors, SentenceEmbedder embedder) {
        this.vectors = vectors;
        this.embedder = embedder;
    }

    /** Cosine of every close passage to the query or to its translation, the better of the two. */
    Map<Integer, Double> passageCosines(RetrievalQuery query, int candidates) {
        Map<Integer, Double> cosines = new HashMap<>();
        for (List<FlatEmbeddingStore.Nearest<Integer>> matches : vectors.nearest(
                embedder.embedQueries(query.denseTexts()), candidates)) {
            for (FlatEmbeddingStore.Nearest<Integer> match : matches) {
                cosines.merge(match.item(), match.score(), Math::max);
            }
        }
        return cosines;
    }
}
