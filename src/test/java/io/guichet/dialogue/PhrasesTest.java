package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PhrasesTest {
    private final Phrases phrases = Phrases.shipped();

    @Test
    void aNameWithItsArticleIsContractedAsFrenchWritesIt() {
        assertEquals("Souhaitez-vous que je transmette votre demande au bureau des congrès ? Ils vous recontacteront.",
                phrases.text("consent", "fr", Map.of("team", "le bureau des congrès")));
        assertEquals("C'est transmis aux équipes de l'agence, qui vous recontactera rapidement. Merci !",
                phrases.text("lead_sent", "fr", Map.of("team", "les équipes de l'agence")));
        assertEquals("C'est transmis à l'Office de tourisme, qui vous recontactera rapidement. Merci !",
                phrases.text("lead_sent", "fr", Map.of("team", "l'Office de tourisme")));
        assertEquals("Personne du service Accueil n'est disponible en ce moment pour vous répondre. Laissez-nous un message"
                        + " et vos coordonnées : on vous recontactera.",
                phrases.text("no_agent", "fr", Map.of("team", "le service Accueil")));
        assertEquals("Votre demande est transmise à notre équipe : un conseiller va vous répondre ici. Temps d'attente"
                        + " estimé : environ 3 min.",
                phrases.text("waiting_agent_eta", "fr", Map.of("team", "notre équipe", "minutes", "3")));
        assertEquals("Would you like me to pass your request on to the convention bureau? They will get back to you.",
                phrases.text("consent", "en", Map.of("team", "the convention bureau")));
    }
}
