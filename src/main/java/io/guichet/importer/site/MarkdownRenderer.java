package io.guichet.importer.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An HTML element's content as the Markdown the knowledge base reads: headings, paragraphs, lists
 * (nested by indentation), tables (pipe tables, the first row as their head), quotes, code, and
 * bold or italic words. Links keep their words only, since a URL in a passage is noise to search and
 * to the person the passage is quoted to; images are dropped. Whitespace is collapsed and blocks
 * are separated by one blank line, so one page always gives the same text.
 */
final class MarkdownRenderer {
    /** Elements that flow within a line; any other element starts a block of its own. */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "cite", "code", "data",
            "del", "dfn", "em", "font", "i", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span",
            "strong", "sub", "sup", "time", "u", "var", "br", "wbr");

    private final List<String> blocks = new ArrayList<>();
    private final StringBuilder pendingText = new StringBuilder();

    private MarkdownRenderer() {
    }

    static String render(Element root) {
        MarkdownRenderer renderer = new MarkdownRenderer();
        renderer.container(root);
        renderer.endParagraph();
        return String.join("\n\n", renderer.blocks);
    }

    private void container(Element element) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                pendingText.append(words(text));
            } else if (child instanceof Element e) {
                block(e);
            }
        }
    }

    private void block(Element element) {
        String tag = element.normalName();
        if (INLINE.contains(tag)) {
            pendingText.append(inlineElement(element));
            return;
        }
        endParagraph();
        switch (tag) {
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                // Plain words: the heading becomes the passage's title, which emphasis marks would clutter.
                String text = oneLine(element.text());
                if (!text.isEmpty()) {
                    blocks.add("#".repeat(tag.charAt(1) - '0') + " " + text);
                }
            }
            case "ul", "ol" -> {
                List<String> lines = new ArrayList<>();
                list(element, 0, lines);
                if (!lines.isEmpty()) {
                    blocks.add(String.join("\n", lines));
                }
            }
            case "table" -> table(element);
            case "pre" -> {
                String code = element.wholeText().stripTrailing();
                if (!code.isBlank()) {
                    blocks.add("```\n" + code + "\n```");
                }
            }
            case "blockquote" -> {
                String quoted = render(element);
                if (!quoted.isEmpty()) {
                    blocks.add(quoted.lines().map(line -> line.isEmpty() ? ">" : "> " + line)
                            .collect(Collectors.joining("\n")));
                }
            }
            case "dt" -> {
                String term = oneLine(element.text());
                if (!term.isEmpty()) {
                    blocks.add("**" + term + "**");
                }
            }
            case "img", "hr", "picture", "video", "audio", "canvas", "map", "object", "embed" -> {
                // Nothing a passage can quote.
            }
            default -> {
                container(element);
                endParagraph();
            }
        }
    }

    /** A paragraph's text is kept as its lines (from {@code <br>}), each collapsed to single spaces. */
    private void endParagraph() {
        List<String> lines = new ArrayList<>();
        for (String line : pendingText.toString().split("\n")) {
            String text = oneLine(line);
            if (!text.isEmpty()) {
                // A line that starts with '#' would be read as a heading and cut the passage there.
                lines.add(text.startsWith("#") ? "\\" + text : text);
            }
        }
        pendingText.setLength(0);
        if (!lines.isEmpty()) {
            blocks.add(String.join("\n", lines));
        }
    }

    private static void list(Element list, int depth, List<String> lines) {
        boolean ordered = list.normalName().equals("ol");
        int number = ordered ? parseIntOr(list.attr("start"), 1) : 0;
        for (Element item : list.children()) {
            if (!item.normalName().equals("li")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            List<Element> nested = new ArrayList<>();
            for (Node child : item.childNodes()) {
                if (child instanceof Element e && (e.normalName().equals("ul") || e.normalName().equals("ol"))) {
                    nested.add(e);
                } else if (child instanceof Element e) {
                    text.append(inlineElement(e));
                } else if (child instanceof TextNode t) {
                    text.append(words(t));
                }
            }
            String line = oneLine(text.toString().replace('\n', ' '));
            if (!line.isEmpty()) {
                lines.add("  ".repeat(depth) + (ordered ? number + ". " : "- ") + line);
            }
            number++;
            for (Element sublist : nested) {
                list(sublist, line.isEmpty() ? depth : depth + 1, lines);
            }
        }
    }

    private void table(Element table) {
        List<List<String>> rows = new ArrayList<>();
        String caption = "";
        for (Element child : table.children()) {
            switch (child.normalName()) {
                case "caption" -> caption = oneLine(child.text());
                case "tr" -> rows.add(cells(child));
                case "thead", "tbody", "tfoot" -> child.children().stream()
                        .filter(row -> row.normalName().equals("tr")).forEach(row -> rows.add(cells(row)));
                default -> {
                    // colgroup and the like carry no text.
                }
            }
        }
        rows.removeIf(row -> row.stream().allMatch(String::isEmpty));
        if (!caption.isEmpty()) {
            blocks.add(caption);
        }
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = new ArrayList<>(rows.get(r));
            while (row.size() < columns) {
                row.add("");
            }
            lines.add("| " + String.join(" | ", row) + " |");
            if (r == 0) {
                lines.add("|" + " --- |".repeat(columns));
            }
        }
        blocks.add(String.join("\n", lines));
    }

    private static List<String> cells(Element row) {
        List<String> cells = new ArrayList<>();
        for (Element cell : row.children()) {
            if (cell.normalName().equals("td") || cell.normalName().equals("th")) {
                String text = oneLine(inline(cell).replace('\n', ' ')).replace("|", "\\|");
                cells.add(text);
                for (int span = parseIntOr(cell.attr("colspan"), 1); span > 1; span--) {
                    cells.add("");
                }
            }
        }
        return cells;
    }

    /** The text of an element's children within a line: emphasis kept as Markdown, line breaks as '\n'. */
    private static String inline(Element element) {
        StringBuilder out = new StringBuilder();
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(words(text));
            } else if (child instanceof Element e) {
                out.append(inlineElement(e));
            }
        }
        return out.toString();
    }

    private static String inlineElement(Element element) {
        return switch (element.normalName()) {
            case "br" -> "\n";
            case "strong", "b" -> wrap(inline(element), "**");
            case "em", "i" -> wrap(inline(element), "*");
            case "code", "kbd", "samp" -> wrap(inline(element), "`");
            case "img", "picture", "video", "audio", "canvas", "object", "embed" -> "";
            // A block within a line (paragraphs in a table cell or a list item) still parts words.
            default -> INLINE.contains(element.normalName()) ? inline(element) : " " + inline(element) + " ";
        };
    }

    /** Emphasis marks hug the words: "** mot **" would not read as bold. */
    private static String wrap(String text, String mark) {
        String words = oneLine(text.replace('\n', ' '));
        if (words.isEmpty()) {
            return text;
        }
        String before = Character.isWhitespace(text.charAt(0)) ? " " : "";
        String after = Character.isWhitespace(text.charAt(text.length() - 1)) ? " " : "";
        return before + mark + words + mark + after;
    }

    /** A text node's words: its line ends are the source's layout, only {@code <br>} breaks a line. */
    private static String words(TextNode text) {
        return text.getWholeText().replace('\r', ' ').replace('\n', ' ');
    }

    /** Runs of white space, non-breaking ones included, as one plain space. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\s\\u00A0\\u2007\\u202F]+", " ").strip();
    }

    private static int parseIntOr(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
