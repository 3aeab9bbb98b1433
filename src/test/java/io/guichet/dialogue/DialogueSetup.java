package io.guichet.dialogue;

import io.guichet.TestFixtures;
import io.guichet.conversation.ConversationStore;
import io.guichet.kb.KnowledgeBase;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.Understanding;
import io.guichet.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * What the conversation tests share: the shipped intents and the intent engine trained on them
 * once per JVM, the test knowledge base, and for each test a store of its own in a folder that
 * closing deletes.
 */
final class DialogueSetup implements AutoCloseable {
    private static List<IntentFile> intents;
    private static Understanding understanding;
    private static KnowledgeBase knowledge;

    private final Path folder;
    private Store store;

    private DialogueSetup(Path folder) {
        this.folder = folder;
        this.store = Store.open(folder, Clock.systemUTC());
    }

    static DialogueSetup open() throws IOException {
        trained();
        return new DialogueSetup(Files.createTempDirectory("guichet-dialogue"));
    }

    private static synchronized void trained() throws IOException {
        if (understanding == null) {
            intents = IntentFile.loadAll(TestFixtures.INTENTS);
            understanding = Understanding.train(intents, TestFixtures.embedder());
            knowledge = KnowledgeBase.load(Path.of("src/test/resources/service-kb"), TestFixtures.embedder());
        }
    }

    Store store() {
        return store;
    }

    static Understanding understanding() {
        return understanding;
    }

    /** A conversation service on {@code conversations}, this test's store or one wrapped around it. */
    static ConversationService service(ConversationStore conversations) {
        return new ConversationService(understanding, knowledge, conversations, intents, Clock.systemUTC());
    }

    /** Closes the store and opens it again on the same file, as a restart does. */
    Store reopen() {
        store.close();
        store = Store.open(folder, Clock.systemUTC());
        return store;
    }

    @Override
    public void close() {
        store.close();
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
