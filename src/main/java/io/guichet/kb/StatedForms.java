package io.guichet.kb;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a text states by the form of what it writes rather than by a word: "de 10 h à 18 h" gives
 * hours though it never says "horaires", "4 place des Cordeliers" an address, "04 65 71 27 10" a
 * phone number, "à 10 minutes à pied" a distance, "le samedi" a day. A question that asks for one
 * of these ("quels sont les horaires du musée ?", "le marché c'est quel jour ?") is answered by
 * the section that writes it, not by the page's lead.
 *
 * <p>Only the choice of what to quote within a page weighs these: the page's confidence does not,
 * since a page that writes an hour somewhere does not answer the hours of whatever it mentions.
 */
final class StatedForms {
    /** A form, and the analysed words that name what it gives, in French and in English. */
    private record Form(Pattern shape, Set<String> french, Set<String> english) {
        Form(Pattern shape, String french, String english) {
            this(shape, Set.copyOf(KbAnalyzers.terms(KbAnalyzers.FRENCH, french)),
                    Set.copyOf(KbAnalyzers.terms(KbAnalyzers.ENGLISH, english)));
        }
    }

    /** The words of a street's kind, before its name: "place de la République", "4 quai des Tanneurs". */
    private static final String STREET = "(?:rue|place|quai|avenue|boulevard|bd|chemin|route|allée|impasse|cours"
            + "|square|esplanade|parvis|street|road|lane)";
    private static final List<Form> FORMS = List.of(
            new Form(Pattern.compile("(?iu)(?<![\\d,.])\\d{1,2}\\s?h(?:\\s?\\d{2})?(?!\\p{L})|\\b\\d{1,2}:\\d{2}\\b"
                    + "|\\b\\d{1,2}\\s?[ap]\\.?m\\b"),
                    "horaire horaires heure heures ouvert ouverte ouverture", "hours hour time times open opening"),
            new Form(Pattern.compile("(?iu)\\b\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s" + STREET + "\\b|\\b" + STREET
                    + "\\s(?:de\\s(?:la\\s|l['’])?|d['’]|du\\s|des\\s)?(?-i:\\p{Lu})"),
                    "adresse situé située", "address located"),
            new Form(Pattern.compile("(?<!\\d)(?:\\+33\\s?|0)[1-9](?:[\\s.]?\\d{2}){4}(?!\\d)"),
                    "téléphone numéro joindre appeler contacter", "phone telephone number call contact"),
            new Form(Pattern.compile("(?iu)\\b\\d+(?:[,.]\\d+)?\\s?(?:km|kilomètres?|kilometres?|miles?|minutes?|min)\\b"
                    + "|à pied|on foot|walk"),
                    "distance loin proche", "distance far close"),
            new Form(Pattern.compile("(?iu)\\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday"
                    + "|wednesday|thursday|friday|saturday|sunday)s?\\b"),
                    "jour jours", "day days"));

    private StatedForms() {
    }

    /** The analysed words, in {@code lang} (the text's), of the kinds of information {@code text} writes. */
    static Set<String> words(String text, String lang) {
        Set<String> words = new HashSet<>();
        for (Form form : FORMS) {
            if (form.shape().matcher(text).find()) {
                words.addAll("en".equals(lang) ? form.english() : form.french());
            }
        }
        return words;
    }
}
