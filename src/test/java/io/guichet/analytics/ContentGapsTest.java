package io.guichet.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.TestFixtures;
import io.guichet.analytics.ContentGaps.Gap;
import io.guichet.analytics.ContentGaps.Question;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Questions a visitor of Port-Ajonc, an invented seaside town, might ask and the bot could not
 * answer. The grouping runs on the shipped model: its figures on real questions are in
 * {@link ContentGaps#SAME_TOPIC}.
 */
class ContentGapsTest {
    private static final ContentGaps GAPS = new ContentGaps(TestFixtures.embedder());
    private static final Instant MONDAY = Instant.parse("2027-06-07T09:00:00Z");

    /** Asked {@code minutes} after Monday 9:00; the grouping does not read the language. */
    private static Question asked(String text, int minutes) {
        return new Question(text, "fr", MONDAY.plus(Duration.ofMinutes(minutes)));
    }

    private static Gap gapWith(List<Gap> gaps, String example) {
        return gaps.stream().filter(g -> g.examples().contains(example)).findFirst()
                .orElseThrow(() -> new AssertionError(example + " in no group: " + gaps));
    }

    @Test
    void paraphrasesOfOneTopicLandTogetherAndTopicsStayApart() {
        // In the order asked.
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("Y a-t-il une plage où les chiens sont acceptés ?", "dog beach, French");
        topics.put("plage autorisee aux chien en ete svp", "dog beach, French");
        topics.put("est ce que je peux emmener mon chien a la plage", "dog beach, French");
        topics.put("une plage ou on peut aller avec son chein ?", "dog beach, French");
        topics.put("is there a dog friendly beach nearby?", "dog beach, English");
        topics.put("any beach where dogs are allowed", "dog beach, English");
        topics.put("dogs alowed on the beach?", "dog beach, English");
        topics.put("ou louer un velo electrique", "bike rental");
        topics.put("bike rental near the station", "bike rental");
        topics.put("pharmacie de garde ce soir", "night pharmacy");
        topics.put("quelle pharmacie est ouverte la nuit", "night pharmacy");
        topics.put("c'est quand la fête du vin cette année", "wine festival");
        topics.put("when is the wine festival", "wine festival");
        List<Question> questions = new ArrayList<>();
        topics.keySet().forEach(text -> questions.add(asked(text, questions.size())));

        List<Gap> gaps = GAPS.group(questions, 10);

        // French and English wordings of one topic may stay apart (the model is English-trained and
        // its cross-language cosines sit with unrelated pairs), but two topics must never mix.
        for (Gap gap : gaps) {
            Set<String> topicsInGap = new HashSet<>();
            gap.examples().forEach(text -> topicsInGap.add(topics.get(text).replaceAll(", (French|English)", "")));
            assertEquals(1, topicsInGap.size(), "topics mixed in " + gap);
        }
        Gap frenchBeach = gapWith(gaps, "Y a-t-il une plage où les chiens sont acceptés ?");
        assertEquals(4, frenchBeach.count(), frenchBeach.toString());
        assertEquals("Y a-t-il une plage où les chiens sont acceptés ?", frenchBeach.representative(),
                "the medoid, though asked first");
        Gap englishBeach = gapWith(gaps, "is there a dog friendly beach nearby?");
        assertEquals(3, englishBeach.count(), englishBeach.toString());
        assertEquals(2, gapWith(gaps, "pharmacie de garde ce soir").count(), gaps.toString());
        assertEquals(questions.size(), gaps.stream().mapToInt(Gap::count).sum());
    }

    @Test
    void largestGroupFirstWithExactDuplicatesCountedOnce() {
        List<Question> questions = new ArrayList<>(List.of(
                asked("Where can I rent a bike?", 0),
                asked("quelle pharmacie est ouverte la nuit", 1),
                asked("pharmacie de garde ce soir", 2),
                asked("c'est quand la fête du vin cette année", 3)));
        // Five copies of one question that differ only by case, accents and punctuation.
        for (String copy : List.of("Pharmacie de garde ce soir ?", "PHARMACIE DE GARDE CE SOIR",
                "pharmacie de gàrde, ce soir !!", "pharmacie de garde ce soir")) {
            questions.add(asked(copy, 10 + questions.size()));
        }

        List<Gap> gaps = GAPS.group(questions, 5);

        Gap pharmacy = gaps.get(0);
        assertEquals(6, pharmacy.count(), gaps.toString());
        assertEquals(List.of("pharmacie de garde ce soir", "quelle pharmacie est ouverte la nuit"), pharmacy.examples(),
                "one example per wording, newest first");
        assertEquals(MONDAY.plus(Duration.ofMinutes(17)), pharmacy.lastAsked());
        assertEquals("pharmacie de garde ce soir", pharmacy.representative(), "the medoid weighs its five copies");
        assertEquals(List.of("c'est quand la fête du vin cette année", "Where can I rent a bike?"),
                gaps.subList(1, 3).stream().map(Gap::representative).toList(), "equal counts: most recent first");
        assertEquals(1, GAPS.group(questions, 1).get(0).examples().size());
        // A text the store counted for us weighs as many times as it was asked.
        List<Question> counted = List.of(new Question("Where can I rent a bike?", "en", MONDAY, 9),
                asked("pharmacie de garde ce soir", 1));
        assertEquals(9, GAPS.group(counted, 1).get(0).count(), "the bike, asked 9 times, comes first");
    }

    @Test
    void examplesAndRepresentativeHideContactDetails() {
        List<Gap> gaps = GAPS.group(List.of(
                asked("écrivez-moi à jeanne.le-goff@exemple.fr pour le programme de la fête du vin", 0),
                asked("c'est quand la fête du vin cette année", 1),
                asked("rappelez-moi au 06 12 34 56 78 pour louer des vélos", 2),
                asked("rappelez-moi au 07.98.76.54.32 pour louer des vélos", 3)), 5);

        for (Gap gap : gaps) {
            List<String> shown = new ArrayList<>(gap.examples());
            shown.add(gap.representative());
            for (String text : shown) {
                assertFalse(text.contains("@") || text.matches(".*\\d\\d.*"), "contact details shown: " + text);
            }
        }
        Gap bikes = gapWith(gaps, "rappelez-moi au [téléphone] pour louer des vélos");
        assertEquals(2, bikes.count(), "the same request with two numbers is one wording");
        assertEquals(1, bikes.examples().size());
        gapWith(gaps, "écrivez-moi à [e-mail] pour le programme de la fête du vin");
    }

    @Test
    void masksEmailsAndPhoneNumbersOnly() {
        assertEquals("mon mail [e-mail], merci", ContentGaps.mask("mon mail jeanne.le-goff@exemple.fr, merci"));
        assertEquals("écrire à [e-mail]", ContentGaps.mask("écrire à Hélène+plage@mairie-port-ajonc.bzh"));
        for (String phone : List.of("06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "0612345678",
                "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "+33612345678", "0033 6 12 34 56 78",
                "+44 20 7946 0958", "+1 415-555-0132")) {
            assertEquals("appelez le [téléphone].", ContentGaps.mask("appelez le " + phone + "."), phone);
        }
        for (String notContact : List.of("fête du vin le 14/08/2027 à 18h", "code postal 29870, 1 250 € la semaine",
                "commande n°20270614123456", "SIRET 123 456 789 00012", "le bus 06 passe à 12 h 34", "@PortAjonc")) {
            assertEquals(notContact, ContentGaps.mask(notContact));
        }
    }

    @Test
    void noQuestionNoGroup() {
        assertEquals(List.of(), GAPS.group(List.of(), 3));
        assertEquals(List.of(), GAPS.group(List.of(asked("???", 0), asked(" ... ", 1)), 3),
                "text without a word says nothing to group");
        assertThrows(IllegalArgumentException.class, () -> GAPS.group(List.of(asked("plage", 0)), -1));
    }

    /**
     * More distinct wordings than the bound: only the most recent are grouped. Prints the time of
     * the bound, once with the embeddings to compute and once with them in the embedder's cache.
     */
    @Test
    void groupsAtMostTheMostRecentDistinctWordingsInBoundedTime() {
        List<String> needs = List.of("le marché", "la piscine", "la déchetterie", "la médiathèque", "le musée",
                "la capitainerie", "le cinéma", "la mairie", "la poste", "l'office de tourisme", "le camping",
                "la laverie", "le port de plaisance", "la gare routière", "le golf", "la patinoire",
                "le centre nautique", "la crêperie du port", "le phare", "l'aire de camping-cars");
        List<String> asks = List.of("quels sont les horaires de", "comment aller à", "y a-t-il un parking près de",
                "est-ce accessible en fauteuil roulant,", "quel est le prix d'entrée pour",
                "peut-on venir avec un chien à",
                "quel numéro pour joindre", "est-ce ouvert le dimanche,", "où se trouve", "faut-il réserver pour");
        List<String> when = List.of("", " en juillet", " en hiver", " demain", " ce week-end", " le 15 août",
                " pendant les vacances", " à Noël", " le soir", " à la Toussaint", " en mai", " le lundi",
                " à Pâques", " en septembre", " tôt le matin", " le 1er mai", " à midi");
        List<Question> questions = new ArrayList<>();
        for (String moment : when) {
            for (String need : needs) {
                for (String ask : asks) {
                    // The oldest first: the wordings past the bound are the oldest ones.
                    questions.add(asked(ask + " " + need + moment + " ?", questions.size()));
                }
            }
        }
        int tooOld = questions.size() - ContentGaps.MAX_CLUSTERED;
        assertTrue(tooOld > 0, "more wordings than the bound");

        long start = System.nanoTime();
        List<Gap> gaps = GAPS.group(questions, Integer.MAX_VALUE);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        GAPS.group(questions, Integer.MAX_VALUE);
        long cachedMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("content gaps: %d distinct questions grouped into %d gaps (largest %d) in %d ms,"
                        + " %d ms with their embeddings cached%n", ContentGaps.MAX_CLUSTERED, gaps.size(),
                gaps.get(0).count(), firstMillis, cachedMillis);

        assertEquals(ContentGaps.MAX_CLUSTERED, gaps.stream().mapToInt(Gap::count).sum());
        Set<String> shown = new HashSet<>();
        gaps.forEach(g -> shown.addAll(g.examples()));
        assertTrue(questions.subList(0, tooOld).stream().noneMatch(q -> shown.contains(q.text())),
                "an old wording was grouped");
        assertTrue(questions.subList(tooOld, questions.size()).stream().allMatch(q -> shown.contains(q.text())));
    }
}
