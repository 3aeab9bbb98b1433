package io.guichet.importer.site;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A page as a knowledge-base file: the contract's front matter, then the Markdown body. The text
 * depends on nothing but the page, written in a fixed order with every string quoted the same way,
 * so an unchanged page gives the same bytes and its passages keep their cached vectors.
 */
record SiteDocument(String id, String title, String lang, URI url, List<String> tags, String updated,
                    String body) {

    String fileName() {
        return id + ".md";
    }

    String text() {
        StringBuilder out = new StringBuilder("---\n");
        out.append("id: ").append(id).append('\n');
        out.append("title: ").append(quoted(title)).append('\n');
        out.append("lang: ").append(lang).append('\n');
        out.append("url: ").append(quoted(url.toString())).append('\n');
        out.append("tags: [").append(String.join(", ", tags.stream().map(SiteDocument::quoted).toList())).append("]\n");
        if (updated != null) {
            out.append("updated: ").append(updated).append('\n');
        }
        return out.append("---\n").append(body).append('\n').toString();
    }

    /**
     * The folders a page sits in, as words: {@code /s-installer/ecoles/sections-internationales}
     * gives "s installer" and "ecoles". The last segment names the page itself, not a topic it shares.
     */
    static List<String> tagsFromPath(URI url) {
        String[] segments = (url.getRawPath() == null ? "" : url.getRawPath()).split("/", -1);
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < segments.length - 1; i++) {
            String word = URLDecoder.decode(segments[i], StandardCharsets.UTF_8).replaceAll("[-_+]+", " ").strip()
                    .toLowerCase(Locale.ROOT);
            if (!word.isEmpty() && !tags.contains(word)) {
                tags.add(word);
            }
        }
        return List.copyOf(tags);
    }

    /** A YAML double-quoted scalar: any title or URL stays one valid string. */
    private static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
