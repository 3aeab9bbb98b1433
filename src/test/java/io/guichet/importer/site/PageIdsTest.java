package io.guichet.importer.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageIdsTest {
    private static final URI PLAIN = URI.create("https://www.territoire.example/entreprendre/aides");

    @Test
    void aPlainPathGivesAReadableIdThatDependsOnTheUrlAlone() {
        assertEquals("site-www-territoire-example-entreprendre-aides", PageIds.assign(List.of(PLAIN)).get(PLAIN));
        URI section = URI.create("https://www.territoire.example/sejourner/");
        URI home = URI.create("https://www.territoire.example/");
        Map<URI, String> ids = PageIds.assign(List.of(home, section, PLAIN));
        assertEquals("site-www-territoire-example-sejourner", ids.get(section));
        assertEquals("site-www-territoire-example-index", ids.get(home));
        assertEquals("site-www-territoire-example-entreprendre-aides", ids.get(PLAIN), "the other pages change nothing");
    }

    @Test
    void theExtensionOfAStaticPageIsLeftOut() {
        URI page = URI.create("https://www.territoire.example/sejourner/lac.html");
        URI twin = URI.create("https://www.territoire.example/sejourner/lac");
        assertEquals("site-www-territoire-example-sejourner-lac", PageIds.assign(List.of(page)).get(page));
        Map<URI, String> both = PageIds.assign(List.of(page, twin));
        assertNotEquals(both.get(page), both.get(twin));
    }

    @Test
    void aHashIsAddedWhereTheSlugLosesTheUrl() {
        URI accented = URI.create("https://www.territoire.example/s%C3%A9journer/Lac");
        URI query = URI.create("https://www.territoire.example/agenda?page=2");
        Map<URI, String> ids = PageIds.assign(List.of(accented, query));
        assertTrue(ids.get(accented).matches("site-www-territoire-example-sejourner-lac-[0-9a-f]{8}"), ids.get(accented));
        assertTrue(ids.get(query).matches("site-www-territoire-example-agenda-page-2-[0-9a-f]{8}"), ids.get(query));
    }

    @Test
    void twoPagesThatWouldShareAnIdEachGetTheirHash() {
        URI dashed = URI.create("https://www.territoire.example/entreprendre-aides");
        Map<URI, String> ids = PageIds.assign(List.of(PLAIN, dashed));
        assertNotEquals(ids.get(PLAIN), ids.get(dashed));
        assertTrue(ids.get(PLAIN).startsWith("site-www-territoire-example-entreprendre-aides-"), ids.get(PLAIN));
    }

    @Test
    void aLongPathIsCutAndHashed() {
        URI deep = URI.create("https://www.territoire.example/" + "tres-longue-rubrique/".repeat(8) + "page");
        String id = PageIds.assign(List.of(deep)).get(deep);
        assertTrue(id.length() <= 80 + 9 && id.matches(".*-[0-9a-f]{8}"), id);
    }
}
