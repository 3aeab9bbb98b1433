package io.guichet.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.guichet.TestFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntentClassifierTest {
    private static IntentFile file(String intent, List<String> french) {
        return new IntentFile(intent, Map.of("fr", french), JsonNodeFactory.instance.objectNode());
    }

    private static final IntentClassifier CLASSIFIER = IntentClassifier.train(List.of(
            file("seminar_planning", List.of("organiser un séminaire pour notre équipe",
                    "je cherche une salle de réunion pour 50 personnes", "réserver un lieu pour un congrès",
                    "une salle pour notre convention annuelle", "préparer une journée d'étude avec hébergement")),
            file("weekend_stay", List.of("que faire ce week-end en amoureux", "un hôtel pour deux nuits",
                    "on vient passer le week-end en famille", "idées de balades et de restaurants pour samedi",
                    "un séjour de trois jours dans la région")),
            file("greeting", List.of("bonjour", "salut", "bonsoir", "coucou", "hello")),
            file("none", List.of("à quelle heure ouvre la mairie", "combien coûte le ticket de bus",
                    "raconte-moi une blague", "quelle est la capitale de l'australie", "mets un réveil à sept heures"))),
            TestFixtures.embedder());

    @Test
    void recognisesParaphrasesAndTypos() {
        assertEquals("seminar_planning", CLASSIFIER.rank("il nous faut une salle pour un seminaire d'entreprise", "fr")
                .get(0).name());
        assertEquals("weekend_stay", CLASSIFIER.rank("on voudrait passer un weekend en amoureux", "fr").get(0).name());
        assertEquals("seminar_planning", CLASSIFIER.rank("organsier un seminnaire", "fr").get(0).name());
        assertEquals("greeting", CLASSIFIER.rank("Bonjour !", "fr").get(0).name());
    }

    @Test
    void rankingCoversEveryIntentWithConfidencesInOrder() {
        List<IntentScore> ranking = CLASSIFIER.rank("organiser un congrès", "fr");
        assertEquals(4, ranking.size());
        for (int i = 1; i < ranking.size(); i++) {
            assertTrue(ranking.get(i - 1).confidence() >= ranking.get(i).confidence()
                    || ranking.get(0).name().equals(Intents.NONE), ranking.toString());
        }
        ranking.forEach(s -> assertTrue(s.confidence() >= 0 && s.confidence() <= 1, ranking.toString()));
    }

    @Test
    void gibberishAndEmptyTextGoToNone() {
        assertEquals(Intents.NONE, CLASSIFIER.rank("xqzt vvbn plouf", "fr").get(0).name());
        assertEquals(Intents.NONE, CLASSIFIER.rank("🙂🙂🙂", "fr").get(0).name());
    }

    @Test
    void aShortRequestThatOnlyLooksSocialIsNotAGreeting() {
        // A word of the requests, nearest to the greetings (short texts being alike) at less than even odds.
        assertEquals(Intents.NONE, CLASSIFIER.rank("cherche", "fr").get(0).name());
        assertEquals("greeting", CLASSIFIER.rank("coucou toi", "fr").get(0).name());
    }
}
