package io.guichet.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
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
    /** A question whose information no run states: the shared words alone choose. */
    private static final ToDoubleFunction<List<String>> NOTHING_WEIGHED = run -> 0;

    @Test
    void aLongPassageIsQuotedFromTheSentencesThatShareTheQuestionsWords() {
        String quote = Answers.quote(HOURS, "le musée est-il fermé le lundi ?", "", NOTHING_WEIGHED);
        assertTrue(quote.contains("fermé le lundi"), quote);
        assertTrue(quote.length() <= 610, "within the quote's length: " + quote.length());
        assertTrue(quote.startsWith("… "), "marked as cut: " + quote);
    }

    @Test
    void aShortPassageIsQuotedWhole() {
        String passage = "Ouvert tous les jours de 9 h à 19 h.";
        assertEquals(passage, Answers.quote(passage, "horaires ?", "", NOTHING_WEIGHED));
    }

    @Test
    void aQuestionThePagesTitleSaysInFullIsQuotedFromThePassagesHead() {
        String quote = Answers.quote(HOURS, "xyz", "", run -> 0.5);
        assertTrue(quote.startsWith("Le musée présente"), quote);
    }

    @Test
    void withoutSharedWordsTheQuoteIsThePassagesHead() {
        String quote = Answers.quote(HOURS, "xyz", "", NOTHING_WEIGHED);
        assertTrue(quote.startsWith("Le musée présente"), quote);
        assertTrue(quote.endsWith(" …"), quote);
    }

    @Test
    void aListItemIsQuotedFromItsNameNotFromItsLastSentence() {
        String restaurants = "Le guide des tables recense 180 restaurants avec leurs jours de fermeture, leurs menus et "
                + "leurs spécialités, du bistrot de quartier à la table étoilée ; il est gratuit à l'office de tourisme "
                + "et téléchargeable sur son site, en français et en anglais.\n"
                + "Bistrot des Halles, place des Halles : cuisine de marché, formule du midi à 17 €. Ouvert du mardi "
                + "au samedi à midi.\n"
                + "Le Cellier, 8 rue du Chapitre : salle voûtée du XIVe siècle, menus à 32 € et 45 €. Fermé le "
                + "dimanche soir et le lundi.\n"
                + "L'Estive, au col : restaurant d'altitude, fondue à la tomme (26 €), ouvert tous les jours en saison "
                + "de ski et les week-ends le reste de l'année, sur réservation pour les groupes de plus de dix.";
        ToDoubleFunction<List<String>> eveningAsked = run -> run.stream().anyMatch(s -> s.contains("soir")) ? 1 : 0;
        String quote = Answers.quote(restaurants, "un resto pour ce soir ?", "", eveningAsked);
        assertTrue(quote.startsWith("… Le Cellier, 8 rue du Chapitre"), quote);
        assertTrue(quote.contains("Fermé le dimanche soir"), quote);
    }

    @Test
    void theRunThatStatesTheQuestionsInformationIsQuotedThoughItSharesNoWordWithIt() {
        // "ça coûte combien ?" shares no word with "Tarifs : 7 €"; the search's weighing knows a price is asked.
        ToDoubleFunction<List<String>> priceAsked = run -> run.stream().anyMatch(s -> s.startsWith("Tarifs")) ? 1 : 0;
        String quote = Answers.quote(HOURS, "ça coûte combien pour le musée ?", "", priceAsked);
        assertTrue(quote.contains("Tarifs : 7 €"), quote);
        assertTrue(quote.startsWith("… Tarifs"), "the shortest run that states it: " + quote);
    }

    @Test
    void aLineIsQuotedToItsEndNotCutAfterTheSentenceThatAnswers() {
        String museum = HOURS.replace("Tarifs : 7 €, gratuit pour", "Tarifs : 7 €. Gratuit pour");
        ToDoubleFunction<List<String>> priceAsked = run -> run.stream().anyMatch(s -> s.startsWith("Tarifs")) ? 1 : 0;
        String quote = Answers.quote(museum, "c'est combien l'entrée ?", "", priceAsked);
        assertTrue(quote.startsWith("… Tarifs : 7 €"), quote);
        assertTrue(quote.endsWith("le premier dimanche du mois."), "the line's next sentence too: " + quote);
    }

    @Test
    void theWordsOfThePagesTitleDoNotDrawTheQuoteToTheSentenceThatRepeatsThem() {
        String museum = "Le musée de la Marine présente sur trois étages les maquettes des bateaux construits dans "
                + "les chantiers de la ville, des instruments de navigation et les portraits des armateurs qui ont "
                + "fait sa fortune au XVIIIe siècle, dans l'ancien hôtel des fermes du roi, sur le port.\n"
                + "Ouvert du mardi au dimanche de 10 h à 18 h.\n"
                + "Les ateliers du mercredi initient les enfants aux nœuds marins, à la lecture des cartes et à la "
                + "construction d'un petit voilier en bois, qu'ils emportent ; les groupes scolaires sont reçus sur "
                + "réservation, avec un livret de visite adapté à chaque niveau, du CP à la terminale. La boutique "
                + "propose cartes postales, affiches et ouvrages sur la marine.";
        ToDoubleFunction<List<String>> hoursAsked = run -> run.stream().anyMatch(s -> s.contains("10 h")) ? 1 : 0;
        String quote = Answers.quote(museum, "quels sont les horaires du musée ?", "Musée de la Marine", hoursAsked);
        assertTrue(quote.startsWith("… Ouvert du mardi"), "the hours alone, not the description that names the museum: "
                + quote);
    }
}
