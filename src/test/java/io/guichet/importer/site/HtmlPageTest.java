package io.guichet.importer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

    private static HtmlPage.Content read(String html) throws HtmlPage.UnsupportedLanguage {
        return HtmlPage.read(Jsoup.parse(html, "https://www.territoire.example/")).orElseThrow();
    }

    @Test
    void blocksBecomeMarkdown() throws Exception {
        HtmlPage.Content page = read("""
                <html lang="fr"><body><main>
                <h2>Accès <em>en train</em></h2>
                <p>Gare TGV<br>10 min à pied</p>
                <p>#1 du classement</p>
                <ol start="3"><li><p>Prendre la ligne 2</p></li><li>Descendre à <b>Cathédrale</b></li></ol>
                <blockquote><p>Une ville à taille humaine.</p></blockquote>
                <dl><dt>Tarif</dt><dd>1,70 € le trajet</dd></dl>
                <table><caption>Fréquences</caption><tr><th colspan="2">Ligne 2</th></tr>
                <tr><td>semaine</td><td>toutes les 8 min | en soirée 15 min</td></tr></table>
                <img src="plan.png" alt="plan"><pre>  horaires.pdf</pre>
                </main></body></html>
                """);
        assertEquals("""
                # Accès en train

                ## Accès en train

                Gare TGV
                10 min à pied

                \\#1 du classement

                3. Prendre la ligne 2
                4. Descendre à **Cathédrale**

                > Une ville à taille humaine.

                **Tarif**

                1,70 € le trajet

                Fréquences

                | Ligne 2 |  |
                | --- | --- |
                | semaine | toutes les 8 min \\| en soirée 15 min |

                ```
                  horaires.pdf
                ```""", page.markdown());
    }

    @Test
    void theChromeGoesWhereverItStands() throws Exception {
        HtmlPage.Content page = read("""
                <html lang="en"><body class="cookie-consent-pending">
                <div role="banner">Territory</div><div class="tarteaucitronAlert">We use cookies</div>
                <article><header><h1>Getting here</h1><p>By train</p></header>
                <p>Trains from Paris take two hours.</p><aside>Related pages</aside>
                <form><p>Newsletter</p></form><footer>Share</footer></article>
                <footer>Legal notice</footer></body></html>
                """);
        assertEquals("Getting here", page.title());
        assertEquals("# Getting here\n\nBy train\n\nTrains from Paris take two hours.", page.markdown());
    }

    @Test
    void theLanguageIsTheDeclaredOneElseGuessedFromTheWords() throws Exception {
        assertEquals("en", read("<html><body><p>The lake is open to swimmers in July and August, with lifeguards"
                + " on the beach.</p></body></html>").lang());
        assertEquals("fr", read("<html><body><p>La plage est surveillée en juillet et en août.</p></body></html>")
                .lang());
        assertEquals("en", read("<html lang=\"EN-us\"><body><p>Bonjour et bienvenue.</p></body></html>").lang());
        assertThrows(HtmlPage.UnsupportedLanguage.class,
                () -> read("<html lang=\"de\"><body><p>Der See ist im Sommer geöffnet.</p></body></html>"));
    }

    @Test
    void aPageWithoutTextHasNoContentAndAPageWithoutHeadingGetsItsTitle() throws Exception {
        assertTrue(HtmlPage.read(Jsoup.parse("<html lang=\"fr\"><body><nav>Menu</nav><main><h1>En travaux</h1>"
                + "</main></body></html>")).isEmpty());
        HtmlPage.Content untitled = read("<html lang=\"fr\"><head><title>Numéros utiles | Territoire</title>"
                + "<meta property=\"og:title\" content=\"Numéros utiles\"></head><body><p>Urgences : 112</p></body></html>");
        assertEquals("Numéros utiles", untitled.title());
        assertEquals("# Numéros utiles\n\nUrgences : 112", untitled.markdown());
    }
}
