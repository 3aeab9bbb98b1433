package io.guichet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guichet.kb.KnowledgeBase;
import io.guichet.kb.SearchHit;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.Intents;
import io.guichet.nlu.Understanding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped intents and knowledge base measured on the project's own held-out sets
 * ({@code src/test/resources/eval}, never used for training): the figures are printed, and a
 * regression below the floors fails the build.
 */
class EvaluationTest {
    private static final Path SET = Path.of("src/test/resources/eval");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Understanding understanding;
    private static KnowledgeBase knowledge;

    @BeforeAll
    static void load() throws IOException {
        List<IntentFile> intents = IntentFile.loadAll(TestFixtures.INTENTS);
        understanding = Understanding.train(intents, TestFixtures.embedder());
        knowledge = KnowledgeBase.load(TestFixtures.KNOWLEDGE_BASE, TestFixtures.embedder());
    }

    private static List<JsonNode> lines(String file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(SET.resolve(file))) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void intents() throws IOException {
        Map<String, int[]> counts = new HashMap<>(); // intent → {true positives, predicted, expected}
        int outOfScope = 0;
        int outOfScopeAsNone = 0;
        List<String> errors = new ArrayList<>();
        for (JsonNode line : lines("nlu.jsonl")) {
            String text = line.get("text").asText();
            String expected = line.get("intent").asText();
            String predicted = understanding.parse(text, line.get("lang").asText(), null, LocalDate.now())
                    .intent().name();
            counts.computeIfAbsent(expected, k -> new int[3])[2]++;
            counts.computeIfAbsent(predicted, k -> new int[3])[1]++;
            if (expected.equals(predicted)) {
                counts.get(expected)[0]++;
            } else {
                errors.add(expected + " → " + predicted + ": " + text);
            }
            if ("out".equals(line.path("scope").asText())) {
                outOfScope++;
                outOfScopeAsNone += predicted.equals(Intents.NONE) ? 1 : 0;
            }
        }
        double f1Sum = 0;
        for (String intent : Intents.ALL) {
            int[] c = counts.getOrDefault(intent, new int[3]);
            double precision = c[1] == 0 ? 0 : c[0] / (double) c[1];
            double recall = c[2] == 0 ? 0 : c[0] / (double) c[2];
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        double macroF1 = f1Sum / Intents.ALL.size();
        double noneRate = outOfScopeAsNone / (double) outOfScope;
        System.out.printf("intents: macro-F1 %.3f, out-of-scope answered none %.3f (%d/%d)%n", macroF1, noneRate,
                outOfScopeAsNone, outOfScope);
        errors.forEach(e -> System.out.println("  " + e));
        assertTrue(macroF1 >= 0.94, "macro-F1 " + macroF1);
        assertTrue(noneRate >= 0.96, "out of scope answered none " + noneRate);
    }

    @Test
    void search() throws IOException {
        int answerable = 0;
        int top1 = 0;
        double recall3 = 0;
        List<Double> answerableScores = new ArrayList<>();
        List<Double> unanswerableScores = new ArrayList<>();
        for (JsonNode line : lines("search.jsonl")) {
            List<String> relevant = new ArrayList<>();
            line.get("relevant").forEach(r -> relevant.add(r.asText()));
            List<SearchHit> hits = knowledge.search(line.get("query").asText(), 5, line.get("lang").asText());
            double topScore = hits.isEmpty() ? 0 : hits.get(0).score();
            if (relevant.isEmpty()) {
                unanswerableScores.add(topScore);
                continue;
            }
            answerable++;
            answerableScores.add(topScore);
            List<String> ids = hits.stream().map(SearchHit::id).toList();
            if (!ids.isEmpty() && relevant.contains(ids.get(0))) {
                top1++;
            } else {
                System.out.println("  miss: " + line.get("query").asText() + " → " + ids + " expected " + relevant);
            }
            recall3 += ids.subList(0, Math.min(3, ids.size())).stream().filter(relevant::contains).count()
                    / (double) relevant.size();
        }
        double auc = auc(answerableScores, unanswerableScores);
        System.out.printf("search: top-1 %.3f, recall@3 %.3f over %d answerable; score AUC %.3f%n",
                top1 / (double) answerable, recall3 / answerable, answerable, auc);
        assertTrue(top1 / (double) answerable >= 0.90, "top-1 " + top1 / (double) answerable);
        assertTrue(recall3 / answerable >= 0.95, "recall@3 " + recall3 / answerable);
        assertTrue(auc >= 0.97, "answerable vs unanswerable AUC " + auc);
    }

    private static double auc(List<Double> positives, List<Double> negatives) {
        double wins = 0;
        for (double p : positives) {
            for (double n : negatives) {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }
        return wins / (positives.size() * (double) negatives.size());
    }
}
