package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpokenLanguagesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "hello do you speak english?|en",
            "Bonjour, est-ce que vous parlez anglais ?|en",
            "parlez-vous français ?|fr",
            "hi, does anyone speak French here?|fr",
            "tu parles anglais ?|en",
            "we need a hotel for 2 nights next weekend, do you speak english?|-",
            "do you speak english? we are looking for offices for 12 people|-",
            "un guide qui parle anglais pour visiter la cathédrale|-",
            "are there english-speaking doctors?|-"})
    void aQuestionOnTheLanguagesSpokenIsReadWhenItIsAllTheMessageAsks(String message, String language) {
        assertEquals(Optional.ofNullable(language), SpokenLanguages.asked(message), message);
    }
}
