package io.guichet.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AskedAboutTest {
    private static final Glossary GLOSSARY = Glossary.shipped();

    /** The words of the concept the question asks about, or an empty list when its form names nothing. */
    private static List<String> thing(String question, String lang) {
        AskedAbout about = asked(question, lang);
        return about.namesSomething() ? GLOSSARY.concepts(question, lang).get(about.concept()).words() : List.of();
    }

    private static AskedAbout asked(String question, String lang) {
        return AskedAbout.of(question, lang, GLOSSARY.concepts(question, lang), GLOSSARY);
    }

    private static List<String> words(String text, String lang) {
        return GLOSSARY.concepts(text, lang).get(0).words();
    }

    @Test
    void theThingWhoseHoursPricesOrAddressAreAskedFor() {
        assertEquals(words("mairie", "fr"), thing("quels sont les horaires de la mairie ?", "fr"));
        assertTrue(asked("quels sont les horaires de la mairie ?", "fr").whose());
        assertEquals(words("médiathèque", "fr"), thing("c'est quoi l'adresse de la médiathèque svp", "fr"));
        assertEquals(words("museum", "en"), thing("what are the opening hours of the museum on sunday?", "en"));
        assertEquals(words("town hall", "en"), thing("what time does the town hall open?", "en"));
        assertTrue(asked("what time does the town hall open?", "en").whose());
        assertEquals(words("médiathèque", "fr"), thing("a quelle heure ouvre la mediatheque le samedi ?", "fr"));
        assertEquals(words("mairie", "fr"), thing("la mairie ouvre a quelle heure le samedi ?", "fr"));
        assertEquals(words("mairie", "fr"), thing("horaires mairie", "fr"));
        assertEquals(words("resto", "fr"), thing("y a un bon resto pas loin ?", "fr"));
        assertEquals(words("centre aquatique", "fr"), thing("le centre aquatique est ouvert le dimanche ?", "fr"));
        assertEquals(words("museum", "en"), thing("what are the opening hours of the museum?", "en"));
        assertEquals(List.of(), thing("what are your opening hours?", "en"));
        assertEquals(words("musée", "fr"), thing("prix d'entrée musée", "fr"));
    }

    @Test
    void theThingAskedWhetherThereIsOne() {
        AskedAbout pool = asked("y a-t-il une piscine municipale ouverte le dimanche ?", "fr");
        assertFalse(pool.whose());
        assertEquals(words("piscine municipale", "fr"), thing("y a-t-il une piscine municipale ouverte le dimanche ?", "fr"));
        assertEquals(words("marché de noël", "fr"), thing("ya un marché de noel cette année ?", "fr"));
        // English names its thing last.
        assertEquals(words("public pool", "en"), thing("is there a public pool open on sundays?", "en"));
        assertEquals(words("casino", "en"), thing("is there a casino", "en"));
        // A place to do something, for what is done there.
        assertEquals(words("bikes", "en"), thing("hello, is there a place to rent bikes near the station?", "en"));
        assertEquals(words("vélos", "fr"), thing("y a-t-il un endroit pour louer des vélos près de la gare ?", "fr"));
        // Where it asks what is allowed.
        assertEquals(words("bus", "fr"), thing("les chiens sont acceptés dans les bus ?", "fr"));
        assertEquals(words("tram", "en"), thing("can I pay by card in the tram?", "en"));
        assertFalse(asked("les chiens sont acceptés dans les bus ?", "fr").whose());
    }

    @Test
    void aFormThatAsksAboutNoThingNamesNone() {
        // A price by the unit, a race, when the market is on, a question with no such form.
        assertEquals(List.of(), thing("terrain industriel a vendre prix du m2", "fr"));
        assertEquals(List.of(), thing("le grand prix de Suisse a eu lieu quand ?", "fr"));
        assertEquals(List.of(), thing("quels jours il y a le marché aux halles", "fr"));
        assertEquals(List.of(), thing("où dormir près de la gare ?", "fr"));
        assertEquals(List.of(), thing("when do we need to register the company?", "en"));
    }
}
