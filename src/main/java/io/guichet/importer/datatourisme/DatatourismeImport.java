package io.guichet.importer.datatourisme;

import com.fasterxml.jackson.databind.JsonNode;
import io.guichet.files.Folders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a DATAtourisme flux into a folder of the knowledge base: one page per item and language,
 * {@code dt-<item>-<lang>.md}. The new version is built in a sibling folder whose name starts with
 * a dot (which the knowledge base does not read), an unchanged page hard-linked from the current
 * version so that its bytes and modification time stay as they were, then swapped in by renames;
 * when nothing changed the folder is not touched at all. A record that cannot be read is skipped
 * with a log line naming its file, never its content; its item keeps the pages it had.
 */
public final class DatatourismeImport {
    /** Where in a knowledge base the pages go by default, for the command and the scheduled refresh alike. */
    public static final Path FOLDER_IN_KB = Path.of("imported", "datatourisme");
    private static final Logger LOG = LoggerFactory.getLogger(DatatourismeImport.class);
    private static final Pattern PAGE_FILE = Pattern.compile("dt-(.+)-(fr|en)\\.md");
    /** An object's file in the flux: {@code 15-<item>.json}, the item being its URI's last segment. */
    private static final Pattern OBJECT_FILE = Pattern.compile("(?:.*/)?\\d+-(.+)\\.json");

    private DatatourismeImport() {
    }

    /**
     * Imports {@code flux} (a zip or a folder) into {@code out}, creating it when needed. One import
     * at a time in this process; the folder must hold nothing but the pages an import wrote.
     */
    public static synchronized ImportSummary run(Path flux, Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        // The command and the service's refresh may run at once on one folder: one waits for nobody, it fails.
        Path lock = target.getParent().resolve("." + target.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = tryLock(channel)) {
            if (held == null) {
                throw new IOException("another import into " + target + " is running");
            }
            return importInto(flux, target);
        }
    }

    /** The lock, or null when another process holds it (or, through another channel, this one). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static ImportSummary importInto(Path flux, Path target) throws IOException {
        long started = System.nanoTime();
        Path parent = target.getParent();
        Path next = parent.resolve("." + target.getFileName() + ".tmp");
        Path previous = parent.resolve("." + target.getFileName() + ".old");
        recover(target, next, previous);
        Map<String, Set<String>> pagesBefore = pagesByItem(target);
        Files.createDirectories(next);
        int read = 0;
        int written = 0;
        int unchanged = 0;
        int skipped = 0;
        int documents = 0;
        Set<String> kept = new HashSet<>();
        try (Flux source = Flux.open(flux)) {
            for (Flux.Entry entry : source.entries()) {
                read++;
                String item = itemOfFile(entry.file());
                try {
                    JsonNode record = source.read(entry);
                    item = ItemMapper.itemId(record);
                    if (kept.contains(item)) {
                        throw new ItemMapper.MalformedRecord("the item is listed twice");
                    }
                    List<KbPage> pages = ItemMapper.pages(record);
                    boolean changed = !pageNames(pages).equals(pagesBefore.getOrDefault(item, Set.of()));
                    for (KbPage page : pages) {
                        changed |= !place(page.fileName(), page.markdown().getBytes(StandardCharsets.UTF_8), target,
                                next);
                    }
                    kept.add(item);
                    documents += pages.size();
                    if (changed) {
                        written++;
                    } else {
                        unchanged++;
                    }
                } catch (IOException | ItemMapper.MalformedRecord e) {
                    skipped++;
                    LOG.warn("datatourisme: skipping {} (item {}): {}", entry.file(), item, e.getMessage());
                    if (item != null && !kept.contains(item) && pagesBefore.containsKey(item)) {
                        for (String page : pagesBefore.get(item)) {
                            link(target.resolve(page), next.resolve(page));
                        }
                        kept.add(item);
                        documents += pagesBefore.get(item).size();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            Folders.deleteTree(next);
            throw e;
        }
        int removed = (int) pagesBefore.keySet().stream().filter(item -> !kept.contains(item)).count();
        if (written == 0 && removed == 0 && Files.isDirectory(target)) {
            Folders.deleteTree(next);
        } else {
            swap(target, next, previous);
        }
        return new ImportSummary(read, written, unchanged, removed, skipped, documents,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Puts the page in the next version: a hard link to the current file when its bytes are the
     * same (true), else the new bytes (false).
     */
    private static boolean place(String name, byte[] bytes, Path target, Path next) throws IOException {
        Path current = target.resolve(name);
        if (Files.isRegularFile(current) && Files.size(current) == bytes.length
                && Arrays.equals(Files.readAllBytes(current), bytes)) {
            link(current, next.resolve(name));
            return true;
        }
        Files.write(next.resolve(name), bytes);
        return false;
    }

    private static void link(Path existing, Path link) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (UnsupportedOperationException | IOException e) {
            // A file system without hard links: a copy that keeps the time serves the same end.
            Files.copy(existing, link, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /**
     * Two renames: the current version aside, the new one in its place. Between them the folder is
     * briefly absent, never half-written; a crash there is repaired by {@link #recover} next time.
     */
    private static void swap(Path target, Path next, Path previous) throws IOException {
        if (Files.exists(target)) {
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(next, target, StandardCopyOption.ATOMIC_MOVE);
        Folders.deleteTree(previous);
    }

    /** Undoes what an import stopped midway left: its unfinished version, a swap cut in two. */
    private static void recover(Path target, Path next, Path previous) throws IOException {
        if (!Files.exists(target) && Files.isDirectory(previous)) {
            Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
        }
        Folders.deleteTree(previous);
        Folders.deleteTree(next);
    }

    /** The pages now in the folder, by item; refuses a folder that holds anything else, so as never to delete it. */
    private static Map<String, Set<String>> pagesByItem(Path target) throws IOException {
        Map<String, Set<String>> pages = new TreeMap<>();
        if (!Files.exists(target)) {
            return pages;
        }
        try (Stream<Path> children = Files.list(target)) {
            for (Path child : children.toList()) {
                Matcher page = PAGE_FILE.matcher(child.getFileName().toString());
                if (!page.matches() || !Files.isRegularFile(child)) {
                    throw new IOException("refusing to replace " + target + ": it holds " + child.getFileName()
                            + ", which no DATAtourisme import wrote; choose another --out folder");
                }
                pages.computeIfAbsent(page.group(1), item -> new TreeSet<>()).add(child.getFileName().toString());
            }
        }
        return pages;
    }

    private static Set<String> pageNames(List<KbPage> pages) {
        Set<String> names = new TreeSet<>();
        pages.forEach(page -> names.add(page.fileName()));
        return names;
    }

    /** The item an object's file name says, to keep its pages when the object cannot be read; null if unsaid. */
    private static String itemOfFile(String file) {
        Matcher matcher = OBJECT_FILE.matcher(file);
        return matcher.matches() ? matcher.group(1) : null;
    }

}
