package io.guichet;

import io.guichet.embedding.SentenceEmbedder;
import java.nio.file.Path;

/** What several test classes share: the embedding model (loaded once per JVM) and the shipped folders. */
public final class TestFixtures {
    public static final Path INTENTS = Path.of("intents");
    public static final Path KNOWLEDGE_BASE = Path.of("knowledge-base");
    private static SentenceEmbedder embedder;

    private TestFixtures() {
    }

    public static synchronized SentenceEmbedder embedder() {
        if (embedder == null) {
            embedder = SentenceEmbedder.shipped();
        }
        return embedder;
    }
}
