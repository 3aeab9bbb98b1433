package io.guichet.nlu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextNormalizerTest {

    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of("Je cherche l'hôtel", List.of("je", "cherche", "l", "hotel")),
                Arguments.of("J’aimerais qu'on m'aide", List.of("j", "aimerais", "qu", "on", "m", "aide")),
                Arguments.of("MERCIIIII !!!", List.of("merci")),
                Arguments.of("Séminaire — 40 pers.", List.of("seminaire", "40", "pers")),
                Arguments.of("cœur de ville", List.of("coeur", "de", "ville")),
                Arguments.of("week-end à Noël", List.of("week", "end", "a", "noel")),
                Arguments.of("   ", List.of()),
                Arguments.of("🙂🙂", List.of()));
    }

    @ParameterizedTest
    @MethodSource
    void tokens(String text, List<String> expected) {
        assertEquals(expected, TextNormalizer.tokens(text));
    }

    @Test
    void foldKeepsLengthOfPlainText() {
        assertEquals("ecole maternelle", TextNormalizer.fold("École Maternelle"));
    }
}
