package io.guichet.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.guichet.TestFixtures;
import java.io.IOException;
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
    void aQuestionThatNamesNoPersonIsNoRequestForOne() {
        IntentClassifier classifier = IntentClassifier.train(List.of(
                file("human_handoff", List.of("je voudrais parler à un conseiller", "est-il possible d'avoir "
                        + "quelqu'un au téléphone", "vous pouvez me mettre en lien avec un chargé d'accueil ?",
                        "un interlocuteur humain, c'est possible ?", "rappelez-moi demain matin")),
                file("none", List.of("à quelle heure ouvre la mairie", "combien coûte le ticket de bus",
                        "où se trouve la gare", "quelle est la capitale de l'australie"))),
                TestFixtures.embedder());
        assertEquals("human_handoff", classifier.rank("est-il possible d'avoir un conseiller au téléphone ?", "fr")
                .get(0).name());
        // Words of the requests for a person ("possible", "lien"), but no person, call or team asked for.
        assertEquals(Intents.NONE, classifier.rank("est-il possible de monter en haut du clocher ?", "fr").get(0).name());
        assertEquals(Intents.NONE, classifier.rank("quel lien avec la ville avait le peintre ?", "fr").get(0).name());
    }

    @Test
    void everyShippedRequestForAPersonNamesOne() throws IOException {
        IntentFile handoff = IntentFile.loadAll(TestFixtures.INTENTS).stream()
                .filter(file -> file.intent().equals(Intents.HUMAN_HANDOFF)).findFirst().orElseThrow();
        IntentClassifier shipped = IntentClassifier.train(List.of(handoff, file("none", List.of("où se trouve la gare",
                "combien coûte le ticket de bus"))), TestFixtures.embedder());
        handoff.examples().forEach((lang, examples) -> examples.forEach(example -> assertEquals(Intents.HUMAN_HANDOFF,
                shipped.rank(example, lang).get(0).name(), example)));
    }

    @Test
    void aShortRequestThatOnlyLooksSocialIsNotAGreeting() {
        // A word of the requests, nearest to the greetings (short texts being alike) at less than even odds.
        assertEquals(Intents.NONE, CLASSIFIER.rank("cherche", "fr").get(0).name());
        assertEquals("greeting", CLASSIFIER.rank("coucou toi", "fr").get(0).name());
    }
}
