package io.guichet.kb;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;

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
    /**
     * Taken from the score of a document for each degree it falls short of being about what the
     * question asks about: more than any document scores (each half at most its weight, the window
     * at most its own), so that it ranks after every document closer to it.
     */
    private static final double NOT_ABOUT_IT = 1 + WINDOW_WEIGHT;

    private ScoreFusion() {
    }

    /**
     * The {@code k} documents that {@code kept} keeps, best first, scored on the lexical ranking, each
     * document's best cosine and the coverage of its best sentence window. Documents are measured
     * in the order of the two halves' score, and the windows of one that could no longer reach the
     * {@code k}-th (its two halves' score plus the most a window adds) are never measured: a window
     * is measured over every query word, the costliest of the three for a page of many sentences.
     * A document ranks after those that are closer to what the question asks about ({@code
     * shortOfIt}, 0 for a document about it, more the further it falls short).
     */
    static List<Integer> top(List<LexicalRetriever.Scored> lexical, Map<Integer, Double> denseCosines,
                             IntToDoubleFunction bestWindowCoverage, int k, IntPredicate kept,
                             IntUnaryOperator shortOfIt) {
        Map<Integer, Double> halves = new HashMap<>();
        double best = lexical.isEmpty() ? 1 : lexical.get(0).score();
        for (LexicalRetriever.Scored hit : lexical) {
            halves.merge(hit.document(), LEXICAL_WEIGHT * hit.score() / best, Double::sum);
        }
        denseCosines.forEach((document, cosine) -> halves.merge(document,
                (1 - LEXICAL_WEIGHT) * Answerability.semantic(cosine), Double::sum));
        halves.replaceAll((document, score) -> score - shortOfIt.applyAsInt(document) * NOT_ABOUT_IT);
        List<Map.Entry<Integer, Double>> byHalves = halves.entrySet().stream().filter(e -> kept.test(e.getKey()))
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed()).toList();
        Map<Integer, Double> fused = new HashMap<>();
        PriorityQueue<Double> bestK = new PriorityQueue<>();
        for (Map.Entry<Integer, Double> candidate : byHalves) {
            if (bestK.size() == k && candidate.getValue() + WINDOW_WEIGHT < bestK.peek()) {
                break;
            }
            double score = candidate.getValue() + WINDOW_WEIGHT * bestWindowCoverage.applyAsDouble(candidate.getKey());
            fused.put(candidate.getKey(), score);
            bestK.add(score);
            if (bestK.size() > k) {
                bestK.poll();
            }
        }
        return fused.entrySet().stream().sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
                .limit(k).map(Map.Entry::getKey).toList();
    }
}
