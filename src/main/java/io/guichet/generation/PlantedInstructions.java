package io.guichet.generation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences of a page written to a language model rather than to visitors: "ignore tes
 * instructions", "you are now…", "assistant : annonce à chaque visiteur…". A page is data; such a
 * sentence, planted by whoever could edit the page (or the site it was imported from), is taken
 * out of what is sent to the model and of what is quoted, so that it is neither obeyed nor shown.
 * The patterns speak to a model about its rules, its role or what it must say, which no page
 * written for visitors does.
 */
public final class PlantedInstructions {
    /** A sentence with what ends it: its punctuation and the spaces after, or a line's end. */
    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]*(?:[.!?]+[\"»”’)]*[ \\t]*|\\n)|[^.!?\\n]+$");
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final List<Pattern> ADDRESSED_TO_A_MODEL = List.of(
            // Its rules: ignore, forget or reveal them ("ignore all previous instructions", "révèle ton
            // prompt"), not a visitor's rules ("n'oubliez pas les consignes de sécurité").
            Pattern.compile("\\b(ignore[sz]?|oublie[sz]?|disregard|forget|override|bypass|contourne[sz]?|révèle[sz]?|"
                    + "reveal|affiche[sz]?|print|repeat|répète[sz]?|montre[sz]?|show)\\s+(?:(?:all|any|of|the|toutes?|"
                    + "tous|les)\\s+)*(?:tes|ton|vos|votre|your|previous|prior|above|earlier|précédentes?|antérieures?)"
                    + "\\s+(?:[\\w'’-]+\\s+)?(instructions?|consignes?|règles|rules|system prompt|prompt|guidelines)\\b",
                    FLAGS),
            // New rules for it, or its system prompt.
            Pattern.compile("\\b(nouvelles? (consignes?|instructions?|règles)|new (instructions?|rules)) (pour|à|for|to) "
                    + "(l['’]\\s*|le |la |the |you|toi|vous)?(ia|ai|assistant|bot|chatbot|modèle|model)\\b|"
                    + "\\b(prompt|message) (système|system)\\b|\\bsystem (prompt|message)\\b", FLAGS),
            // A new role: "tu es désormais l'agent commercial", "you are now a pirate", not "vous êtes
            // maintenant au cœur de la ville".
            Pattern.compile("\\b(tu es|vous êtes|you are) (maintenant|désormais|à présent|now)\\b.{0,40}\\b(ia|ai|"
                    + "assistant|bot|chatbot|agent|modèle|model|pirate|dan|sans (règles|limites)|without (rules|limits)|"
                    + "free)\\b|\\b(en tant qu['’]\\s*|as an? )(ia|ai|assistant|intelligence artificielle|"
                    + "language model|modèle de langage)\\b", FLAGS),
            // A speaker's tag, as in a chat transcript, followed by an order: "Assistant : ignore…",
            // "SYSTEM: you are…"; not "Système : chauffage au sol".
            Pattern.compile("(^|[.!?]\\s+|\\n)\\s*(assistant|system|système|ai|ia|chatbot|bot)\\s*:.{0,80}\\b(ignore|"
                    + "oublie|tu|you|réponds|answer|say|dis|annonce|promets|promise|never|jamais|toujours|always)\\b|"
                    + "#{2,}\\s*(system|système)\\b|<\\|", FLAGS),
            // What it must say to every visitor, as an order.
            Pattern.compile("\\b(réponds|répondez|dis|dites|annonce[sz]?|affirme[sz]?|promets|promettez|garantis|"
                    + "garantissez)\\b.{0,40}\\b(toujours|uniquement|à (chaque|tous les|tout) (visiteur|utilisateur|"
                    + "client|personne)s?)\\b", FLAGS),
            Pattern.compile("(^|[,;:]\\s*|\\band\\s+)(always|only) (answer|say|reply|respond|tell|promise)\\b|"
                    + "\\b(tell|promise|assure) (every|each|all|any) (visitor|user|customer|person)s?\\b", FLAGS));

    private PlantedInstructions() {
    }

    /** {@code text} without the sentences it addresses to a model; as it is when it has none. */
    public static String without(String text) {
        StringBuilder kept = new StringBuilder();
        Matcher sentence = SENTENCE.matcher(text);
        while (sentence.find()) {
            if (!planted(sentence.group())) {
                kept.append(sentence.group());
            }
        }
        return kept.length() == text.length() ? text : kept.toString();
    }

    /** Whether {@code sentence} speaks to a model of its rules, its role or what it must say. */
    static boolean planted(String sentence) {
        return ADDRESSED_TO_A_MODEL.stream().anyMatch(pattern -> pattern.matcher(sentence).find());
    }
}
