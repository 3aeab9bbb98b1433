package io.guichet.importer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteImportOptionsTest {

    @Test
    void defaultsAndRepeatedPrefixes() {
        SiteImportOptions defaults = SiteImportOptions.parse("https://www.Territoire.example/sitemap.xml");
        assertEquals(Path.of("knowledge-base/imported/site/www.territoire.example"), defaults.out());
        assertEquals(Duration.ofSeconds(1), defaults.delay());
        assertEquals(List.of(), defaults.prefixes());
        assertEquals(Integer.MAX_VALUE, defaults.maxPages());

        SiteImportOptions given = SiteImportOptions.parse("--prefix", "/entreprendre/", "https://t.example/sitemap.xml",
                "--prefix", "/sejourner/", "--out", "kb/site", "--max-pages", "20", "--delay-ms", "0");
        assertEquals(List.of("/entreprendre/", "/sejourner/"), given.prefixes());
        assertEquals(Path.of("kb/site"), given.out());
        assertEquals(20, given.maxPages());
        assertEquals(Duration.ZERO, given.delay());
    }

    @Test
    void badArgumentsAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> SiteImportOptions.parse());
        assertThrows(IllegalArgumentException.class, () -> SiteImportOptions.parse("ftp://t.example/sitemap.xml"));
        assertThrows(IllegalArgumentException.class, () -> SiteImportOptions.parse("https://t.example/s.xml",
                "--max-pages", "0"));
        assertThrows(IllegalArgumentException.class, () -> SiteImportOptions.parse("https://t.example/s.xml",
                "--prefix", "entreprendre"));
        assertThrows(IllegalArgumentException.class, () -> SiteImportOptions.parse("https://t.example/s.xml",
                "--delay-ms"));
        assertThrows(IllegalArgumentException.class, () -> SiteImportOptions.parse("https://t.example/s.xml",
                "--depth", "2"));
    }
}
