package io.guichet.kb;

import io.guichet.embedding.SentenceEmbedder;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passage vectors by the SHA-256 of the text they embed, so that a passage is embedded once:
 * a reload reuses the vectors of unchanged passages, and with a file (under the data folder) a
 * restart reuses them all. Embedding 10,000 documents' passages takes about two minutes on two
 * cores; reading them back takes about a second.
 *
 * <p>The file is a header (the model's id and dimension; another model starts a new file) then
 * records of 16 bytes of hash and the vector, appended as passages are embedded. It is only a
 * cache: a truncated last record (the process killed while writing) is dropped, and when the
 * file cannot be written (a read-only or full disk) the vectors stay in memory and a warning
 * says so. Unused records are dropped by rewriting the file when they outnumber the used ones.
 *
 * <p>Nodes sharing a store also share the vectors through it ({@link #sharing}): what is not in
 * memory is looked for there before it is embedded, and what is embedded is added there, so a
 * node that starts with an empty data folder embeds only what no node embedded before.
 */
public final class PassageVectors {
    private static final Logger LOG = LoggerFactory.getLogger(PassageVectors.class);
    private static final int MAGIC = 0x47505631; // "GPV1"
    private static final int KEY_BYTES = 16;

    /** The first 128 bits of a text's SHA-256: collisions are out of reach for any knowledge base. */
    private record Key(long high, long low) {
        String hex() {
            return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
        }

        static Key ofHex(String hex) {
            return new Key(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32));
        }
    }

    private final SentenceEmbedder embedder;
    private final Path file;
    private final Map<Key, float[]> vectors = new HashMap<>();
    private SharedVectors shared;
    /** Whether the vectors read from the file may be missing from {@link #shared}, until the first call checks. */
    private boolean fileNotShared;
    private int recordsInFile;
    private boolean writable;
    private int lastEmbedded;

    private PassageVectors(SentenceEmbedder embedder, Path file) {
        this.embedder = embedder;
        this.file = file;
    }

    /** Vectors kept in memory only, for as long as the knowledge base lives. */
    public static PassageVectors inMemory(SentenceEmbedder embedder) {
        return new PassageVectors(embedder, null);
    }

    /** Vectors kept in memory and in {@code file}, read now if it exists and was written by the same model. */
    public static PassageVectors persistent(SentenceEmbedder embedder, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        PassageVectors cache = new PassageVectors(embedder, file);
        cache.read();
        return cache;
    }

    /**
     * From now on, takes the vectors not in memory from {@code shared} when it has them, and adds those
     * embedded. The first call after this also adds those this node had only in its file (embedded
     * before it shared a store): a node joining next then embeds none of them.
     */
    public synchronized PassageVectors sharing(SharedVectors shared) {
        this.shared = shared;
        this.fileNotShared = true;
        return this;
    }

    /** One vector per text, in order, embedding (in one batch) only the texts not seen before. */
    synchronized List<float[]> vectors(List<String> texts) {
        List<Key> keys = texts.stream().map(PassageVectors::key).toList();
        Map<Key, String> missing = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!vectors.containsKey(keys.get(i))) {
                missing.putIfAbsent(keys.get(i), texts.get(i));
            }
        }
        if (fileNotShared) {
            shareFromFile(keys);
        }
        Map<Key, float[]> added = fromShared(missing.keySet());
        missing.keySet().removeAll(added.keySet());
        List<Key> missingKeys = new ArrayList<>(missing.keySet());
        List<float[]> fresh = embedder.embedPassages(missingKeys.stream().map(missing::get).toList());
        Map<Key, float[]> embedded = new HashMap<>();
        for (int i = 0; i < missingKeys.size(); i++) {
            embedded.put(missingKeys.get(i), fresh.get(i));
        }
        toShared(embedded);
        added.putAll(embedded);
        vectors.putAll(added);
        append(added);
        lastEmbedded = embedded.size();
        List<float[]> out = new ArrayList<>(texts.size());
        keys.forEach(key -> out.add(vectors.get(key)));
        Set<Key> used = new HashSet<>(keys);
        vectors.keySet().retainAll(used);
        compactIfMostlyUnused();
        return out;
    }

    /** How many texts the last call had to embed (the others came from the cache). */
    synchronized int lastEmbedded() {
        return lastEmbedded;
    }

    /** The vectors the shared store has of {@code keys}; none when it cannot be read (they are embedded then). */
    private Map<Key, float[]> fromShared(Set<Key> keys) {
        Map<Key, float[]> found = new HashMap<>();
        if (shared == null || keys.isEmpty()) {
            return found;
        }
        try {
            shared.find(modelId(), keys.stream().map(Key::hex).toList())
                    .forEach((hex, vector) -> found.put(Key.ofHex(hex), vector));
        } catch (RuntimeException e) {
            LOG.warn("shared passage vectors cannot be read ({}): the passages missing are embedded here", e.toString());
        }
        return found;
    }

    /** Adds to the shared store those of {@code keys} this node has in memory (from its file) and it lacks. */
    private void shareFromFile(List<Key> keys) {
        fileNotShared = false;
        Set<Key> known = keys.stream().filter(vectors::containsKey).collect(Collectors.toSet());
        known.removeAll(fromShared(known).keySet());
        Map<Key, float[]> unshared = new HashMap<>();
        known.forEach(key -> unshared.put(key, vectors.get(key)));
        toShared(unshared);
    }

    private void toShared(Map<Key, float[]> embedded) {
        if (shared == null || embedded.isEmpty()) {
            return;
        }
        Map<String, float[]> byHex = new HashMap<>();
        embedded.forEach((key, vector) -> byHex.put(key.hex(), vector));
        try {
            shared.add(modelId(), byHex);
        } catch (RuntimeException e) {
            LOG.warn("shared passage vectors cannot be written ({}): other nodes will embed these too", e.toString());
        }
    }

    private static Key key(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            ByteBuffer buffer = ByteBuffer.wrap(hash);
            return new Key(buffer.getLong(), buffer.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private String modelId() {
        return embedder.modelId();
    }

    private void read() {
        writable = true;
        if (!Files.exists(file)) {
            return;
        }
        int dimension = embedder.dimension();
        long validBytes = 0;
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != dimension || !in.readUTF().equals(modelId())) {
                LOG.info("embedding cache {} is from another model: starting a new one", file);
                Files.delete(file);
                return;
            }
            validBytes = headerBytes();
            byte[] record = new byte[KEY_BYTES + 4 * dimension];
            while (true) {
                in.readFully(record);
                ByteBuffer buffer = ByteBuffer.wrap(record);
                Key key = new Key(buffer.getLong(), buffer.getLong());
                float[] vector = new float[dimension];
                buffer.asFloatBuffer().get(vector);
                vectors.put(key, vector);
                recordsInFile++;
                validBytes += record.length;
            }
        } catch (EOFException end) {
            dropTornRecord(validBytes);
        } catch (IOException | RuntimeException e) {
            LOG.warn("embedding cache {} cannot be read ({}): passages will be embedded again", file, e.toString());
            vectors.clear();
            recordsInFile = 0;
        }
        LOG.info("embedding cache {}: {} passage vectors read", file, vectors.size());
    }

    private long headerBytes() {
        return 4 + 4 + 2 + modelId().getBytes(StandardCharsets.UTF_8).length;
    }

    /** A record cut short by a crash is cut off, so that the next appends line up. */
    private void dropTornRecord(long validBytes) {
        try {
            if (validBytes > 0 && Files.size(file) > validBytes) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(validBytes);
                }
            }
        } catch (IOException e) {
            LOG.warn("embedding cache {}: cannot cut off a torn record ({})", file, e.toString());
            writable = false;
        }
    }

    private void append(Map<Key, float[]> added) {
        if (file == null || !writable || added.isEmpty()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            if (channel.size() == 0) {
                channel.write(header());
            }
            writeRecords(channel, added);
            recordsInFile += added.size();
        } catch (IOException e) {
            writable = false;
            LOG.warn("embedding cache {} cannot be written ({}): vectors are kept in memory only", file, e.toString());
        }
    }

    private ByteBuffer header() {
        byte[] model = modelId().getBytes(StandardCharsets.UTF_8);
        ByteBuffer header = ByteBuffer.allocate((int) headerBytes());
        header.putInt(MAGIC).putInt(embedder.dimension()).putShort((short) model.length).put(model).flip();
        return header;
    }

    private void writeRecords(FileChannel channel, Map<Key, float[]> records) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((KEY_BYTES + 4 * embedder.dimension()) * 256);
        for (Map.Entry<Key, float[]> entry : records.entrySet()) {
            if (buffer.remaining() < KEY_BYTES + 4 * embedder.dimension()) {
                flush(channel, buffer);
            }
            buffer.putLong(entry.getKey().high()).putLong(entry.getKey().low());
            for (float value : entry.getValue()) {
                buffer.putFloat(value);
            }
        }
        flush(channel, buffer);
    }

    private static void flush(FileChannel channel, ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /** Rewrites the file with the vectors in use when the others outnumber them (a knowledge base rewritten). */
    private void compactIfMostlyUnused() {
        if (file == null || !writable || recordsInFile <= 2 * vectors.size() + 1000) {
            return;
        }
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (FileChannel channel = FileChannel.open(next, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(header());
            writeRecords(channel, vectors);
        } catch (IOException e) {
            LOG.warn("embedding cache {} cannot be compacted ({})", file, e.toString());
            return;
        }
        try {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("embedding cache {} compacted from {} to {} vectors", file, recordsInFile, vectors.size());
            recordsInFile = vectors.size();
        } catch (IOException e) {
            LOG.warn("embedding cache {} cannot be replaced by its compacted copy ({})", file, e.toString());
        }
    }
}
