package io.guichet.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageGuesserTest {
    private static final LanguageGuesser GUESSER = new LanguageGuesser();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bonjour|fr", "merci|fr", "hello|en", "thanks|en", "salut|fr", "yes|en", "oui|fr",
            "merci beaucoup|fr", "thank you so much|en",
            "je cherche un hôtel pas cher pour le week-end|fr",
            "where can I park near the old town?|en",
            "on voudrait organiser un séminaire pour quarante personnes|fr",
            "We are looking for office space for a software company|en",
            "on arrive ce we a 4|fr", "slt on vient le we prochain|fr", "we arrive this weekend|en",
            "rent a bike|en", "bike hire|en", "horaires mairie|fr", "louer velo|fr", "town hall hours|en"})
    void tellsFrenchFromEnglish(String text, String expected) {
        assertEquals(expected, GUESSER.guess(text, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ok|en|en", "ok|fr|fr", "Valmoreau|en|en", "Valmoreau|fr|fr"})
    void theConversationDecidesWordsOfNeitherLanguage(String text, String hint, String expected) {
        assertEquals(expected, GUESSER.guess(text, hint));
    }

    /** A bare topic opening a conversation is a word of both languages as often as not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"parking|fr", "parking gratuit|fr", "ticket|fr", "shopping|fr",
            "opening hours|en"})
    void aWordOrTwoOfBothLanguagesIsFrenchUnlessTheDetectorIsSure(String text, String expected) {
        assertEquals(expected, GUESSER.guess(text, null));
    }
}
