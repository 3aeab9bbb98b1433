package io.guichet.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AskedAboutTest {
    private static final Glossary GLOSSARY = Glossary.shipped();

    private static AskedAbout asked(String question, String lang) {
        return AskedAbout.of(question, lang, GLOSSARY.concepts(question, lang), GLOSSARY);
    }

    /**
     * The thing asked about, and whether for one of its facets (its hours, prices, address) or
     * whether there is one, or what is allowed there. English names its thing last; a place to do
     * something is asked for what is done there.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "quels sont les horaires de la mairie ?|fr|mairie|true",
            "c'est quoi l'adresse de la médiathèque svp|fr|médiathèque|true",
            "a quelle heure ouvre la mediatheque le samedi ?|fr|médiathèque|true",
            "la mairie ouvre a quelle heure le samedi ?|fr|mairie|true",
            "horaires mairie|fr|mairie|true",
            "prix d'entrée musée|fr|musée|true",
            "le centre aquatique est ouvert le dimanche ?|fr|centre aquatique|true",
            "je voudrais visiter la cathédrale, c'est ouvert quand ?|fr|cathédrale|true",
            "what are the opening hours of the museum on sunday?|en|museum|true",
            "what time does the town hall open?|en|town hall|true",
            "when is the cathedral open?|en|cathedral|true",
            "c'est combien le parking à la gare ?|fr|parking|true",
            "le city pass coûte combien ?|fr|city pass|true",
            "is the campsite still open in october?|en|campsite|true",
            "y a-t-il une piscine municipale ouverte le dimanche ?|fr|piscine municipale|false",
            "ya un marché de noel cette année ?|fr|marché de noël|false",
            "y a un bon resto pas loin ?|fr|resto|false",
            "is there a public pool open on sundays?|en|public pool|false",
            "is there a casino|en|casino|false",
            "hello, is there a place to rent bikes near the station?|en|bikes|false",
            "y a-t-il un endroit pour louer des vélos près de la gare ?|fr|vélos|false",
            "les chiens sont acceptés dans les bus ?|fr|bus|false",
            "can I pay by card in the tram?|en|tram|false"})
    void theThingAQuestionAsksAbout(String question, String lang, String thing, boolean whose) {
        AskedAbout about = asked(question, lang);
        assertEquals(GLOSSARY.concepts(thing, lang).get(0).words(),
                about.namesSomething() ? GLOSSARY.concepts(question, lang).get(about.concept()).words() : null, question);
        assertEquals(whose, about.whose(), question);
    }

    /** A price by the unit, a race, when the market is on, one's own hours, questions with no such form. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "terrain industriel a vendre prix du m2|fr", "le grand prix de Suisse a eu lieu quand ?|fr",
            "quels jours il y a le marché aux halles|fr", "où dormir près de la gare ?|fr",
            "what are your opening hours?|en", "when do we need to register the company?|en",
            "combien coûte une nuit à l'hôtel ?|fr", "c'est combien la nuit ?|fr"})
    void aFormThatAsksAboutNoThingNamesNone(String question, String lang) {
        assertFalse(asked(question, lang).namesSomething(), question);
    }
}
