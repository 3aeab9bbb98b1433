package io.guichet.dialogue;

import io.guichet.TestFixtures;
import io.guichet.conversation.ConversationStore;
import io.guichet.kb.KnowledgeBase;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.Understanding;
import io.guichet.store.Store;
import io.guichet.store.TestStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;

/**
 * What the conversation tests share: the shipped intents and the intent engine trained on them
 * once per JVM, the test knowledge base, and for each test a store of its own (in a folder that
 * closing deletes, or in a PostgreSQL schema of its own).
 */
final class DialogueSetup implements AutoCloseable {
    private static List<IntentFile> intents;
    private static Understanding understanding;
    private static KnowledgeBase knowledge;

    private final Path folder;
    private final TestStores.Place place;
    private Store store;

    private DialogueSetup(Path folder, TestStores engine) {
        this.folder = folder;
        this.place = engine.fresh(folder);
        this.store = place.open(Clock.systemUTC());
    }

    static DialogueSetup open() throws IOException {
        return open(TestStores.SQLITE);
    }

    static DialogueSetup open(TestStores engine) throws IOException {
        trained();
        return new DialogueSetup(Files.createTempDirectory("guichet-dialogue"), engine);
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
        return service(conversations, knowledge);
    }

    /** A conversation service on {@code conversations} that answers from {@code pages}. */
    static ConversationService service(ConversationStore conversations, KnowledgeBase pages) {
        return new ConversationService(understanding, pages, conversations, intents, Clock.systemUTC());
    }

    /** Closes the store and opens it again on the same file, as a restart does. */
    Store reopen() {
        store.close();
        store = place.open(Clock.systemUTC());
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
