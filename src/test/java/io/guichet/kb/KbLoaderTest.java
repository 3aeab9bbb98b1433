package io.guichet.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KbLoaderTest {

    @Test
    void readsFrontMatterFactsAndBody() throws IOException {
        KbDocument document = KbLoader.parse(Path.of("seminaires/loft.md"), """
                ---
                id: loft-25
                title: Le Loft
                lang: fr
                audience: [event_planner]
                journey: seminar_planning
                url: https://example.org/loft
                tags: [salle, atypique]
                capacity: 25
                price_from_eur: 45.5
                ---
                # Le Loft

                Une salle lumineuse.
                """);
        assertEquals("loft-25", document.id());
        assertEquals("Le Loft", document.title());
        assertEquals(List.of("event_planner"), document.audience());
        assertEquals("seminar_planning", document.journey());
        assertEquals(25.0, document.number("capacity"));
        assertEquals(45.5, document.number("price_from_eur"));
        assertNull(document.number("surface_m2"));
        assertEquals("# Le Loft\n\nUne salle lumineuse.\n", document.body());
    }

    @Test
    void aPageMayServeSeveralJourneysAndAnEventHasItsPeriods() throws IOException {
        KbDocument hotel = KbLoader.parse(Path.of("hotel.md"),
                "---\njourney: [weekend_stay, seminar_planning]\n---\n# Hôtel\n");
        assertEquals(List.of("weekend_stay", "seminar_planning"), hotel.journeys());
        assertEquals("weekend_stay", hotel.journey(), "the contract's single value is the first");
        assertTrue(hotel.serves("seminar_planning"));
        assertEquals(List.of(), KbLoader.parse(Path.of("x.md"), "---\njourney: ' '\n---\nx").journeys());

        KbDocument festival = KbLoader.parse(Path.of("festival.md"), """
                ---
                periods:
                  - {start: 2026-12-05, end: 2026-12-07}
                  - {start: 2026-12-31}
                  - {start: 2026-13-01}
                  - {start: 2026-12-09, end: 2026-12-08}
                ---
                # Festival
                """);
        assertEquals(List.of(new KbDocument.DatePeriod(LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 7)),
                new KbDocument.DatePeriod(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 31))), festival.periods(),
                "a one-day period needs no end; unreadable ones are left out");
        assertTrue(festival.periods().get(0).overlaps(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 8)));
        assertFalse(festival.periods().get(0).overlaps(LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 9)));
        assertEquals(List.of(), hotel.periods());
    }

    @Test
    void defaultsIdToTheFileNameAndTitleToTheFirstHeading() throws IOException {
        KbDocument document = KbLoader.parse(Path.of("a/plages.md"), "---\nlang: en\n---\n# Beaches\n\nSand.\n");
        assertEquals("plages", document.id());
        assertEquals("Beaches", document.title());
        assertEquals("en", document.lang());
    }

    @Test
    void refusesBrokenFrontMatter() {
        assertThrows(IOException.class, () -> KbLoader.parse(Path.of("x.md"), "---\ntitle: [unclosed\n---\nBody"));
        assertThrows(IllegalArgumentException.class, () -> KbLoader.parse(Path.of("x.md"), "---\ntitle: x\nBody"));
        assertThrows(IllegalArgumentException.class, () -> KbLoader.parse(Path.of("x.md"), "---\nlang: de\n---\nB"));
        assertThrows(IllegalArgumentException.class, () -> KbLoader.parse(Path.of("x.md"), "---\n- a\n- b\n---\nB"));
    }

    @Test
    void skipsBadFilesAndDuplicateIdsButLoadsTheRest(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("good.md"), "---\nid: good\ntitle: Good\nlang: fr\n---\nTexte.\n");
        Files.writeString(folder.resolve("sub/bad.md"), "---\ntitle: [unclosed\n---\nTexte.\n");
        Files.writeString(folder.resolve("sub/twin.md"), "---\nid: good\ntitle: Twin\nlang: fr\n---\nTexte.\n");
        Files.writeString(folder.resolve("notes.txt"), "not markdown");
        List<KbDocument> documents = KbLoader.load(folder);
        assertEquals(List.of("good"), documents.stream().map(KbDocument::id).toList());
        assertEquals("Good", documents.get(0).title());
    }

    @Test
    void leavesOutFilesUnderAFolderWhoseNameStartsWithADot(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("imported/.datatourisme.tmp"));
        Files.writeString(folder.resolve("imported/.datatourisme.tmp/half-written.md"), "# Half written");
        Files.writeString(folder.resolve("imported/page.md"), "# Page");
        assertEquals(List.of(folder.resolve("imported/page.md")), KbLoader.markdownFiles(folder));
    }
}
