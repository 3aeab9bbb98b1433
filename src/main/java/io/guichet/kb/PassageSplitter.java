package io.guichet.kb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a Markdown body at its headings, so that a passage speaks of one thing under its own
 * heading; a section longer than {@link #MAX_CHARS} is cut again between paragraphs. Markdown
 * syntax is dropped: passages are quoted to people as plain text.
 */
final class PassageSplitter {
    static final int MAX_CHARS = 900;
    /** Sentences in a window of {@link #windows}: a question's words stand within a few sentences of each other. */
    static final int WINDOW_SENTENCES = 3;
    /** Where a sentence's lead ends: a comma, a colon, a dash, a bracket. */
    private static final Pattern LEAD_END = Pattern.compile("\\s*[,:;(·]\\s*|\\s+[—–-]\\s+");
    /** A sentence's lead is at most this many words: its subject, and the verb after it. */
    private static final int LEAD_WORDS = 6;
    /** A sentence ends at its stop (or a semicolon) before a space, or at a line's end (list items, table rows). */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…;])\\s+|\\n");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|\\*|`)");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{2,}.*$");
    private static final Pattern BULLET = Pattern.compile("^\\s*([-*+]|\\d+\\.)\\s+");

    private PassageSplitter() {
    }

    static List<Passage> split(int document, String body) {
        List<Passage> passages = new ArrayList<>();
        String heading = null;
        StringBuilder section = new StringBuilder();
        for (String line : body.split("\n")) {
            if (line.startsWith("#")) {
                flush(document, heading, section, passages);
                String title = line.replaceFirst("^#+\\s*", "").strip();
                // The H1 repeats the document's title, which every passage is indexed with anyway.
                heading = line.startsWith("# ") ? null : title;
            } else {
                section.append(line).append('\n');
            }
        }
        flush(document, heading, section, passages);
        return passages;
    }

    private static void flush(int document, String heading, StringBuilder section, List<Passage> out) {
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : section.toString().split("\n\\s*\n")) {
            String plain = plain(paragraph);
            if (!plain.isEmpty()) {
                paragraphs.add(plain);
            }
        }
        section.setLength(0);
        StringBuilder chunk = new StringBuilder();
        for (String paragraph : paragraphs) {
            if (chunk.length() > 0 && chunk.length() + paragraph.length() > MAX_CHARS) {
                out.add(new Passage(document, heading, chunk.toString()));
                chunk.setLength(0);
            }
            if (chunk.length() > 0) {
                chunk.append('\n');
            }
            chunk.append(paragraph);
        }
        if (chunk.length() > 0) {
            out.add(new Passage(document, heading, chunk.toString()));
        }
    }

    /**
     * The passage's text cut into windows of {@link #WINDOW_SENTENCES} consecutive sentences, one
     * starting at each sentence (a shorter text is one window): the places where a question's
     * words may be stated together.
     */
    static List<String> windows(String text) {
        List<String> sentences = sentences(text);
        List<String> windows = new ArrayList<>();
        for (int first = 0; first == 0 || first + WINDOW_SENTENCES <= sentences.size(); first++) {
            windows.add(String.join(" ",
                    sentences.subList(first, Math.min(sentences.size(), first + WINDOW_SENTENCES))));
        }
        return windows;
    }

    /** The passage's sentences, each line of a list or table one of them. */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            if (!sentence.isBlank()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /**
     * What a sentence is about: its first words, up to the first comma, colon or dash ("Police
     * municipale, 1 place de l'Hôtel-de-Ville : …" is about the police, not the town hall; "Le
     * musée est ouvert du mardi au dimanche" about the museum).
     */
    static String lead(String sentence) {
        String head = LEAD_END.split(sentence.strip(), 2)[0];
        String[] words = head.split("\\s+");
        return words.length <= LEAD_WORDS ? head : String.join(" ", Arrays.asList(words).subList(0, LEAD_WORDS));
    }

    /** Markdown to readable text: links keep their words, tables become "cell · cell" lines. */
    static String plain(String markdown) {
        StringBuilder out = new StringBuilder();
        for (String line : markdown.split("\n")) {
            if (TABLE_RULE.matcher(line).matches()) {
                continue;
            }
            String text = BULLET.matcher(line).replaceFirst("");
            text = LINK.matcher(text).replaceAll("$1");
            text = EMPHASIS.matcher(text).replaceAll("");
            if (text.strip().startsWith("|")) {
                text = String.join(" · ", Arrays.stream(text.strip().split("\\|"))
                        .map(String::strip).filter(c -> !c.isEmpty()).toList());
            }
            text = text.strip();
            if (!text.isEmpty()) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(text);
            }
        }
        return out.toString();
    }
}
