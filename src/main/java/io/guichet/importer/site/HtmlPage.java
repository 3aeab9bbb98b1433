package io.guichet.importer.site;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One HTML page read for the knowledge base: its main content as Markdown, its title and its
 * language. The site's chrome (navigation, header, footer, asides, forms, scripts, cookie banners)
 * is dropped, so that passages hold what the page says and not the menu every page repeats.
 */
final class HtmlPage {
    /** Elements that are never content, wherever they stand. */
    private static final String CHROME = "script, style, noscript, template, iframe, svg, form, nav, aside, button,"
            + " dialog, [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo],"
            + " [role=complementary], [role=search], [role=dialog], [role=alertdialog], footer";
    /** Cookie and consent banners, by the ids and classes that the usual tools and themes give them. */
    private static final String CONSENT = "[id~=(?i)cookie|consent|gdpr|rgpd|tarteaucitron|didomi|onetrust|axeptio],"
            + " [class~=(?i)cookie|consent|gdpr|rgpd|tarteaucitron|didomi|onetrust|axeptio]";
    private static final Set<String> FRENCH_WORDS = Set.of("le", "la", "les", "des", "du", "et", "est", "une",
            "pour", "dans", "sur", "avec", "aux", "vous", "nous", "qui", "pas", "par", "sont", "ou");
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "of", "to", "is", "for", "with", "in",
            "you", "your", "we", "our", "that", "this", "from", "by", "are", "it", "at", "or");

    record Content(String title, String lang, String markdown) {
    }

    private HtmlPage() {
    }

    /**
     * The page's content, or empty when it has none once its chrome is dropped. A page declared in
     * a language other than French or English is refused: the knowledge base holds those two.
     */
    static Optional<Content> read(Document page) throws UnsupportedLanguage {
        String declared = page.selectFirst("html") == null ? "" : page.selectFirst("html").attr("lang");
        page.select(CHROME).remove();
        for (Element banner : page.select(CONSENT)) {
            // A class such as "cookie-consent-pending" on the body or a wrapper marks the page, not a banner.
            if (banner.selectFirst("main, [role=main], article, h1") == null) {
                banner.remove();
            }
        }
        Element root = Optional.ofNullable(page.selectFirst("main"))
                .or(() -> Optional.ofNullable(page.selectFirst("[role=main]")))
                .or(() -> Optional.ofNullable(page.selectFirst("article")))
                .orElse(page.body());
        // The header of the main content or of an article holds its title; any other is the site's banner.
        for (Element header : page.select("header")) {
            if (header.closest("main, [role=main], article") == null && !root.parents().contains(header)) {
                header.remove();
            }
        }
        String markdown = MarkdownRenderer.render(root);
        if (markdown.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
            return Optional.empty();
        }
        Element heading = root.selectFirst("h1");
        String title = heading != null && !heading.text().isBlank() ? heading.text().strip() : documentTitle(page, root);
        if (heading == null) {
            // Every page of the knowledge base opens with its title, as the hand-written ones do.
            markdown = "# " + title + "\n\n" + markdown;
        }
        return Optional.of(new Content(title, language(declared, root.text()), markdown));
    }

    /** A page without an {@code <h1>}: its Open Graph title, its {@code <title>}, its first heading, or its address. */
    private static String documentTitle(Document page, Element root) {
        Element openGraph = page.selectFirst("meta[property=og:title]");
        if (openGraph != null && !openGraph.attr("content").isBlank()) {
            return openGraph.attr("content").strip();
        }
        if (!page.title().isBlank()) {
            return page.title().strip();
        }
        Element heading = root.selectFirst("h2, h3, h4, h5, h6");
        return heading != null && !heading.text().isBlank() ? heading.text().strip() : page.location();
    }

    private static String language(String declared, String text) throws UnsupportedLanguage {
        String primary = declared.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        if (primary.equals("fr") || primary.equals("en")) {
            return primary;
        }
        if (!primary.isEmpty()) {
            throw new UnsupportedLanguage(declared);
        }
        // A whole page is long enough for its function words to tell; French wins a tie, as the product's first language.
        long french = 0;
        long english = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            french += FRENCH_WORDS.contains(word) ? 1 : 0;
            english += ENGLISH_WORDS.contains(word) ? 1 : 0;
        }
        return english > french ? "en" : "fr";
    }

    /** A page the site declares in a language the knowledge base does not hold. */
    static final class UnsupportedLanguage extends Exception {
        UnsupportedLanguage(String lang) {
            super("its language is '" + lang + "', not French or English");
        }
    }
}
