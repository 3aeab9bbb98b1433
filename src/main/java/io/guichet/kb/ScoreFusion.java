package io.guichet.kb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

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
 *   <li>A document's best window of a few sentences adds the share of the query's information
 *   that it states ({@link Answerability.Asked#coverage}): BM25 scores a whole document, where a
 *   page that states a question's words far apart scores as one that states them together, in
 *   the sentences that answer it.</li>
 * </ul>
 */
final class ScoreFusion {
    /** Share of the lexical half; measured over the public sets, 0.45 to 0.55 rank alike. */
    private static final double LEXICAL_WEIGHT = 0.5;
    /**
     * Weight of a document's best sentence window, added to both halves: measured 0.1 to 1.0 over
     * the public sets; above 0.5 the main set's wrong answers rose (a page stating some of a
     * question's words together outranking the page it is about), below it the real questions
     * gained less.
     */
    private static final double WINDOW_WEIGHT = 0.5;

    private ScoreFusion() {
    }

    /**
     * Document to fused score, from the lexical ranking, each document's best cosine and, for each
     * document either half found, the coverage of its best sentence window.
     */
    static Map<Integer, Double> fuse(List<LexicalRetriever.Scored> lexical, Map<Integer, Double> denseCosines,
                                     IntToDoubleFunction bestWindowCoverage) {
        Map<Integer, Double> fused = new HashMap<>();
        double best = lexical.isEmpty() ? 1 : lexical.get(0).score();
        for (LexicalRetriever.Scored hit : lexical) {
            fused.merge(hit.document(), LEXICAL_WEIGHT * hit.score() / best, Double::sum);
        }
        denseCosines.forEach((document, cosine) -> fused.merge(document,
                (1 - LEXICAL_WEIGHT) * Answerability.semantic(cosine), Double::sum));
        fused.replaceAll((document, score) -> score + WINDOW_WEIGHT * bestWindowCoverage.applyAsDouble(document));
        return fused;
    }
}
