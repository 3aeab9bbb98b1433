package io.guichet.importer.site;

import io.guichet.importer.site.PoliteFetcher.Response;
import io.guichet.importer.site.PoliteFetcher.Validators;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar guichet.jar import site SITEMAP_URL …}: the territory's own site into the
 * knowledge base, one Markdown document per page its sitemap lists. Reads robots.txt first, then
 * the sitemaps, then each page in the sitemap's order, politely (see {@link PoliteFetcher}); on a
 * later run, a page's ETag and Last-Modified make it a conditional GET, and a 304 keeps its
 * document. The output folder changes only once every page has been read (see {@link OutputFolder}).
 *
 * <p>A page that fails is skipped with a log line. One that the server failed to serve (5xx, no
 * answer) keeps its previous document, since that says nothing of the page; one that is gone (4xx),
 * is not HTML or has no content loses it, as do the pages no longer listed or no longer selected by
 * the prefixes and the page limit. Only files the import wrote itself are ever removed.
 */
public final class SiteImport {
    private static final Logger LOG = LoggerFactory.getLogger(SiteImport.class);
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    /** What one import did, as the command prints it. */
    public record Summary(int listed, int fetched, int notModified, int written, int removed, int skipped,
                          Duration time) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "pages listed %d, fetched %d, not modified %d, written %d, removed %d,"
                    + " skipped %d, in %.1f s", listed, fetched, notModified, written, removed, skipped,
                    time.toMillis() / 1000.0);
        }
    }

    private final SiteImportOptions options;
    private final PoliteFetcher fetcher;
    private final Predicate<URI> onSite;
    private int fetched;
    private int notModified;
    private int written;
    private int skipped;

    private SiteImport(SiteImportOptions options) {
        this.options = options;
        this.fetcher = new PoliteFetcher(options.delay());
        String host = options.sitemap().getHost();
        this.onSite = uri -> host.equalsIgnoreCase(uri.getHost());
    }

    /** Runs the command on its arguments (those after {@code import site}) and returns its exit status. */
    public static int command(String... args) {
        SiteImportOptions options;
        try {
            options = SiteImportOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        try {
            System.out.println(run(options));
            return 0;
        } catch (IOException e) {
            LOG.error("import of {} failed, {} is left as it was: {}", options.sitemap(), options.out(), e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    static Summary run(SiteImportOptions options) throws IOException, InterruptedException {
        return new SiteImport(options).run();
    }

    private Summary run() throws IOException, InterruptedException {
        long started = System.nanoTime();
        OutputFolder folder = OutputFolder.open(options.out());
        ImportState previous = ImportState.read(folder.path());
        RobotsRules robots = robots();
        fetcher.spaceAtLeast(robots.crawlDelay());
        List<Sitemaps.Entry> listed = Sitemaps.read(options.sitemap(), fetcher, onSite);
        Predicate<URI> fetchable = uri -> onSite.test(uri) && robots.allows(pathAndQuery(uri));
        List<Sitemaps.Entry> selected = select(listed, robots);
        Map<URI, String> ids = PageIds.assign(selected.stream().map(Sitemaps.Entry::url).toList());
        ImportState next = ImportState.empty();
        try {
            Map<URI, URI> listedAs = new HashMap<>();
            for (Sitemaps.Entry entry : selected) {
                importPage(entry, ids.get(entry.url()), previous, next, folder, fetchable, listedAs);
            }
            Set<String> kept = next.pages().values().stream().map(ImportState.Page::file).collect(Collectors.toSet());
            Set<String> removed = previous.pages().values().stream().map(ImportState.Page::file)
                    .filter(file -> !kept.contains(file) && folder.has(file))
                    .collect(Collectors.toCollection(TreeSet::new));
            folder.stage(ImportState.FILE_NAME, next.bytes());
            folder.commit(removed);
            removed.forEach(file -> LOG.info("removed {}: its page is no longer imported", file));
            return new Summary(listed.size(), fetched, notModified, written, removed.size(), skipped,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | InterruptedException | RuntimeException e) {
            folder.discard();
            throw e;
        }
    }

    /**
     * RFC 9309: a robots.txt that is not there (4xx) sets no rule; one the server cannot serve leaves
     * the rules unknown, and the import stops rather than crawl a site that may forbid it.
     */
    private RobotsRules robots() throws IOException, InterruptedException {
        Response response = fetcher.get(options.sitemap().resolve("/robots.txt"), Validators.NONE, type -> true,
                onSite);
        if (response.ok()) {
            return RobotsRules.parse(new String(response.body(), StandardCharsets.UTF_8), PoliteFetcher.ROBOTS_TOKEN);
        }
        if (response.status() >= 400 && response.status() < 500) {
            return RobotsRules.ALLOW_ALL;
        }
        throw new IOException("robots.txt answered " + response.status() + ", so the site's rules are unknown");
    }

    /** The listed pages this import fetches: on the site, under a prefix, allowed by robots.txt, up to the limit. */
    private List<Sitemaps.Entry> select(List<Sitemaps.Entry> listed, RobotsRules robots) {
        List<Sitemaps.Entry> selected = new ArrayList<>();
        for (Sitemaps.Entry entry : listed) {
            URI url = entry.url();
            if (!options.prefixes().isEmpty()
                    && options.prefixes().stream().noneMatch(prefix -> url.getPath().startsWith(prefix))) {
                continue;
            }
            if (!onSite.test(url)) {
                skip(url, "it is not on " + options.sitemap().getHost());
            } else if (!robots.allows(pathAndQuery(url))) {
                skip(url, "robots.txt disallows it");
            } else if (selected.size() < options.maxPages()) {
                selected.add(entry);
            }
        }
        return selected;
    }

    private void importPage(Sitemaps.Entry entry, String id, ImportState previous, ImportState next,
                            OutputFolder folder, Predicate<URI> fetchable, Map<URI, URI> listedAs)
            throws IOException, InterruptedException {
        URI url = entry.url();
        String file = id + ".md";
        ImportState.Page before = previous.page(url.toString());
        // A new sitemap lastmod says the page changed: fetched whole, whatever its validators say.
        boolean upToDate = before != null && before.file().equals(file) && folder.has(file)
                && Objects.equals(before.lastmod(), entry.lastmod());
        Response response;
        try {
            response = fetcher.get(url, upToDate ? before.validators() : Validators.NONE, SiteImport::isHtml, fetchable);
        } catch (PoliteFetcher.Refused e) {
            skip(url, e.getMessage());
            return;
        } catch (IOException e) {
            keepAfterServerTrouble(url, before, folder, next, "no answer (" + e.getMessage() + ")");
            return;
        }
        URI sameAs = listedAs.putIfAbsent(response.uri(), url);
        if (sameAs != null) {
            skip(url, "it leads to the same page as " + sameAs);
        } else if (response.status() == 304 && upToDate) {
            notModified++;
            next.put(url.toString(), before);
        } else if (response.status() >= 500) {
            keepAfterServerTrouble(url, before, folder, next, "status " + response.status());
        } else if (response.status() != 200) {
            skip(url, "status " + response.status());
        } else if (response.body() == null) {
            skip(url, "it is not HTML but " + (response.contentType().isEmpty() ? "untyped" : response.contentType()));
        } else {
            write(entry, id, response, folder, next);
        }
    }

    private void write(Sitemaps.Entry entry, String id, Response response, OutputFolder folder, ImportState next)
            throws IOException {
        fetched++;
        Document html = Jsoup.parse(new ByteArrayInputStream(response.body()), charset(response.contentType()),
                response.uri().toString());
        HtmlPage.Content content;
        try {
            content = HtmlPage.read(html).orElse(null);
        } catch (HtmlPage.UnsupportedLanguage e) {
            skip(entry.url(), e.getMessage());
            return;
        }
        if (content == null) {
            skip(entry.url(), "it has no content once its navigation, header and footer are dropped");
            return;
        }
        Validators validators = response.validators();
        String updated = entry.lastmod() != null ? entry.lastmod() : day(validators.lastModified());
        SiteDocument document = new SiteDocument(id, content.title(), content.lang(), response.uri(),
                SiteDocument.tagsFromPath(response.uri()), updated, content.markdown());
        if (folder.stage(document.fileName(), document.text().getBytes(StandardCharsets.UTF_8))) {
            written++;
            LOG.info("wrote {} from {}", document.fileName(), response.uri());
        }
        next.put(entry.url().toString(),
                new ImportState.Page(document.fileName(), validators.etag(), validators.lastModified(), entry.lastmod()));
    }

    /** The server's trouble says nothing of the page: the document it had stays. */
    private void keepAfterServerTrouble(URI url, ImportState.Page before, OutputFolder folder, ImportState next,
                                        String reason) {
        if (before != null && folder.has(before.file())) {
            next.put(url.toString(), before);
            skip(url, reason + "; its previous document is kept");
        } else {
            skip(url, reason);
        }
    }

    private void skip(URI url, String reason) {
        skipped++;
        LOG.warn("skipped {}: {}", url, reason);
    }

    private static boolean isHtml(String contentType) {
        String type = contentType.strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || type.startsWith("application/xhtml+xml");
    }

    /** The charset the server states, when Java knows it; else jsoup reads the page's own meta tag, or UTF-8. */
    private static String charset(String contentType) {
        Matcher matcher = CHARSET.matcher(contentType);
        if (matcher.find()) {
            try {
                return Charset.isSupported(matcher.group(1)) ? matcher.group(1) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** A Last-Modified header's day, in UTC. */
    private static String day(String lastModified) {
        if (lastModified == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .withZoneSameInstant(ZoneOffset.UTC).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }
}
