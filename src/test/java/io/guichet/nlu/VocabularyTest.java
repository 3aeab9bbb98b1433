package io.guichet.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    private final Vocabulary vocabulary = new Vocabulary();

    VocabularyTest() {
        vocabulary.addAll(List.of("seminaire", "seminaire", "entreprise", "terrain", "hotel", "weekend"));
    }

    @Test
    void mendsOneEditOnMediumWords() {
        assertEquals("terrain", vocabulary.correct("terrian"));
        assertEquals("hotel", vocabulary.correct("hotle"));
    }

    @Test
    void mendsTwoEditsOnLongWords() {
        assertEquals("seminaire", vocabulary.correct("semmminaire".replace("mmm", "mm")));
        assertEquals("entreprise", vocabulary.correct("entrprize"));
    }

    @Test
    void leavesShortUnknownAndFarWordsAlone() {
        assertEquals("hotl", vocabulary.correct("hotl"));
        assertEquals("bibliotheque", vocabulary.correct("bibliotheque"));
        assertEquals("12345", vocabulary.correct("12345"));
    }

    @Test
    void distanceCountsTranspositionsOnceAndCutsOff() {
        assertEquals(1, Vocabulary.distance("hotel", "hotle", 2));
        assertEquals(0, Vocabulary.distance("abc", "abc", 1));
        assertEquals(3, Vocabulary.distance("abcdef", "uvwxyz", 2));
    }
}
