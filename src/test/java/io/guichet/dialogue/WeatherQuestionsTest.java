package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeatherQuestionsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "quel temps il fait en avril ?|true",
            "Quel temps fera-t-il dimanche|true",
            "va-t-il pleuvoir samedi ?|true",
            "la météo pour la semaine prochaine svp|true",
            "est ce qu'il fera beau pour le marché ?|true",
            "quelles températures en octobre ?|true",
            "what's the weather like in May?|true",
            "will it rain on Sunday?|true",
            "weather forecast for the weekend|true",
            "et s'il pleut ?|false",
            "que faire quand il pleut avec des enfants ?|false",
            "il va pleuvoir samedi, vous avez des idées d'activités ?|false",
            "what to do in bad weather?|false",
            "combien de temps faut-il pour aller à la gare ?|false",
            "quel temps de trajet depuis Lyon ?|false",
            "la température de l'eau de la piscine|false",
            "is the spa open on rainy days?|false"})
    void aQuestionOnTheWeatherIsToldFromOneOnWhatToDoInIt(String message, boolean weather) {
        assertEquals(weather, WeatherQuestions.asked(message), message);
    }
}
