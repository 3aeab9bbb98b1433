package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.guichet.nlu.IntentScore;
import io.guichet.nlu.Parse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AskedClauseTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "on vient à 4 le we prochain avec le chien, un hôtel pas trop cher ?|un hôtel pas trop cher ?",
            "un hôtel pas cher ?? on vient à 4 le 12 juin|un hôtel pas cher ?",
            "Nous serons 40 en mars. Avez-vous des salles ?|Avez-vous des salles ?",
            "bonjour; où dormir près de la gare?|où dormir près de la gare?",
            "un hôtel pas cher près de la gare ?|-",
            "on vient à 4 le 12 juin, ok ?|-",
            "on vient à 4 le 12 juin|-",
            "je serai mutée au CHU en janvier, je cherche une crèche pour mon fils.|je cherche une crèche pour mon fils",
            "on arrive en mars et on cherche une école bilingue|-",
            "je cherche une crèche, on arrive en janvier|-",
            "mutée en janvier, et je voudrais un logement près du CHU|et je voudrais un logement près du CHU"})
    void theClauseThatAsks(String message, String clause) {
        Parse parse = new Parse(message, "fr", new IntentScore("weekend_stay", 0.9), List.of(), List.of());
        assertEquals(clause, JourneyFlow.askedClause(parse).map(Parse::text).orElse(null), message);
    }
}
