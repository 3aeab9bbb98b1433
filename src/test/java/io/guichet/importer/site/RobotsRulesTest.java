package io.guichet.importer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsRulesTest {

    @Test
    void theGroupNamingTheCrawlerReplacesTheGeneralOne() {
        String robots = """
                User-agent: *
                Disallow: /
                Crawl-delay: 10

                User-Agent: GUICHET   # case does not matter
                Disallow: /private/
                Crawl-delay: 2.5
                """;
        RobotsRules guichet = RobotsRules.parse(robots, "Guichet");
        assertTrue(guichet.allows("/entreprendre/aides"));
        assertFalse(guichet.allows("/private/file"));
        assertEquals(Duration.ofMillis(2500), guichet.crawlDelay());

        RobotsRules other = RobotsRules.parse(robots, "OtherBot");
        assertFalse(other.allows("/entreprendre/aides"));
        assertEquals(Duration.ofSeconds(10), other.crawlDelay());
    }

    @Test
    void theLongestMatchWinsAndAllowWinsATie() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /sejourner/
                Allow: /sejourner/lac
                Disallow: /agenda
                Allow: /agenda
                Disallow:
                """, "Guichet");
        assertFalse(rules.allows("/sejourner/musees"));
        assertTrue(rules.allows("/sejourner/lac-de-serannes"));
        assertTrue(rules.allows("/agenda/festivals"), "a tie goes to Allow");
        assertTrue(rules.allows("/pratique"), "an empty Disallow forbids nothing");
        assertEquals(Duration.ZERO, rules.crawlDelay());
    }

    @Test
    void wildcardsAndEndAnchors() {
        RobotsRules rules = RobotsRules.parse("""
                User-agent: *
                Disallow: /*.pdf$
                Disallow: /*?session=
                """, "Guichet");
        assertFalse(rules.allows("/docs/brochure.pdf"));
        assertTrue(rules.allows("/docs/brochure.pdf.html"));
        assertFalse(rules.allows("/recherche?session=42"));
        assertTrue(rules.allows("/recherche?q=lac"));
    }

    @Test
    void consecutiveAgentsShareTheirRulesAndNoGroupMeansNoRule() {
        RobotsRules shared = RobotsRules.parse("""
                User-agent: OtherBot
                User-agent: Guichet
                Disallow: /prive/
                """, "Guichet");
        assertFalse(shared.allows("/prive/dossier"));
        assertTrue(RobotsRules.parse("User-agent: OtherBot\nDisallow: /\n", "Guichet").allows("/anything"));
    }
}
