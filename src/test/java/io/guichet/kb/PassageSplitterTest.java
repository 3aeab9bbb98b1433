package io.guichet.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {

    @Test
    void cutsAtHeadingsAndDropsTheTitleHeading() {
        String body = """
                # Palais des congrès

                Ouvert en 2019 sur le front de mer.

                ## Espaces

                | espace | capacité |
                | --- | --- |
                | **Auditorium** | 900 places |

                ## Accès
                - À 1,5 km de la [gare](https://example.org/gare).
                """;
        List<Passage> passages = PassageSplitter.split(7, body);
        assertEquals(3, passages.size());
        assertNull(passages.get(0).heading());
        assertEquals("Ouvert en 2019 sur le front de mer.", passages.get(0).text());
        assertEquals("Espaces", passages.get(1).heading());
        assertEquals("espace · capacité\nAuditorium · 900 places", passages.get(1).text());
        assertEquals("À 1,5 km de la gare.", passages.get(2).text());
        assertEquals(7, passages.get(2).document());
    }

    @Test
    void cutsLongSectionsBetweenParagraphs() {
        String paragraph = "Une phrase assez longue pour remplir le passage. ".repeat(6).strip();
        String body = "## Long\n\n" + String.join("\n\n", List.of(paragraph, paragraph, paragraph, paragraph, paragraph));
        List<Passage> passages = PassageSplitter.split(0, body);
        assertTrue(passages.size() >= 2, "expected several passages, got " + passages.size());
        passages.forEach(p -> assertTrue(p.text().length() <= PassageSplitter.MAX_CHARS, p.text()));
        passages.forEach(p -> assertEquals("Long", p.heading()));
    }

    @Test
    void emptyBodyGivesNoPassage() {
        assertTrue(PassageSplitter.split(0, "\n\n").isEmpty());
    }

    @Test
    void windowsSlideOverThreeSentencesAtATime() {
        assertEquals(List.of("Un. Deux ! Trois ?", "Deux ! Trois ? Quatre ;", "Trois ? Quatre ; cinq", "Quatre ; cinq six."),
                PassageSplitter.windows("Un. Deux ! Trois ? Quatre ; cinq\nsix."));
        assertEquals(List.of("Ouvert en 2019. Fermé le lundi."), PassageSplitter.windows("Ouvert en 2019. Fermé le lundi."));
    }

    @Test
    void aSentenceIsAboutWhatItsFirstWordsName() {
        assertEquals("Police municipale", PassageSplitter.lead("Police municipale, 1 place de l'Hôtel-de-Ville : 04 65 71 17 17."));
        assertEquals("Tram T1", PassageSplitter.lead("Tram T1 — arrêt Cathédrale."));
        assertEquals("Les trams circulent de 5 h", PassageSplitter.lead("Les trams circulent de 5 h à 0 h 30."));
    }
}
