package io.guichet.importer.datatourisme;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The fixture flux, copied where a test may change it, zipped as the platform serves it, and folders' contents. */
public final class FluxFixtures {
    public static final Path FLUX = Path.of("src/test/resources/datatourisme/flux");

    private FluxFixtures() {
    }

    /** A copy of the fixture flux in {@code folder}, to change. */
    public static Path copy(Path folder) throws IOException {
        return copy(FLUX, folder);
    }

    /** A copy of the folder {@code from} and all below it at {@code to}. */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        return to;
    }

    /** {@code flux} zipped into {@code zip}, entries in a fixed order. */
    public static Path zip(Path flux, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out);
             Stream<Path> paths = Files.walk(flux)) {
            for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
                ZipEntry entry = new ZipEntry(flux.relativize(path).toString().replace('\\', '/'));
                entry.setLastModifiedTime(FileTime.fromMillis(0));
                zipped.putNextEntry(entry);
                zipped.write(Files.readAllBytes(path));
                zipped.closeEntry();
            }
        }
        return zip;
    }

    /** Each file's name with its bytes, as a string. */
    static Map<String, String> contents(Path folder) throws IOException {
        return perFile(folder, Files::readString);
    }

    /** Each file's name with its modification time. */
    static Map<String, FileTime> times(Path folder) throws IOException {
        return perFile(folder, Files::getLastModifiedTime);
    }

    private interface FileReading<T> {
        T read(Path file) throws IOException;
    }

    private static <T> Map<String, T> perFile(Path folder, FileReading<T> reading) throws IOException {
        Map<String, T> read = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                read.put(file.getFileName().toString(), reading.read(file));
            }
        }
        return read;
    }

    static List<String> names(Path folder) throws IOException {
        return List.copyOf(contents(folder).keySet());
    }
}
