package io.guichet.importer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.TestFixtures;
import io.guichet.kb.KbDocument;
import io.guichet.kb.KnowledgeBase;
import io.guichet.kb.SearchHit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The import against a whole site on loopback ({@link TestSite}), with no delay unless the test is about it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SiteImportTest {
    private static final String AIDES = "site-localhost-entreprendre-aides-a-l-implantation.md";
    private static final String BUREAUX = "site-localhost-entreprendre-ancienne-page.md";
    private static final String LAC = "site-localhost-sejourner-lac-de-serannes.md";
    private static final String WINE = "site-localhost-sejourner-wine-tours.md";
    private static final String HORAIRES = "site-localhost-pratique-horaires.md";

    private TestSite site;
    @TempDir
    Path out;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite();
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private SiteImport.Summary importSite(String... options) throws Exception {
        String[] args = Stream.concat(Stream.of(site.sitemap().toString(), "--out", out.toString(), "--delay-ms", "0"),
                Stream.of(options)).toArray(String[]::new);
        return SiteImport.run(SiteImportOptions.parse(args));
    }

    @Test
    void eachListedHtmlPageBecomesOneCleanDocument() throws Exception {
        SiteImport.Summary summary = importSite();

        assertEquals(List.of(AIDES, BUREAUX, HORAIRES, LAC, WINE), markdownFiles());
        assertEquals("""
                ---
                id: site-localhost-entreprendre-aides-a-l-implantation
                title: "Aides à l'implantation"
                lang: fr
                url: "%s"
                tags: ["entreprendre"]
                updated: 2026-03-01
                ---
                # Aides à l'implantation

                Le territoire accompagne les entreprises qui créent des emplois : **exonération de CFE** pendant trois ans et prime à l'emploi.

                ## Montants

                | Aide | Montant |
                | --- | --- |
                | Prime à l'emploi | 3 000 € par emploi créé |
                | Avance remboursable | jusqu'à 200 000 € |

                ## Conditions

                - Créer au moins cinq emplois en trois ans
                - S'implanter dans une zone d'activités :
                  - Parc des Varennes
                  - Écoparc de Beaulieu
                """.formatted(site.url("/entreprendre/aides-a-l-implantation")), read(AIDES));

        String wine = read(WINE);
        assertTrue(wine.contains("\ntitle: \"Wine tours in English\"\nlang: en\n"), wine);
        assertTrue(wine.contains("\nupdated: 2026-05-04\n"), "the sitemap's lastmod, as the site states its day: " + wine);
        assertFalse(wine.contains("cookies") || wine.contains("Share this page") || wine.contains("Home"), wine);

        String lac = read(LAC);
        assertTrue(lac.contains("\nlang: fr\n"), "no lang attribute: guessed from the words " + lac);
        assertTrue(lac.contains("\nupdated: 2026-04-14\n"), "no lastmod: the Last-Modified header's day " + lac);
        assertTrue(lac.endsWith("---\n# Lac de Serannes\n\nLa plage du lac est surveillée en juillet et en août, de 11 h"
                + " à 19 h. Location de pédalos et de paddles sur la rive nord.\n"), "no menu, no footer: " + lac);
        assertTrue(lac.contains("\ntags: [\"sejourner\"]\n"), lac);

        String bureaux = read(BUREAUX);
        assertTrue(bureaux.contains("\nurl: \"" + site.url("/entreprendre/bureaux") + "\"\n"),
                "the redirect is followed and its target is the page's URL: " + bureaux);
        assertTrue(bureaux.contains("\ntitle: \"Bureaux et coworking\"\n"), "the main content's title, not the logo's "
                + bureaux);
        assertEquals(List.of(301), site.hits("/entreprendre/ancienne-page").stream().map(TestSite.Hit::status).toList());

        assertTrue(site.hits("/entreprendre/prive/dossier").isEmpty(), "robots.txt disallows it for Guichet");
        assertEquals(1, site.hits("/entreprendre/brochure.pdf").size());
        assertEquals(1, site.hits("/entreprendre/disparue").size());
        // Listed 9; the private page, the PDF, the 404 and the empty page are skipped.
        assertEquals("pages listed 9, fetched 6, not modified 0, written 5, removed 0, skipped 4",
                summary.toString().replaceFirst(", in .*", ""));
    }

    @Test
    void aSecondImportAsksConditionallyAndChangesNothingOnDisk() throws Exception {
        importSite();
        Instant past = Instant.parse("2020-01-01T00:00:00Z");
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(past));
            }
        }
        Map<String, byte[]> before = snapshot();
        site.forgetHits();

        SiteImport.Summary again = importSite();

        List<String> pages = List.of("/entreprendre/aides-a-l-implantation", "/entreprendre/bureaux",
                "/sejourner/lac-de-serannes", "/sejourner/wine-tours", "/pratique/horaires");
        for (String page : pages) {
            List<TestSite.Hit> hits = site.hits(page);
            assertEquals(1, hits.size(), page);
            assertTrue(hits.get(0).conditional(), page + " asked conditionally");
            assertEquals(304, hits.get(0).status(), page);
        }
        assertEquals("\"aides-v1\"", site.hits("/entreprendre/aides-a-l-implantation").get(0).ifNoneMatch());
        assertEquals("Tue, 14 Apr 2026 08:30:00 GMT", site.hits("/sejourner/lac-de-serannes").get(0).ifModifiedSince());
        assertEquals(5, site.hits().stream().filter(hit -> hit.status() == 304).count());
        assertEquals(5, again.notModified());
        assertEquals(0, again.written());
        assertUnchanged(before, past);

        // A server that ignores the validators sends every page again: the same bytes, so no file is touched.
        site.ignoreConditionalRequests();
        SiteImport.Summary full = importSite();
        assertEquals(6, full.fetched());
        assertEquals(0, full.written());
        assertUnchanged(before, past);
    }

    @Test
    void aPageThatLeavesTheSitemapLosesItsDocument() throws Exception {
        importSite();
        site.unlist("/sejourner/lac-de-serannes");

        SiteImport.Summary summary = importSite();

        assertEquals(List.of(AIDES, BUREAUX, HORAIRES, WINE), markdownFiles());
        assertEquals(1, summary.removed());
        assertEquals(8, summary.listed());
    }

    @Test
    void prefixesAndThePageLimitNarrowTheImport() throws Exception {
        SiteImport.Summary summary = importSite("--prefix", "/sejourner/", "--prefix", "/pratique/", "--max-pages", "2");

        assertEquals(List.of(LAC, WINE), markdownFiles());
        assertEquals(2, site.hits().stream().filter(hit -> !hit.path().equals("/robots.txt")
                && !hit.path().contains("sitemap")).count(), "only the two pages were fetched: " + site.hits());

        // A wider import on the same folder, then a narrower one: what falls outside goes.
        importSite("--prefix", "/sejourner/", "--prefix", "/pratique/");
        assertEquals(List.of(HORAIRES, LAC, WINE), markdownFiles());
        assertEquals(2, importSite("--prefix", "/pratique/").removed());
        assertEquals(List.of(HORAIRES), markdownFiles());
        assertEquals(9, summary.listed());
    }

    @Test
    void requestsAreSpacedByTheDelay() throws Exception {
        importSite("--delay-ms", "150", "--prefix", "/sejourner/", "--max-pages", "2");
        assertSpacedBy(Duration.ofMillis(150), site.hits());
    }

    @Test
    void aCrawlDelayInRobotsTxtSpacesRequestsFurther() throws Exception {
        site.robots(TestSite.ROBOTS + "Crawl-delay: 0.3\n");
        importSite("--prefix", "/sejourner/", "--max-pages", "1");
        assertSpacedBy(Duration.ofMillis(300), site.hits());
    }

    @Test
    void theImportedFolderIsAKnowledgeBaseThatAnswers() throws Exception {
        importSite();
        KnowledgeBase base = KnowledgeBase.load(out, TestFixtures.embedder());
        assertEquals(5, base.size());
        List<SearchHit> hits = base.search("quel est le montant de la prime à l'emploi ?", 3, "fr");
        assertEquals("site-localhost-entreprendre-aides-a-l-implantation", hits.get(0).id());
        KbDocument aides = hits.get(0).document();
        assertEquals(site.url("/entreprendre/aides-a-l-implantation").toString(), aides.url());
        assertEquals(List.of("entreprendre"), aides.tags());
        assertEquals("2026-03-01", aides.updated());
        assertEquals("site-localhost-sejourner-wine-tours",
                base.search("guided wine tours on Saturday", 1, "en").get(0).id());
    }

    private static void assertSpacedBy(Duration delay, List<TestSite.Hit> hits) {
        assertTrue(hits.size() >= 5, hits.toString());
        // The client waits from one answer to the next request, so arrivals are at least that far apart.
        long least = delay.toNanos();
        for (int i = 1; i < hits.size(); i++) {
            long gap = hits.get(i).nanos() - hits.get(i - 1).nanos();
            assertTrue(gap >= least, "only " + gap / 1_000_000 + " ms before " + hits.get(i).path());
        }
    }

    private void assertUnchanged(Map<String, byte[]> before, Instant mtime) throws IOException {
        Map<String, byte[]> after = snapshot();
        assertEquals(before.keySet(), after.keySet());
        for (String file : before.keySet()) {
            assertTrue(java.util.Arrays.equals(before.get(file), after.get(file)), file + " kept its bytes");
            assertEquals(FileTime.from(mtime), Files.getLastModifiedTime(out.resolve(file)), file + " kept its mtime");
        }
    }

    private Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(out)) {
            for (Path path : paths.toList()) {
                files.put(path.getFileName().toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }

    private List<String> markdownFiles() throws IOException {
        try (Stream<Path> paths = Files.list(out)) {
            return paths.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".md")).sorted().toList();
        }
    }

    private String read(String file) throws IOException {
        return Files.readString(out.resolve(file));
    }
}
