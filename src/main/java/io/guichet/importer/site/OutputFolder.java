package io.guichet.importer.site;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The folder an import writes to, changed only once the whole site has been read. A document that
 * changed is first written aside as {@code <file>.part}, a name the knowledge base does not read;
 * the commit then moves each into place in one atomic rename, so the service's reload never reads a
 * file half-written, and an import that fails on the way leaves the folder as it was. A file whose
 * bytes are already there is not touched at all: its modification time stays, and the service
 * sees nothing to reload.
 */
final class OutputFolder {
    private static final String PART = ".part";

    private final Path folder;
    private final Set<String> staged = new LinkedHashSet<>();

    private OutputFolder(Path folder) {
        this.folder = folder;
    }

    /** Opens the folder, creating it, and drops what an interrupted import left aside. */
    static OutputFolder open(Path folder) throws IOException {
        Files.createDirectories(folder);
        // Only the names this class gives, so that a wrong --out loses nothing of anyone else's.
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder,
                "{*.md" + PART + "," + ImportState.FILE_NAME + PART + "}")) {
            for (Path part : parts) {
                Files.delete(part);
            }
        }
        return new OutputFolder(folder);
    }

    Path path() {
        return folder;
    }

    boolean has(String file) {
        return Files.isRegularFile(folder.resolve(file));
    }

    /** Writes a file's new content aside; false, writing nothing, when the file already holds it. */
    boolean stage(String file, byte[] content) throws IOException {
        Path target = folder.resolve(file);
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
            return false;
        }
        Files.write(folder.resolve(file + PART), content);
        staged.add(file);
        return true;
    }

    /** Moves every staged file into place, then deletes the files no longer wanted. */
    void commit(Set<String> removed) throws IOException {
        for (String file : staged) {
            Files.move(folder.resolve(file + PART), folder.resolve(file), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
        staged.clear();
        for (String file : removed) {
            Files.deleteIfExists(folder.resolve(file));
        }
    }

    /** Drops what was written aside, leaving the folder as it was. */
    void discard() throws IOException {
        for (String file : staged) {
            Files.deleteIfExists(folder.resolve(file + PART));
        }
        staged.clear();
    }
}
