package io.guichet.importer.site;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages a site lists in its sitemap, following sitemap index files. A sitemap that cannot be
 * read fails the whole import: its pages would otherwise look as if they had left the site, and
 * their documents would be removed.
 */
final class Sitemaps {
    private static final Logger LOG = LoggerFactory.getLogger(Sitemaps.class);
    /** The protocol allows an index of sitemaps, not indexes of indexes; one more level is tolerated. */
    private static final int MAX_DEPTH = 3;

    /** A listed page, with the day its sitemap says it last changed (null when it does not say). */
    record Entry(URI url, String lastmod) {
    }

    private Sitemaps() {
    }

    /** The listed pages in the sitemaps' order, each URL once, fragments dropped. */
    static List<Entry> read(URI sitemap, PoliteFetcher fetcher, Predicate<URI> onSite)
            throws IOException, InterruptedException {
        Map<URI, Entry> entries = new LinkedHashMap<>();
        read(sitemap, fetcher, onSite, 1, new HashSet<>(), entries);
        return List.copyOf(entries.values());
    }

    private static void read(URI sitemap, PoliteFetcher fetcher, Predicate<URI> onSite, int depth, Set<URI> seen,
                             Map<URI, Entry> entries) throws IOException, InterruptedException {
        if (!seen.add(sitemap)) {
            return;
        }
        // Servers label sitemaps text/xml, application/xml or even text/plain: the XML itself decides.
        PoliteFetcher.Response response = fetcher.get(sitemap, PoliteFetcher.Validators.NONE, type -> true, onSite);
        if (!response.ok()) {
            throw new IOException("sitemap " + sitemap + " answered " + response.status());
        }
        Document xml = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8), sitemap.toString(),
                Parser.xmlParser());
        if (xml.selectFirst("sitemapindex") != null) {
            if (depth == MAX_DEPTH) {
                throw new IOException("sitemap indexes nested deeper than " + MAX_DEPTH + " at " + sitemap);
            }
            for (Element loc : xml.select("sitemapindex > sitemap > loc")) {
                URI child = uri(loc.text());
                if (child == null || !onSite.test(child)) {
                    LOG.warn("skipping sitemap {} listed in {}: not a URL of this site", loc.text(), sitemap);
                    continue;
                }
                read(child, fetcher, onSite, depth + 1, seen, entries);
            }
        } else if (xml.selectFirst("urlset") != null) {
            for (Element url : xml.select("urlset > url")) {
                String loc = childText(url, "loc");
                URI page = uri(loc);
                if (page == null) {
                    LOG.warn("skipping an entry of sitemap {}: '{}' is not a URL", sitemap, loc);
                    continue;
                }
                entries.putIfAbsent(page, new Entry(page, day(childText(url, "lastmod"))));
            }
        } else {
            throw new IOException(sitemap + " is neither a sitemap nor a sitemap index");
        }
    }

    private static String childText(Element parent, String tag) {
        return parent.children().stream().filter(child -> child.normalName().equals(tag)).findFirst()
                .map(Element::text).orElse("");
    }

    private static URI uri(String text) {
        String withoutFragment = text.strip().replaceFirst("#.*", "");
        try {
            URI page = new URI(withoutFragment);
            return page.isAbsolute() && (page.getScheme().equals("http") || page.getScheme().equals("https"))
                    && page.getHost() != null ? page : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** W3C datetime, of which the day is kept as the page states it: "2026-03-01T10:00+02:00" is 2026-03-01. */
    private static String day(String lastmod) {
        String text = lastmod.strip();
        if (text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10)).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
