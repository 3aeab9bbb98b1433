package io.guichet.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GlossaryTest {
    private final Glossary glossary = Glossary.parse(new BufferedReader(new StringReader("""
            # comment
            hôtel|hébergement	hotel|accommodation
            salle de réunion	meeting room
            salle	room|hall
            navette	shuttle
            quand il pleut	when it rains
            quand	when
            broken line without tab
            """)));

    GlossaryTest() throws IOException {
    }

    @Test
    void findsInflectedAndUnaccentedTermsLongestFirst() {
        List<Glossary.Concept> concepts = glossary.concepts("des navettes vers les hotels et une salle de reunion", "fr");
        assertTrue(concepts.stream().anyMatch(c -> c.translations().equals(Set.of("shuttle"))), concepts.toString());
        assertTrue(concepts.stream().anyMatch(c -> c.translations().contains("hotel")), concepts.toString());
        assertTrue(concepts.stream().anyMatch(c -> c.translations().equals(Set.of("meeting room"))),
                concepts.toString());
        assertTrue(concepts.stream().noneMatch(c -> c.translations().contains("hall")), concepts.toString());
    }

    @Test
    void translatesEnglishToFrenchAndKeepsUnknownWords() {
        List<Glossary.Concept> concepts = glossary.concepts("cheap accommodation", "en");
        assertEquals(2, concepts.size());
        assertTrue(concepts.get(0).translations().isEmpty());
        assertEquals(Set.of("hôtel", "hébergement"), concepts.get(1).translations());
    }

    @Test
    void theShippedGlossaryLoads() {
        assertTrue(Glossary.shipped().size() > 300);
    }

    @Test
    void aGeneralDictionaryTranslatesTheSingleWordsTheDomainLacks() throws IOException {
        Glossary general = Glossary.parse(new BufferedReader(new StringReader("""
                navette	weaving shuttle
                phoque	seal
                peut-être	maybe
                """)));
        glossary.addAbsent(general);
        List<Glossary.Concept> seals = glossary.concepts("voir les phoques et la navette", "fr");
        assertTrue(seals.stream().anyMatch(c -> c.translations().equals(Set.of("seal"))), seals.toString());
        // The domain's sense wins for a word both hold.
        assertTrue(seals.stream().anyMatch(c -> c.translations().equals(Set.of("shuttle"))), seals.toString());
        // A general phrase does not join the words a question puts side by side.
        List<Glossary.Concept> found = glossary.concepts("où peut-il être trouvé", "fr");
        assertTrue(found.stream().noneMatch(c -> c.translations().contains("maybe")), found.toString());
        assertTrue(glossary.concepts("seals", "en").stream().anyMatch(c -> c.translations().equals(Set.of("phoque"))));
    }

    @Test
    void theShippedDictionaryReachesBeyondTheDomain() {
        List<Glossary.Concept> seals = Glossary.shipped().concepts("voir les phoques", "fr");
        assertTrue(seals.stream().anyMatch(c -> c.translations().contains("seal")), seals.toString());
    }

    @Test
    void aQuestionWordCountsInsideATermNeverAlone() {
        List<Glossary.Concept> rainy = glossary.concepts("que faire quand il pleut", "fr");
        assertTrue(rainy.stream().anyMatch(c -> c.translations().equals(Set.of("when it rains"))), rainy.toString());
        List<Glossary.Concept> asked = glossary.concepts("quand part la navette", "fr");
        assertTrue(asked.stream().noneMatch(c -> c.translations().contains("when")), asked.toString());
        assertTrue(asked.stream().anyMatch(c -> c.translations().equals(Set.of("shuttle"))), asked.toString());
    }

    @Test
    void politenessAndAskingWordsAreNotWhatIsAsked() {
        assertEquals(glossary.concepts("le prix", "fr"),
                glossary.concepts("bonjour, je voudrais savoir le prix svp, merci", "fr"));
        assertEquals(glossary.concepts("the opening hours", "en"),
                glossary.concepts("hi, could you please tell me the opening hours, thanks", "en"));
        assertEquals(Glossary.shipped().concepts("un restaurant", "fr"),
                Glossary.shipped().concepts("un restaurant sympa", "fr"),
                "a vague praise says nothing a page states");
        assertEquals(Glossary.shipped().concepts("un hôtel", "fr"),
                Glossary.shipped().concepts("je cherche un hôtel", "fr"), "looking for is asking");
        assertEquals(Glossary.shipped().concepts("a hotel", "en"),
                Glossary.shipped().concepts("looking to find a hotel", "en"));
        // Asking for an idea is asking for the thing: the pages titled "idées de sorties" are not what is asked.
        assertEquals(Glossary.shipped().concepts("un resto romantique", "fr"),
                Glossary.shipped().concepts("une idée de resto romantique", "fr"));
        assertEquals(Glossary.shipped().concepts("a romantic restaurant", "en"),
                Glossary.shipped().concepts("any ideas for a romantic restaurant", "en"));
    }

    @Test
    void aTrailForBeginnersIsAnEasyOne() {
        assertTrue(Glossary.shipped().concepts("hiking trails for beginners", "en").stream()
                .anyMatch(c -> c.translations().contains("facile")), "the pages grade their trails, not their walkers");
    }

    @Test
    void dearnessDeniedIsCheap() {
        for (String cheap : List.of("un hôtel pas cher", "un hôtel pas trop cher", "un hôtel peu cher",
                "un hôtel bon marché")) {
            assertTrue(Glossary.shipped().concepts(cheap, "fr").stream()
                    .anyMatch(c -> c.translations().contains("cheap")), cheap);
        }
        assertTrue(Glossary.shipped().concepts("les loyers sont chers", "fr").stream()
                .anyMatch(c -> c.translations().contains("expensive")));
    }

    @Test
    void howMuchSomethingCostsIsAskedAsItsPrice() {
        List<Glossary.Concept> asked = Glossary.shipped().concepts("ça coûte combien", "fr");
        assertEquals(1, asked.size(), asked.toString());
        assertTrue(asked.get(0).synonyms().containsAll(Set.of("prix", "tarif")), asked.toString());
        assertTrue(asked.get(0).translations().containsAll(Set.of("price", "cost")), asked.toString());
        // "combien" alone may count anything; "c'est combien" asks a price.
        for (String price : List.of("et c'est combien l'entrée ?", "ça fait combien pour deux ?")) {
            assertTrue(Glossary.shipped().concepts(price, "fr").stream()
                    .anyMatch(c -> c.synonyms().contains("tarif")), price);
        }
    }
}
