package io.guichet.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ScoreFusionTest {
    @Test
    void theWindowsOfDocumentsThatCannotReachTheBestAreNotMeasuredAndTheRankingIsTheSame() {
        Random random = new Random(7);
        int measuredInAll = 0;
        int candidatesInAll = 0;
        for (int query = 0; query < 200; query++) {
            List<LexicalRetriever.Scored> lexical = new ArrayList<>();
            double score = 20 * random.nextDouble();
            for (int document = 0; document < 100; document++) {
                if (random.nextBoolean()) {
                    lexical.add(new LexicalRetriever.Scored(document, score));
                    score *= 0.9;
                }
            }
            Map<Integer, Double> cosines = new HashMap<>();
            IntStream.range(50, 150).forEach(document -> cosines.put(document, 0.7 + 0.2 * random.nextDouble()));
            double[] coverage = random.doubles(150).map(c -> c * c).toArray();
            Set<Integer> measured = new HashSet<>();
            int k = 1 + random.nextInt(5);
            List<Integer> top = ScoreFusion.top(lexical, cosines, document -> {
                measured.add(document);
                return coverage[document];
            }, k, document -> document % 7 != 0, ScoreFusionTest::shortOf);

            Set<Integer> candidates = new HashSet<>(cosines.keySet());
            lexical.forEach(hit -> candidates.add(hit.document()));
            candidates.removeIf(document -> document % 7 == 0);
            // With k as large as the candidates, no window is left unmeasured: the plain ranking.
            List<Integer> bruteForce = ScoreFusion.top(lexical, cosines, d -> coverage[d], candidates.size(),
                    document -> document % 7 != 0, ScoreFusionTest::shortOf);
            assertEquals(bruteForce.subList(0, k), top, "the same k best as when every window is measured");
            for (int i = 1; i < bruteForce.size(); i++) {
                assertTrue(shortOf(bruteForce.get(i - 1)) <= shortOf(bruteForce.get(i)),
                        "a document further from what is asked ranks after all closer: " + bruteForce);
            }
            assertTrue(measured.stream().noneMatch(document -> document % 7 == 0), "nor those left out");
            measuredInAll += measured.size();
            candidatesInAll += candidates.size();
        }
        assertTrue(measuredInAll < candidatesInAll / 2, measuredInAll + " of " + candidatesInAll + " measured");
    }

    /** How far a document falls short of what the question asks about, for the test: 0, 1 or 2. */
    private static int shortOf(int document) {
        return document % 5 == 0 ? 2 : document % 3 == 0 ? 1 : 0;
    }
}
