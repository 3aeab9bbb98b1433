package io.guichet.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class KbAnalyzersTest {

    @Test
    void stopWordsTypedWithoutAccentsAreStopWordsStill() {
        // "a" and "meme" are "à" and "même": as rare words in the pages they weighed most in a query.
        assertEquals(List.of("navet", "aeroport", "dimanch"),
                KbAnalyzers.terms(KbAnalyzers.FRENCH, "la navette a l'aeroport meme le dimanche"));
    }

    @Test
    void aNumberGluedToItsUnitMeetsThePagesWayOfWritingIt() {
        assertEquals(KbAnalyzers.terms(KbAnalyzers.FRENCH, "pass 48 h, 5000 m2"),
                KbAnalyzers.terms(KbAnalyzers.FRENCH, "pass 48h, 5000m2"));
        assertEquals(List.of("open", "2", "am"), KbAnalyzers.terms(KbAnalyzers.ENGLISH, "open 2am"));
    }

    @Test
    void questionWordsLeaveQueriesOnly() {
        assertEquals(List.of("cout", "pas"), KbAnalyzers.terms(KbAnalyzers.forQuery("fr"), "combien coute le pass"));
        assertEquals(List.of("combien", "cout", "pas"), KbAnalyzers.terms(KbAnalyzers.FRENCH, "combien coute le pass"));
    }

    @Test
    void aQuestionWordInsideAGlossaryTermTellsNothingOfTheAnswer() {
        assertEquals(List.of("pleut"), KbAnalyzers.telling("fr", List.of("quand", "pleut")));
        assertEquals(List.of("quand"), KbAnalyzers.telling("fr", List.of("quand")), "a term made only of one is kept");
    }

    @Test
    void whatOpensIsWhatIsOpenAndTheRainIsNoMore() {
        // The light stemmer leaves "ouvert" whole and cuts "ouvre" to "ouvr"; it cuts "pluie" and "plus" alike.
        for (String form : List.of("ouvre", "ouvrent", "ouvrir", "ouverte", "ouverts")) {
            assertEquals(List.of("ouvert"), KbAnalyzers.terms(KbAnalyzers.FRENCH, form), form);
        }
        assertEquals(List.of("pluie"), KbAnalyzers.terms(KbAnalyzers.FRENCH, "pluies"));
    }
}
