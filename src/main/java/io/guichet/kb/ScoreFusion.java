package io.guichet.kb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the two halves of the search (langchain4j's {@code ContentAggregator} seam) on their
 * scores, each put on a scale that says how far it can be trusted for this query. A fixed rank
 * fusion gives the dense half's first document as much weight when its cosines are all at the
 * level of unrelated text as when one passage paraphrases the question; on real questions it
 * lost to the lexical half alone.
 * <ul>
 *   <li>The dense half counts on the absolute cosine scale of {@link Answerability}: nothing at
 *   the level of unrelated text, all of it for a close paraphrase.</li>
 *   <li>The lexical half counts relative to the query's best document: BM25 scores grow with the
 *   query's length and rare words, so only their ratios compare across documents.</li>
 * </ul>
 */
final class ScoreFusion {
    /** Share of the lexical half; measured over the public sets, 0.45 to 0.55 rank alike. */
    private static final double LEXICAL_WEIGHT = 0.5;

    private ScoreFusion() {
    }

    /** Document to fused score in [0, 1], from the lexical ranking and each document's best cosine. */
    static Map<Integer, Double> fuse(List<LexicalRetriever.Scored> lexical, Map<Integer, Double> denseCosines) {
        Map<Integer, Double> fused = new HashMap<>();
        double best = lexical.isEmpty() ? 1 : lexical.get(0).score();
        for (LexicalRetriever.Scored hit : lexical) {
            fused.merge(hit.document(), LEXICAL_WEIGHT * hit.score() / best, Double::sum);
        }
        denseCosines.forEach((document, cosine) -> fused.merge(document,
                (1 - LEXICAL_WEIGHT) * Answerability.semantic(cosine), Double::sum));
        return fused;
    }
}
