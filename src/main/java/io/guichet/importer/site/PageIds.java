package io.guichet.importer.site;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The knowledge-base id of each page, from its URL alone so that it stays from one import to the
 * next: {@code site-<host>-<path>}, the path's segments joined by hyphens
 * ({@code https://www.territoire.example/entreprendre/aides} is
 * {@code site-www-territoire-example-entreprendre-aides}). Eight hex digits of the URL's SHA-256
 * follow when the slug cannot tell the URL apart: a query, capitals, accents or other characters
 * folded away, a cut for length, or two pages of the import that would share it (such as
 * {@code /lac} and {@code /lac.html}).
 */
final class PageIds {
    private static final Pattern PLAIN_PATH = Pattern.compile("(/[a-z0-9]+(-[a-z0-9]+)*)*(/|\\.html?)?");
    /** The extension of static pages says nothing of them: {@code /lac.html} is {@code lac}. */
    private static final Pattern HTML_EXTENSION = Pattern.compile("\\.html?$");
    private static final int MAX_SLUG = 80;

    private PageIds() {
    }

    /** Ids for the pages of one import, in the given order. */
    static Map<URI, String> assign(List<URI> pages) {
        Map<URI, String> slugs = new LinkedHashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        for (URI page : pages) {
            String slug = "site-" + slug(page.getHost()) + "-" + pathSlug(page);
            slugs.put(page, slug);
            uses.merge(slug, 1, Integer::sum);
        }
        Map<URI, String> ids = new LinkedHashMap<>();
        slugs.forEach((page, slug) -> {
            boolean lossless = page.getRawQuery() == null && PLAIN_PATH.matcher(page.getRawPath()).matches()
                    && slug.length() <= MAX_SLUG;
            ids.put(page, lossless && uses.get(slug) == 1 ? slug : cut(slug) + "-" + shortHash(page.toString()));
        });
        return ids;
    }

    private static String pathSlug(URI page) {
        String path = page.getPath() == null ? "" : HTML_EXTENSION.matcher(page.getPath()).replaceFirst("");
        String query = page.getQuery() == null ? "" : " " + page.getQuery();
        String slug = slug(path + query);
        return slug.isEmpty() ? "index" : slug;
    }

    /** Lower-case ASCII letters and digits, accents folded, anything else a single hyphen. */
    private static String slug(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String cut(String slug) {
        return slug.length() <= MAX_SLUG ? slug : slug.substring(0, MAX_SLUG).replaceAll("-$", "");
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
