package io.guichet.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a person is told of an answer while it is streamed: whole words, no citation, nothing unchecked. */
class DraftTest {
    private static final List<GroundedAnswers.Passage> SENT = List.of(
            new GroundedAnswers.Passage("p1", "Salle des Tanneurs", null, "Location de 1 500 € la journée, 120 places."));

    private final List<String> told = new ArrayList<>();
    private final Draft draft = new Draft(SENT, told::add);

    private boolean write(String... pieces) {
        boolean going = true;
        for (String piece : pieces) {
            going = draft.add(piece);
        }
        return going;
    }

    @Test
    void aWordIsToldOnceItIsWholeAndAFigureOnceAllItsGroupsAre() {
        assertEquals("La salle se", Draft.settled("La salle se lo"));
        assertEquals("La salle coûte", Draft.settled("La salle coûte 1 5"));
        assertEquals("La salle coûte 1 500 €", Draft.settled("La salle coûte 1 500 € la"));
        assertEquals("Elle a 120 places", Draft.settled("Elle a 120 places [p"));
    }

    @Test
    void theTextToldIsTheAnswerWithoutItsCitations() {
        assertTrue(write("La sa", "lle coû", "te 1 ", "500 € ", "la jour", "née [p", "1]. Elle", " a 120 pla", "ces [p1]."));
        assertEquals("La salle coûte 1 500 € la journée. Elle a 120 places", String.join("", told));
    }

    @Test
    void aFigureThePassagesDoNotStateStopsTheDraft() {
        assertFalse(write("La salle coûte 900 € la journée "));
        assertTrue(told.isEmpty(), told.toString());
        assertFalse(draft.add("encore "), "stopped for good");
    }

    @Test
    void aCitationOfAPassageNotSentStopsTheDraft() {
        assertFalse(write("La salle est grande [p4] "));
    }

    @Test
    void theModelsNoAnswerIsNeverTold() {
        assertTrue(write("NO", "_ANS", "WER", " "));
        assertTrue(told.isEmpty(), told.toString());
    }

    @Test
    void nothingIsToldOnceTheDraftIsClosed() {
        draft.close();
        assertFalse(write("La salle coûte 1 500 € "));
        assertTrue(told.isEmpty());
    }
}
