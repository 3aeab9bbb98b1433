package io.guichet.kb;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a text states by the form of what it writes rather than by a word: "de 10 h à 18 h" gives
 * hours though it never says "horaires", "4 place des Cordeliers" an address, "04 65 71 27 10" a
 * phone number, "à 10 minutes à pied" a distance, "le samedi" a day. A question that asks for one
 * of these ("quels sont les horaires du musée ?", "le marché c'est quel jour ?") is answered by
 * the section that writes it, not by the page's lead.
 *
 * <p>They weigh in the choice of what to quote within a page, and in the page's confidence only
 * with the page's name ("les horaires du musée" of the museum's page): a page that writes an hour
 * somewhere does not answer the hours of whatever it mentions.
 */
final class StatedForms {
    /**
     * A form, and the analysed words that name what it gives, in French and in English. It is
     * looked for only in a text that holds a digit if it needs one, and one of its {@code cues}
     * if it has any (a quote checks every sentence of a passage, and a regular expression tried
     * at each character costs more than these checks); matched against the text lower-cased, or
     * as written when its capitals tell ({@code cased}).
     */
    private record Form(Pattern shape, boolean needsDigit, List<String> cues, boolean cased, Set<String> french,
                        Set<String> english) {
        Form(String shape, boolean needsDigit, List<String> cues, boolean cased, String french, String english) {
            this(Pattern.compile(shape), needsDigit, cues, cased, Set.copyOf(KbAnalyzers.terms(KbAnalyzers.FRENCH, french)),
                    Set.copyOf(KbAnalyzers.terms(KbAnalyzers.ENGLISH, english)));
        }

        boolean statedIn(String text, String lower, boolean digits) {
            return (digits || !needsDigit) && (cues.isEmpty() || cues.stream().anyMatch(lower::contains))
                    && shape.matcher(cased ? text : lower).find();
        }
    }

    /** The words of a street's kind, before its name: "place de la République", "4 quai des Tanneurs". */
    private static final List<String> STREETS = List.of("rue", "place", "quai", "avenue", "boulevard", "bd", "chemin",
            "route", "allée", "impasse", "cours", "square", "esplanade", "parvis", "street", "road", "lane");
    private static final String STREET = "(?:" + String.join("|", STREETS) + ")";
    private static final String HOURS_FR = "horaire horaires heure heures ouvert ouverte ouverture";
    private static final String HOURS_EN = "hours hour time times open opening";
    private static final String ADDRESS_FR = "adresse situé située";
    private static final String ADDRESS_EN = "address located";
    private static final String DISTANCE_FR = "distance loin proche";
    private static final String DISTANCE_EN = "distance far close";
    private static final List<Form> FORMS = List.of(
            new Form("(?<![\\d,.])\\d{1,2}\\s?h(?:\\s?\\d{2})?(?!\\p{L})|\\b\\d{1,2}:\\d{2}\\b", true, List.of("h", ":"),
                    false, HOURS_FR, HOURS_EN),
            new Form("\\b\\d{1,2}\\s?[ap]\\.?m\\b", true, List.of("am", "pm", "a.m", "p.m"), false, HOURS_FR, HOURS_EN),
            new Form("\\b\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s" + STREET + "\\b", true, STREETS, false, ADDRESS_FR,
                    ADDRESS_EN),
            new Form("(?i:\\b" + STREET + ")\\s(?:de\\s(?:la\\s|l['’])?|d['’]|du\\s|des\\s)?\\p{Lu}", false, STREETS, true,
                    ADDRESS_FR, ADDRESS_EN),
            new Form("(?<!\\d)(?:\\+33\\s?|0)[1-9](?:[\\s.]?\\d{2}){4}(?!\\d)", true, List.of(), false,
                    "téléphone numéro joindre appeler contacter", "phone telephone number call contact"),
            new Form("\\b\\d+(?:[,.]\\d+)?\\s?(?:km|kilomètres?|kilometres?|miles?|minutes?|min)\\b", true,
                    List.of("km", "kilom", "mile", "min"), false, DISTANCE_FR, DISTANCE_EN),
            new Form("à pied|on foot|walk", false, List.of("à pied", "on foot", "walk"), false, DISTANCE_FR,
                    DISTANCE_EN),
            new Form("\\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday"
                    + "|friday|saturday|sunday)s?\\b", false, List.of("di", "day"), false, "jour jours", "day days"));

    private StatedForms() {
    }

    /** The analysed words, in {@code lang} (the text's), of the kinds of information {@code text} writes. */
    static Set<String> words(String text, String lang) {
        Set<String> words = new HashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        boolean digits = text.chars().anyMatch(Character::isDigit);
        for (Form form : FORMS) {
            if (form.statedIn(text, lower, digits)) {
                words.addAll("en".equals(lang) ? form.english() : form.french());
            }
        }
        return words;
    }
}
