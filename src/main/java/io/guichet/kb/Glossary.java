package io.guichet.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * The domain's bilingual glossary, the bridge between a French question and an English document
 * (and back): no multilingual embedding model can be had, so queries are expanded with the
 * translations of the terms they contain. The domain's terms come first, then a general
 * dictionary for the words it lacks ("phoques" → "seals", "pluie" → "rain"). Terms are matched on
 * analysed (folded, stemmed) words, so "hôtels" finds the entry "hôtel" and "navettes" the entry
 * "navette".
 */
final class Glossary {
    static final String RESOURCE = "/io/guichet/kb/glossary-fr-en.tsv";
    /** FreeDict's word pairs, one a line: no synonyms, only translations. */
    static final String DICTIONARY = "/io/guichet/kb/dictionary-fr-en.tsv";
    private static final int LONGEST_TERM = 4;

    /** Source language → analysed source term → target-language terms. */
    private final Map<String, Map<String, Set<String>>> entries = Map.of("fr", new HashMap<>(), "en", new HashMap<>());
    /** Language → analysed term → the other terms of its language on the same glossary lines. */
    private final Map<String, Map<String, Set<String>>> synonyms = Map.of("fr", new HashMap<>(), "en", new HashMap<>());

    /** The shipped glossary, read once per JVM: it never changes once built, and every knowledge base shares it. */
    static Glossary shipped() {
        return Shipped.GLOSSARY;
    }

    private static final class Shipped {
        static final Glossary GLOSSARY = build();

        private static Glossary build() {
            Glossary glossary = read(RESOURCE);
            glossary.addAbsent(read(DICTIONARY));
            return glossary;
        }
    }

    private static Glossary read(String resource) {
        try (InputStream in = Glossary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("glossary " + resource + " missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The translations of {@code general} for the single words this glossary lacks: the domain's
     * sense wins ("gîte" is a holiday cottage, not any shelter), and a general phrase would
     * join words that a question only happens to put side by side ("peut-il être" read as
     * "peut-être", maybe).
     */
    void addAbsent(Glossary general) {
        general.entries.forEach((lang, table) -> table.forEach((term, translations) -> {
            if (!term.contains(" ")) {
                entries.get(lang).putIfAbsent(term, translations);
            }
        }));
    }

    static Glossary parse(BufferedReader reader) throws IOException {
        Glossary glossary = new Glossary();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] sides = line.split("\t");
            if (sides.length != 2) {
                continue;
            }
            List<String> french = List.of(sides[0].split("\\|"));
            List<String> english = List.of(sides[1].split("\\|"));
            glossary.add("fr", KbAnalyzers.FRENCH, french, english);
            glossary.add("en", KbAnalyzers.ENGLISH, english, french);
        }
        return glossary;
    }

    private void add(String lang, Analyzer analyzer, List<String> sources, List<String> targets) {
        for (String source : sources) {
            String key = String.join(" ", KbAnalyzers.terms(analyzer, source.strip()));
            if (!key.isEmpty()) {
                entries.get(lang).computeIfAbsent(key, k -> new LinkedHashSet<>())
                        .addAll(targets.stream().map(String::strip).toList());
                synonyms.get(lang).computeIfAbsent(key, k -> new LinkedHashSet<>())
                        .addAll(sources.stream().map(String::strip).filter(t -> !t.equals(source.strip())).toList());
            }
        }
    }

    int size() {
        return entries.get("fr").size() + entries.get("en").size();
    }

    /**
     * A run of the query's analysed words, with what the glossary gives for it: its translations
     * into the other language, and its synonyms in its own.
     */
    record Concept(List<String> words, Set<String> translations, Set<String> synonyms) {
    }

    /**
     * The query cut into concepts: each glossary term found (longest first) with its
     * translations, and each other word alone with none.
     */
    List<Concept> concepts(String query, String lang) {
        String language = "en".equals(lang) ? "en" : "fr";
        Map<String, Set<String>> table = entries.get(language);
        List<String> words = KbAnalyzers.terms(KbAnalyzers.forLanguage(lang), query);
        // A question word counts inside a glossary term ("combien coûte", "quand il pleut"), never alone.
        Set<String> said = new HashSet<>(KbAnalyzers.terms(KbAnalyzers.forQuery(lang), query));
        List<Concept> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int length = 1;
            String key = words.get(i);
            for (int len = Math.min(LONGEST_TERM, words.size() - i); len >= 1; len--) {
                String candidate = String.join(" ", words.subList(i, i + len));
                if (table.containsKey(candidate)) {
                    length = len;
                    key = candidate;
                    break;
                }
            }
            if (length > 1 || said.contains(key)) {
                out.add(new Concept(List.copyOf(words.subList(i, i + length)), table.getOrDefault(key, Set.of()),
                        synonyms.get(language).getOrDefault(key, Set.of())));
            }
            i += length;
        }
        return out;
    }
}
