package io.guichet.kb;

import java.util.List;
import java.util.Map;

/**
 * Merges the retrievers' rankings (langchain4j's {@code ContentAggregator} seam): each document
 * scores the sum of 1 / (k + rank) over the rankings it appears in, so that agreement between the
 * lexical and the dense halves lifts a document without either half's raw scores being compared.
 */
final class ReciprocalRankFusion {
    /** The usual constant: it keeps the first ranks from weighing everything. */
    static final int K = 60;

    private ReciprocalRankFusion() {
    }

    /** Adds each document's reciprocal rank in {@code ranking} (best first) to its fused score. */
    static void add(List<Integer> ranking, Map<Integer, Double> fused) {
        for (int rank = 0; rank < ranking.size(); rank++) {
            fused.merge(ranking.get(rank), 1.0 / (K + rank + 1), Double::sum);
        }
    }
}
