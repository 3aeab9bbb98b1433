package io.guichet.importer.datatourisme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import as a whole: what it writes, keeps, removes and skips, and that it never leaves the folder half-written. */
class DatatourismeImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONVENTION_CENTRE = "dt-85b0a2d4-1e25-3286-80c4-7966e94d887b-fr.md";

    @Test
    void importsEveryItemInEachOfItsLanguages(@TempDir Path temp) throws IOException {
        Path out = temp.resolve("kb/imported/datatourisme");
        ImportSummary summary = DatatourismeImport.run(FluxFixtures.FLUX, out);
        assertEquals(8, summary.read());
        assertEquals(8, summary.written());
        assertEquals(0, summary.skipped());
        assertEquals(15, summary.documents(), "the 2020 event is in French only");
        assertEquals(15, FluxFixtures.names(out).size());
        assertTrue(FluxFixtures.names(out).contains(CONVENTION_CENTRE));
        assertEquals(List.of("datatourisme"), siblings(out.getParent()), "no work folder left beside it");
    }

    @Test
    void aReimportOfTheSameFluxChangesNothingOnDisk(@TempDir Path temp) throws Exception {
        Path out = temp.resolve("datatourisme");
        DatatourismeImport.run(FluxFixtures.FLUX, out);
        Map<String, String> bytes = FluxFixtures.contents(out);
        Map<String, FileTime> times = FluxFixtures.times(out);
        FileTime folderTime = Files.getLastModifiedTime(out);
        Thread.sleep(20);
        ImportSummary again = DatatourismeImport.run(FluxFixtures.FLUX, out);
        assertEquals(8, again.unchanged());
        assertEquals(0, again.written());
        assertTrue(again.changedNothing());
        assertEquals(bytes, FluxFixtures.contents(out));
        assertEquals(times, FluxFixtures.times(out));
        assertEquals(folderTime, Files.getLastModifiedTime(out));
    }

    @Test
    void oneChangedItemIsRewrittenAndTheOthersKeepTheirFiles(@TempDir Path temp) throws Exception {
        Path flux = FluxFixtures.copy(temp.resolve("flux"));
        Path out = temp.resolve("datatourisme");
        DatatourismeImport.run(flux, out);
        Map<String, FileTime> times = FluxFixtures.times(out);
        Path object = flux.resolve("objects/8/85/15-85b0a2d4-1e25-3286-80c4-7966e94d887b.json");
        Files.writeString(object, Files.readString(object).replace("\"allowedPersons\": 528", "\"allowedPersons\": 600"));
        Thread.sleep(20);
        ImportSummary summary = DatatourismeImport.run(flux, out);
        assertEquals(1, summary.written());
        assertEquals(7, summary.unchanged());
        assertTrue(Files.readString(out.resolve(CONVENTION_CENTRE)).contains("capacity: 600"));
        Map<String, FileTime> after = FluxFixtures.times(out);
        times.forEach((name, time) -> {
            if (!name.startsWith("dt-85b0a2d4")) {
                assertEquals(time, after.get(name), name + " kept its time");
            }
        });
    }

    @Test
    void anItemThatLeftTheFluxLosesItsPages(@TempDir Path temp) throws IOException {
        Path flux = FluxFixtures.copy(temp.resolve("flux"));
        Path out = temp.resolve("datatourisme");
        DatatourismeImport.run(flux, out);
        ArrayNode index = (ArrayNode) JSON.readTree(flux.resolve("index.json").toFile());
        for (int i = index.size() - 1; i >= 0; i--) {
            if (index.get(i).get("file").asText().contains("85b0a2d4")) {
                index.remove(i);
            }
        }
        JSON.writeValue(flux.resolve("index.json").toFile(), index);
        ImportSummary summary = DatatourismeImport.run(flux, out);
        assertEquals(1, summary.removed());
        assertEquals(7, summary.unchanged());
        assertFalse(FluxFixtures.names(out).stream().anyMatch(name -> name.contains("85b0a2d4")));
        assertEquals(13, FluxFixtures.names(out).size());
    }

    @Test
    void aBrokenRecordIsSkippedWhileTheRestImports(@TempDir Path temp) throws IOException {
        Path flux = FluxFixtures.copy(temp.resolve("flux"));
        Path broken = flux.resolve("objects/0/00/15-005cab6f-adfb-3304-936e-811b027a1f68.json");
        String record = Files.readString(broken);
        Files.writeString(broken, record.substring(0, record.length() / 2));
        Path out = temp.resolve("datatourisme");
        ImportSummary summary = DatatourismeImport.run(flux, out);
        assertEquals(1, summary.skipped());
        assertEquals(7, summary.written());
        assertFalse(FluxFixtures.names(out).stream().anyMatch(name -> name.contains("005cab6f")));

        // Readable yesterday, broken today: the item keeps yesterday's pages rather than vanish.
        Files.writeString(broken, record);
        DatatourismeImport.run(flux, out);
        Files.writeString(broken, "{\"@id\": ");
        summary = DatatourismeImport.run(flux, out);
        assertEquals(1, summary.skipped());
        assertEquals(0, summary.removed());
        assertTrue(FluxFixtures.names(out).contains("dt-005cab6f-adfb-3304-936e-811b027a1f68-fr.md"));
    }

    @Test
    void aZipAndItsFolderGiveTheSameOutput(@TempDir Path temp) throws IOException {
        Path zip = FluxFixtures.zip(FluxFixtures.FLUX, temp.resolve("flux.zip"));
        DatatourismeImport.run(zip, temp.resolve("from-zip"));
        DatatourismeImport.run(FluxFixtures.FLUX, temp.resolve("from-folder"));
        assertEquals(FluxFixtures.contents(temp.resolve("from-folder")), FluxFixtures.contents(temp.resolve("from-zip")));
    }

    @Test
    void whatIsNoFluxLeavesTheKnowledgeBaseAsItWas(@TempDir Path temp) throws IOException {
        Path out = temp.resolve("datatourisme");
        DatatourismeImport.run(FluxFixtures.FLUX, out);
        Map<String, String> before = FluxFixtures.contents(out);
        Path notAFlux = Files.writeString(temp.resolve("flux.zip"), "not a zip");
        assertThrows(IOException.class, () -> DatatourismeImport.run(notAFlux, out));
        assertThrows(IOException.class, () -> DatatourismeImport.run(temp.resolve("nowhere"), out));
        assertEquals(before, FluxFixtures.contents(out));
        assertEquals(List.of("datatourisme", "flux.zip"), siblings(temp), "the pages and the bad zip, no work folder");
    }

    @Test
    void refusesAFolderItDidNotWrite(@TempDir Path temp) throws IOException {
        Path kb = Files.createDirectories(temp.resolve("knowledge-base"));
        Files.writeString(kb.resolve("office-de-tourisme.md"), "# Office de tourisme");
        IOException refused = assertThrows(IOException.class, () -> DatatourismeImport.run(FluxFixtures.FLUX, kb));
        assertTrue(refused.getMessage().contains("office-de-tourisme.md"));
        assertTrue(Files.exists(kb.resolve("office-de-tourisme.md")));
    }

    @Test
    void aSwapCutInTwoIsRepairedByTheNextImport(@TempDir Path temp) throws IOException {
        Path out = temp.resolve("datatourisme");
        DatatourismeImport.run(FluxFixtures.FLUX, out);
        Files.move(out, temp.resolve(".datatourisme.old"));
        Files.createDirectories(temp.resolve(".datatourisme.tmp"));
        ImportSummary summary = DatatourismeImport.run(FluxFixtures.FLUX, out);
        assertEquals(8, summary.unchanged(), "the previous version was put back, then found up to date");
        assertEquals(List.of("datatourisme"), siblings(temp));
    }

    @Test
    void oneImportAtATimeIntoAFolder(@TempDir Path temp) throws IOException {
        Path out = temp.resolve("datatourisme");
        try (java.nio.channels.FileChannel other = java.nio.channels.FileChannel.open(temp.resolve(".datatourisme.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = other.lock()) {
            IOException refused = assertThrows(IOException.class, () -> DatatourismeImport.run(FluxFixtures.FLUX, out));
            assertTrue(refused.getMessage().contains("another import"), refused.getMessage());
        }
        assertEquals(8, DatatourismeImport.run(FluxFixtures.FLUX, out).written());
    }

    @Test
    void theCommandPrintsItsSummary(@TempDir Path temp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ImportCommand.run(new String[] {"datatourisme", FluxFixtures.FLUX.toString(), "--out",
                temp.resolve("dt").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("8 items read, 8 written, 0 unchanged, 0 removed, 0 skipped"));
        assertEquals(2, ImportCommand.run(new String[] {"tourinsoft", "x"}, new PrintStream(out), new PrintStream(err)));
    }

    /** What the folder holds besides the lock file that keeps two imports apart. */
    private static List<String> siblings(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(p -> p.getFileName().toString()).filter(name -> !name.endsWith(".lock")).sorted()
                    .toList();
        }
    }
}
