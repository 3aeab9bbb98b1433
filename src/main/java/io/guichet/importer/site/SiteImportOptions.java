package io.guichet.importer.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code import site SITEMAP_URL [--out DIR] [--prefix /path/]… [--max-pages N] [--delay-ms N]}.
 *
 * @param out       the site's own folder: every Markdown file the import writes, and its state file
 * @param prefixes  paths a page must start with to be imported; empty: every listed page
 * @param maxPages  how many pages to fetch at most, in the sitemap's order
 * @param delay     the least time between two requests (robots.txt's Crawl-delay may ask for more)
 */
record SiteImportOptions(URI sitemap, Path out, List<String> prefixes, int maxPages, Duration delay) {
    static final String USAGE = "usage: import site SITEMAP_URL [--out DIR] [--prefix /path/]... [--max-pages N]"
            + " [--delay-ms N]";
    /** One request a second, the usual courtesy towards a site that states no Crawl-delay. */
    static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);

    /** Reads the command's arguments (those after {@code import site}); a bad one is an IllegalArgumentException. */
    static SiteImportOptions parse(String... args) {
        URI sitemap = null;
        Path out = null;
        List<String> prefixes = new ArrayList<>();
        int maxPages = Integer.MAX_VALUE;
        Duration delay = DEFAULT_DELAY;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                if (sitemap != null) {
                    throw new IllegalArgumentException("one sitemap URL only\n" + USAGE);
                }
                sitemap = sitemapUrl(arg);
                continue;
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (arg) {
                case "--out" -> out = Path.of(value);
                case "--prefix" -> {
                    if (!value.startsWith("/")) {
                        throw new IllegalArgumentException("--prefix is a path starting with /, not " + value);
                    }
                    prefixes.add(value);
                }
                case "--max-pages" -> maxPages = number(arg, value, 1);
                case "--delay-ms" -> delay = Duration.ofMillis(number(arg, value, 0));
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (sitemap == null) {
            throw new IllegalArgumentException("the sitemap's URL is missing\n" + USAGE);
        }
        if (out == null) {
            out = Path.of("knowledge-base", "imported", "site", sitemap.getHost().toLowerCase(Locale.ROOT));
        }
        return new SiteImportOptions(sitemap, out, List.copyOf(prefixes), maxPages, delay);
    }

    private static URI sitemapUrl(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("the sitemap is an http:// or https:// URL, not " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the sitemap is an http:// or https:// URL, not " + text, e);
        }
    }

    private static int number(String option, String value, int least) {
        try {
            int number = Integer.parseInt(value);
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Said below, with the option's name.
        }
        throw new IllegalArgumentException(option + " takes a whole number of at least " + least + ", not " + value);
    }
}
