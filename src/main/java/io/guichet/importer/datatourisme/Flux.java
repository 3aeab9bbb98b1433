package io.guichet.importer.datatourisme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A DATAtourisme flux as the platform delivers it, a zip or its unpacked folder: {@code index.json}
 * lists the items ({@code file}: the object's path under {@code objects/}). A zip is read in place
 * through its file system, so both are read by the same code.
 */
final class Flux implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry of the index: where the item's object is, relative to {@code objects/}. */
    record Entry(String file) {
    }

    private final FileSystem zip;
    private final Path root;

    private Flux(FileSystem zip, Path root) {
        this.zip = zip;
        this.root = root;
    }

    static Flux open(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            return new Flux(null, rootOf(location));
        }
        if (!Files.isRegularFile(location)) {
            throw new IOException("no flux at " + location + ": neither a folder nor a zip");
        }
        FileSystem zip;
        try {
            zip = FileSystems.newFileSystem(location);
        } catch (IOException | RuntimeException e) {
            throw new IOException("the flux " + location + " is neither a folder nor a readable zip");
        }
        try {
            return new Flux(zip, rootOf(zip.getPath("/")));
        } catch (IOException e) {
            zip.close();
            throw e;
        }
    }

    /** The folder that holds {@code index.json}: the top, or the one folder a zip may wrap it in. */
    private static Path rootOf(Path top) throws IOException {
        if (Files.isRegularFile(top.resolve("index.json"))) {
            return top;
        }
        try (Stream<Path> children = Files.list(top)) {
            List<Path> folders = children.filter(Files::isDirectory)
                    .filter(folder -> Files.isRegularFile(folder.resolve("index.json"))).toList();
            if (folders.size() == 1) {
                return folders.get(0);
            }
        }
        throw new IOException("not a DATAtourisme flux: no index.json in " + top.toUri());
    }

    List<Entry> entries() throws IOException {
        JsonNode index = JSON.readTree(Files.readAllBytes(root.resolve("index.json")));
        if (index == null || !index.isArray()) {
            throw new IOException("not a DATAtourisme flux: index.json is not a list of items");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode entry : index) {
            entries.add(new Entry(entry.path("file").asText("")));
        }
        return entries;
    }

    /** The item's object; an IOException when it is missing, unreadable or not JSON. */
    JsonNode read(Entry entry) throws IOException {
        if (entry.file().isBlank() || entry.file().contains("..")) {
            throw new IOException("index entry without a usable file");
        }
        Path file = root.resolve("objects").resolve(entry.file());
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file in the flux");
        }
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            // Jackson's message quotes the record's text: say only that it is not JSON.
            throw new IOException("not valid JSON");
        }
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }
}
