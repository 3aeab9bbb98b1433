package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The quote of a long passage: the sentences that answer, not its first lines. */
class AnswersTest {
    private static final String HOURS = "Le musée présente les collections de la ville depuis 1890, dans l'ancien "
            + "hôtel du gouverneur, avec trois étages de peintures, d'objets d'art et de maquettes de bateaux. "
            + "Les salles du rez-de-chaussée sont consacrées au port, celles du premier étage à la peinture de "
            + "paysage, et le dernier étage accueille les expositions temporaires, renouvelées deux fois par an. "
            + "Une salle pédagogique reçoit les classes sur réservation, du mardi au vendredi, et un atelier "
            + "d'initiation à la gravure est proposé aux enfants pendant les vacances scolaires.\n"
            + "Horaires : du mardi au dimanche de 10 h à 18 h ; fermé le lundi, le 1er mai et le 25 décembre.\n"
            + "Tarifs : 7 €, gratuit pour les moins de 18 ans et le premier dimanche du mois.";

    @Test
    void aLongPassageIsQuotedFromTheSentencesThatShareTheQuestionsWords() {
        String quote = Answers.quote(HOURS, "le musée est-il fermé le lundi ?");
        assertTrue(quote.contains("fermé le lundi"), quote);
        assertTrue(quote.length() <= 610, "within the quote's length: " + quote.length());
        assertTrue(quote.startsWith("… "), "marked as cut: " + quote);
    }

    @Test
    void aShortPassageIsQuotedWhole() {
        String passage = "Ouvert tous les jours de 9 h à 19 h.";
        assertEquals(passage, Answers.quote(passage, "horaires ?"));
    }

    @Test
    void withoutSharedWordsTheQuoteIsThePassagesHead() {
        String quote = Answers.quote(HOURS, "xyz");
        assertTrue(quote.startsWith("Le musée présente"), quote);
        assertTrue(quote.endsWith(" …"), quote);
    }
}
