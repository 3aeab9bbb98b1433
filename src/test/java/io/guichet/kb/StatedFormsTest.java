package io.guichet.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class StatedFormsTest {
    private static Set<String> hours(String lang) {
        return Set.copyOf(KbAnalyzers.terms(KbAnalyzers.forLanguage(lang), "fr".equals(lang) ? "horaires" : "hours"));
    }

    @Test
    void aTimeWrittenAnyWayStatesHours() {
        for (String text : new String[] {"de 10 h à 18 h", "jusqu'à 21h", "à 9 h 30", "ouvre à 14:30"}) {
            assertTrue(StatedForms.words(text, "fr").containsAll(hours("fr")), text);
        }
        assertTrue(StatedForms.words("open 9am to 5pm", "en").containsAll(hours("en")));
    }

    @Test
    void aDateAPriceOrAnAreaStatesNoHours() {
        for (String text : new String[] {"le 1er mai", "Plein tarif 8 €", "une halle de 1 200 m²", "en 2026"}) {
            assertEquals(Set.of(), StatedForms.words(text, "fr"), text);
        }
    }

    @Test
    void anAddressAPhoneNumberADistanceAndADayAreTheirKinds() {
        Set<String> words = StatedForms.words("4 place des Cordeliers, 04 65 71 27 10, à 3 km, le samedi", "fr");
        for (String named : new String[] {"adresse", "téléphone", "distance", "jour"}) {
            assertTrue(words.containsAll(KbAnalyzers.terms(KbAnalyzers.FRENCH, named)), named + " in " + words);
        }
    }

    @Test
    void aStreetIsAnAddressByItsNumberOrItsName() {
        Set<String> address = Set.copyOf(KbAnalyzers.terms(KbAnalyzers.FRENCH, "adresse"));
        for (String text : new String[] {"au 40 quai des Tanneurs", "place de la République", "Place des Halles",
                "rue d'Alsace"}) {
            assertTrue(StatedForms.words(text, "fr").containsAll(address), text);
        }
        assertEquals(Set.of(), StatedForms.words("sur la place du marché, en route vers le lac", "fr"));
    }
}
