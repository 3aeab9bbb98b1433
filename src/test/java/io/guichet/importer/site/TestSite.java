package io.guichet.importer.site;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A territory's site on loopback, as an import meets it: a robots.txt that shuts every crawler
 * out but Guichet, and Guichet out of a private folder; a sitemap index over two sitemaps; French
 * and English pages wrapped in navigation, header, footer, forms and cookie banners; a table; a
 * redirect; a 404; a PDF; a page with nothing but its title. It honours conditional GETs and
 * records every request it gets.
 */
final class TestSite implements AutoCloseable {
    /** A request as the site saw it: when it arrived, what it asked and what it was answered. */
    record Hit(String path, long nanos, String ifNoneMatch, String ifModifiedSince, int status) {
        boolean conditional() {
            return ifNoneMatch != null || ifModifiedSince != null;
        }
    }

    private record Page(String contentType, String body, String etag, String lastModified) {
    }

    private record Listing(String sitemap, String path, String lastmod) {
    }

    static final String ROBOTS = """
            # Everyone else stays out; Guichet is welcome but for the private files.
            User-agent: *
            Disallow: /

            User-agent: OtherBot
            User-agent: Guichet
            Disallow: /entreprendre/prive/
            """;

    static final String AIDES = """
            <!DOCTYPE html><html lang="fr-FR"><head><title>Aides à l'implantation | Territoire</title>
            <script>var tracking = "ne pas importer";</script><style>body { color: black }</style></head>
            <body>
            <header class="site-header"><a href="/">Territoire</a>
              <nav><ul><li><a href="/entreprendre/">Entreprendre</a></li><li><a href="/sejourner/">Séjourner</a></li></ul></nav>
            </header>
            <div id="cookie-banner"><p>Nous utilisons des cookies pour mesurer l'audience.</p><button>Accepter</button></div>
            <main>
              <nav aria-label="Fil d'Ariane"><a href="/">Accueil</a> › Entreprendre</nav>
              <h1>Aides à l'implantation</h1>
              <p>Le territoire accompagne les entreprises qui créent des emplois&nbsp;: <strong>exonération de CFE</strong>
                 pendant trois ans et <a href="/contact">prime à l'emploi</a>.</p>
              <h2>Montants</h2>
              <table>
                <thead><tr><th>Aide</th><th>Montant</th></tr></thead>
                <tbody><tr><td>Prime à l'emploi</td><td>3 000 € par emploi créé</td></tr>
                <tr><td>Avance remboursable</td><td>jusqu'à 200 000 €</td></tr></tbody>
              </table>
              <h2>Conditions</h2>
              <ul><li>Créer au moins cinq emplois en trois ans</li>
                <li>S'implanter dans une zone d'activités :<ul><li>Parc des Varennes</li><li>Écoparc de Beaulieu</li></ul></li></ul>
              <form><label>Votre e-mail</label><input name="email"><button>S'abonner</button></form>
            </main>
            <aside><p>À lire aussi : nos zones d'activités</p></aside>
            <footer><p>© Territoire — Mentions légales</p></footer>
            </body></html>
            """;

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final List<Listing> listings = new ArrayList<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Set<String> unlisted = ConcurrentHashMap.newKeySet();
    private volatile String robots = ROBOTS;
    private volatile boolean honoursConditionalRequests = true;
    private final int port;

    TestSite() throws Exception {
        html("/entreprendre/aides-a-l-implantation", AIDES, "\"aides-v1\"");
        redirect("/entreprendre/ancienne-page", "/entreprendre/bureaux");
        html("/entreprendre/bureaux", """
                <html lang="fr"><head><title>Bureaux</title></head><body>
                <header><h1 class="logo">Territoire</h1></header>
                <div role="main"><h1>Bureaux et coworking</h1>
                <p>Des bureaux à louer dès 12 € le m² par mois, et trois espaces de coworking en centre-ville.</p></div>
                <footer>Plan du site</footer></body></html>
                """, "\"bureaux-v1\"");
        html("/entreprendre/prive/dossier", "<html lang=\"fr\"><body><main><h1>Dossier</h1><p>Réservé.</p></main></body></html>",
                "\"prive\"");
        pages.put("/entreprendre/brochure.pdf", new Page("application/pdf", "%PDF-1.4 brochure", "\"pdf\"", null));
        pages.put("/sejourner/lac-de-serannes", new Page("text/html; charset=UTF-8", """
                <html><head><title>Lac de Serannes</title></head><body><header><nav>Menu</nav></header>
                <h1>Lac de Serannes</h1>
                <p>La plage du lac est surveillée en juillet et en août, de 11 h à 19 h. Location de pédalos et de paddles sur la rive nord.</p>
                <footer>Contact</footer></body></html>
                """, null, "Tue, 14 Apr 2026 08:30:00 GMT"));
        html("/sejourner/wine-tours", """
                <html lang="en-GB"><head><title>Wine tours | Territory</title></head><body><nav>Home</nav>
                <article><header><h1>Wine tours in English</h1></header>
                <p>Guided wine tours in English leave the tourist office every Saturday at 10 am; the tour costs 35 euros and includes three tastings.</p>
                <footer>Share this page</footer></article>
                <div class="consent-popup">We use cookies.</div></body></html>
                """, "\"wine-v1\"");
        html("/sejourner/vide", """
                <html lang="fr"><body><header>Territoire</header><nav>Menu</nav><main><h1>Page en travaux</h1></main>
                <footer>Contact</footer></body></html>
                """, "\"vide\"");
        html("/pratique/horaires", """
                <html lang="fr"><body><main><h1>Horaires de l'office de tourisme</h1>
                <p>Ouvert du lundi au samedi de 9 h à 18 h.</p></main></body></html>
                """, "\"horaires-v1\"");
        list("entreprendre", "/entreprendre/aides-a-l-implantation", "2026-03-01");
        list("entreprendre", "/entreprendre/prive/dossier", "2026-03-02");
        list("entreprendre", "/entreprendre/ancienne-page", "2026-02-10");
        list("entreprendre", "/entreprendre/brochure.pdf", null);
        list("entreprendre", "/entreprendre/disparue", null);
        list("sejourner", "/sejourner/lac-de-serannes", null);
        list("sejourner", "/sejourner/wine-tours", "2026-05-04T10:00:00+02:00");
        list("sejourner", "/sejourner/vide", null);
        list("sejourner", "/pratique/horaires", "2026-01-15");
        HttpServer server = vertx.createHttpServer().requestHandler(this::answer).listen(0)
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        port = server.actualPort();
    }

    URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    URI sitemap() {
        return url("/sitemap.xml");
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    List<Hit> hits(String path) {
        return hits.stream().filter(hit -> hit.path().equals(path)).toList();
    }

    void forgetHits() {
        hits.clear();
    }

    void unlist(String path) {
        unlisted.add(path);
    }

    void robots(String text) {
        robots = text;
    }

    void ignoreConditionalRequests() {
        honoursConditionalRequests = false;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private void html(String path, String body, String etag) {
        pages.put(path, new Page("text/html; charset=UTF-8", body, etag, "Mon, 02 Mar 2026 09:00:00 GMT"));
    }

    private void redirect(String path, String target) {
        pages.put(path, new Page(null, target, null, null));
    }

    private void list(String sitemap, String path, String lastmod) {
        listings.add(new Listing(sitemap, path, lastmod));
    }

    private void answer(HttpServerRequest request) {
        long arrived = System.nanoTime();
        String path = request.path();
        String ifNoneMatch = request.getHeader("If-None-Match");
        String ifModifiedSince = request.getHeader("If-Modified-Since");
        int status = respond(request, path, ifNoneMatch, ifModifiedSince);
        hits.add(new Hit(path, arrived, ifNoneMatch, ifModifiedSince, status));
    }

    private int respond(HttpServerRequest request, String path, String ifNoneMatch, String ifModifiedSince) {
        var response = request.response();
        if (path.equals("/robots.txt")) {
            response.putHeader("Content-Type", "text/plain").end(robots);
            return 200;
        }
        if (path.equals("/sitemap.xml")) {
            StringBuilder index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (String name : List.of("entreprendre", "sejourner")) {
                index.append("  <sitemap><loc>").append(url("/sitemaps/" + name + ".xml")).append("</loc></sitemap>\n");
            }
            response.putHeader("Content-Type", "application/xml").end(index.append("</sitemapindex>\n").toString());
            return 200;
        }
        if (path.startsWith("/sitemaps/")) {
            String name = path.substring("/sitemaps/".length()).replace(".xml", "");
            StringBuilder urlset = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            for (Listing listing : listings) {
                if (listing.sitemap().equals(name) && !unlisted.contains(listing.path())) {
                    urlset.append("  <url><loc>").append(url(listing.path())).append("</loc>");
                    if (listing.lastmod() != null) {
                        urlset.append("<lastmod>").append(listing.lastmod()).append("</lastmod>");
                    }
                    urlset.append("</url>\n");
                }
            }
            response.putHeader("Content-Type", "text/xml").end(urlset.append("</urlset>\n").toString());
            return 200;
        }
        Page page = pages.get(path);
        if (page == null) {
            response.setStatusCode(404).putHeader("Content-Type", "text/html").end("<h1>Page introuvable</h1>");
            return 404;
        }
        if (page.contentType() == null) {
            response.setStatusCode(301).putHeader("Location", page.body()).end();
            return 301;
        }
        if (page.etag() != null) {
            response.putHeader("ETag", page.etag());
        }
        if (page.lastModified() != null) {
            response.putHeader("Last-Modified", page.lastModified());
        }
        boolean unchanged = page.etag() != null ? page.etag().equals(ifNoneMatch)
                : page.lastModified() != null && page.lastModified().equals(ifModifiedSince);
        if (honoursConditionalRequests && unchanged) {
            response.setStatusCode(304).end();
            return 304;
        }
        response.putHeader("Content-Type", page.contentType()).end(page.body());
        return 200;
    }
}
