package io.guichet.kb;

import java.util.ArrayList;
import java.util.List;

/**
 * A query as both retrievers take it, after the query transformation (langchain4j's
 * {@code QueryTransformer} seam): its language and the other one, the glossary's concepts of its
 * words (with their translations and synonyms), and the texts the dense retriever embeds: the
 * query itself and, when the glossary knows some of its terms, its translation; and which of its
 * concepts names what it asks about ({@link AskedAbout}).
 */
record RetrievalQuery(String text, String lang, String otherLang, List<Glossary.Concept> concepts,
                      List<String> denseTexts, AskedAbout askedAbout) {

    /** The query in {@code lang}, expanded through the glossary. */
    static RetrievalQuery of(String text, String lang, Glossary glossary) {
        List<Glossary.Concept> concepts = glossary.concepts(text, lang);
        List<String> denseTexts = new ArrayList<>(List.of(text));
        List<String> translation = concepts.stream().filter(c -> !c.translations().isEmpty())
                .map(c -> c.translations().iterator().next()).toList();
        if (!translation.isEmpty()) {
            denseTexts.add(String.join(" ", translation));
        }
        return new RetrievalQuery(text, lang, "en".equals(lang) ? "fr" : "en", concepts, List.copyOf(denseTexts),
                AskedAbout.of(text, lang, concepts, glossary));
    }
}
