package io.guichet.kb;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The thing a question asks about, when its form names it: what it asks whether there is ("y
 * a-t-il une piscine municipale…", "is there a casino"), where it asks what is allowed ("les
 * chiens sont acceptés dans les bus ?") or whose hours, prices or address it asks for ("les
 * horaires de la mairie", "the opening hours of the museum"). A page that never names
 * that thing does not answer, however well it states the rest: the tourist office's hours are no
 * answer to the town hall's, the spa's Sunday pool no answer to a municipal one. Hours, prices
 * and addresses belong to what a sentence is about ({@code whose}): "Police municipale, 1 place
 * de l'Hôtel-de-Ville : … de 7 h à 1 h" gives the police's hours, not the town hall's. Whether
 * there is one may be answered in other words ("London Gatwick" among an airport's destinations
 * says there are direct flights to London): a page that names it comes first, and one that does
 * not may still answer; another thing's hours never answer.
 *
 * @param concept the index among the query's concepts of the one naming the thing, -1 for none
 * @param whose   whether the question asks for one of the thing's facets (hours, prices, address)
 */
record AskedAbout(int concept, boolean whose) {
    /** A question whose form names nothing it is about. */
    static final AskedAbout NOTHING = new AskedAbout(-1, false);

    /** Words that end the name of what is asked about: a preposition, a relative, a verb of the rest. */
    private static final String FRENCH_END = "(?= (?:a|au|aux|pour|dans|pres|sur|avec|vers|en|qui|que|ou|ouvert|ouverte"
            + "|ouverts|ouvertes|le|la|les|ce|cette|cet|ces|ici|et|sans|par|chez)\\b|$)";
    private static final String ENGLISH_END = "(?= (?:in|on|at|near|for|with|to|around|close|nearby|open|that|which"
            + "|where|who|this|these|today|tomorrow|and|or|here|by|from)\\b|$)";
    /**
     * Asked whether there is one: folded, spaced. The article must be indefinite ("il y a le marché"
     * asks when). A place to do something is asked for what is done there: "un endroit pour louer
     * des vélos", "a place to rent bikes" ask about bikes.
     */
    private static final Pattern FRENCH_WHETHER = Pattern.compile("\\b(?:y a t il|y a|ya|il y a|est ce qu il y a"
            + "|y aurait il|il y aurait) (?:un|une|des|du|de la|de l|d|de) (?<place>(?:endroit|lieu|coin|moyen)"
            + " (?:pour|ou) (?:on peut |je peux |l on peut )?)?(?<thing>.+?)" + FRENCH_END);
    private static final Pattern ENGLISH_WHETHER = Pattern.compile("\\b(?:is there|are there|is there any|are there any"
            + "|do you have|do you know) (?:a|an|any|some)? ?(?<place>(?:place|spot|way|somewhere) (?:to|where|for)"
            + " (?:i can |we can |you can |one can )?)?(?<thing>.+?)" + ENGLISH_END);
    /**
     * Asked what is allowed in a place: "les chiens sont acceptés dans les bus ?", "can I pay by card
     * in the tram?" ask about the bus and the tram; a hotel that takes pets does not answer.
     */
    private static final Pattern FRENCH_ALLOWED_IN = Pattern.compile("\\b(?:acceptee?s?|admise?s?|autorisee?s?"
            + "|interdite?s?|tolere?e?s?|peut on|on peut|puis je|je peux|est il possible|a t on le droit)\\b.*? (?:dans"
            + "|a bord|au|aux) (?:le |la |les |l |des |du )?(.+?)" + FRENCH_END);
    private static final Pattern ENGLISH_ALLOWED_IN = Pattern.compile("\\b(?:allowed|permitted|accepted|welcome"
            + "|can i|can we|may i|may we)\\b.*? (?:in|on|inside|aboard) (?:the |a |an )?(.+?)" + ENGLISH_END);
    /**
     * Asked for one of its facets: its hours, prices, address, or when it opens; in full, as a note
     * ("horaires mairie") or after the thing ("je voudrais visiter la cathédrale, c'est ouvert
     * quand ?"); in English, "when is the cathedral open?", "is the campsite still open in
     * october?" (the adverb is none of the thing's name). Its price: "c'est combien le parking à la
     * gare ?", "le pass coûte combien ?". A price by the unit is no facet of the unit: "prix du m2",
     * "tarif de la nuit", "combien coûte la nuit ?" ask what a square metre or a night costs, as a
     * ticket or an entry is no thing; a grand prix is a race.
     */
    private static final Pattern FRENCH_FACET = Pattern.compile("\\b(?:horaires?|heures? d ouverture|tarifs?"
            + "|(?<!grand )prix|adresse|coordonnees|numero(?: de telephone)?|telephone)"
            + " (?:d (?:ouverture|entree|acces) )?(?:de la|de l|du|des|d|de)"
            + " (?!(?:ouverture|entree|acces|m2|m²|metre carre|hectare|nuit|nuitee|heure|jour|journee|semaine|mois"
            + "|an|annee|personne|kilo|kg|litre)\\b)(.+?)" + FRENCH_END
            + "|\\b(?:a quelle heure|jusqu a quelle heure|quand) (?:ouvre|ferme|ouvrent|ferment|est ouverte?"
            + "|sont ouverte?s?) (?:la |le |l |les )?(.+?)" + FRENCH_END
            + "|^(?:la |le |l |les )?(.+?)(?<! c) (?:ouvre|ferme|ouvrent|ferment|est ouverte?|sont ouverte?s?)"
            + " (?:a quelle heure|jusqu a quelle heure|quand)\\b"
            + "|^(?:les? )?(?:horaires?|tarifs?|prix|adresse|telephone)(?: d (?:ouverture|entree|acces))?"
            + " (\\w+(?: \\w+)?)$"
            + "|^(?:est ce que )?(?:la |le |l |les )?(.+?)(?<! c) (?:est|sont) (?:ouverte?s?|fermee?s?)\\b"
            + "|\\b(?:la|le|l|les) (\\S+(?: \\S+)?) c est (?:ouverte?s?|fermee?s?)\\b"
            + "|\\b(?:combien coutent|combien coute|c est combien|ca coute combien|ca fait combien) (?:le |la |les |l )"
            + "(?!(?:entree|acces|billet|ticket|place|nuit|nuitee|heure|jour|journee|semaine|mois)\\b)(.+?)"
            + FRENCH_END
            + "|^(?:la |le |l |les )(.+?) (?:c est|ca coute|coute|coutent|ca fait) combien\\b");
    private static final Pattern ENGLISH_FACET = Pattern.compile("\\b(?:opening hours|opening times|hours|prices?"
            + "|address|phone number|number) of (?:the )?(.+?)" + ENGLISH_END
            + "|\\b(?:what time|until what time|when) (?:does|do) (?:the )?(.+?)(?= (?:open|close|shut)s?\\b)"
            + "|\\b(?:when|what time|is|are) (?:is |are )?(?:the )?(.+?)(?: still| usually| currently| also)?"
            + " (?:open|closed)\\b");

    /** The French adjectives placed before their noun, analysed: "petit", "grand", "bon", "vieux"… */
    private static final Pattern PLACED_BEFORE = Pattern.compile("petit|grand|bon|vieil|vieu|beau|bele|bel|nouveau"
            + "|nouvel|jeun|gro|premi|derni|meileu|joli|autr");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * What the question in {@code text} asks about, among {@code concepts} (the query's, from
     * {@code glossary}): {@link #NOTHING} when its form names nothing, or names a thing that is
     * none of them (a term the glossary holds whole: "les horaires des trains").
     */
    static AskedAbout of(String text, String lang, List<Glossary.Concept> concepts, Glossary glossary) {
        String folded = fold(text);
        boolean english = "en".equals(lang);
        Matcher whether = (english ? ENGLISH_WHETHER : FRENCH_WHETHER).matcher(folded);
        if (whether.find()) {
            return new AskedAbout(named(whether.group("thing"), lang, concepts, glossary,
                    english || whether.group("place") != null), false);
        }
        Matcher allowedIn = (english ? ENGLISH_ALLOWED_IN : FRENCH_ALLOWED_IN).matcher(folded);
        if (allowedIn.find()) {
            return new AskedAbout(named(allowedIn.group(1), lang, concepts, glossary, english), false);
        }
        Matcher facet = (english ? ENGLISH_FACET : FRENCH_FACET).matcher(folded);
        if (facet.find()) {
            String thing = IntStream.rangeClosed(1, facet.groupCount()).mapToObj(facet::group).filter(Objects::nonNull)
                    .findFirst().orElseThrow();
            return new AskedAbout(named(thing, lang, concepts, glossary, english), true);
        }
        return NOTHING;
    }

    /** Whether the question's form names a thing it is about. */
    boolean namesSomething() {
        return concept >= 0;
    }

    /**
     * The index among {@code concepts} of the thing {@code name} names: its first concept, or its
     * last ({@code last}), as English names it ("public pool") and as a verb leads to its object
     * ("louer des vélos"); French names it first ("piscine municipale"), after the few adjectives
     * it puts before ("le petit train", "un bon resto").
     */
    private static int named(String name, String lang, List<Glossary.Concept> concepts, Glossary glossary,
                             boolean last) {
        List<Glossary.Concept> named = glossary.concepts(name, lang);
        if (named.isEmpty()) {
            return -1;
        }
        int first = 0;
        while (!last && first < named.size() - 1
                && PLACED_BEFORE.matcher(String.join(" ", named.get(first).words())).matches()) {
            first++;
        }
        List<String> head = named.get(last ? named.size() - 1 : first).words();
        for (int c = 0; c < concepts.size(); c++) {
            if (concepts.get(c).words().equals(head)) {
                return c;
            }
        }
        return -1;
    }

    /** Lower case without diacritics, words apart, one space between them: "y a-t-il" is "y a t il". */
    private static String fold(String text) {
        String bare = MARKS.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("");
        return NOT_WORD.matcher(bare).replaceAll(" ").strip();
    }
}
