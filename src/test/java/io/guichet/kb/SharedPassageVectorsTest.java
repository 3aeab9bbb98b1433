package io.guichet.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.guichet.embedding.SentenceEmbedder;
import io.guichet.store.Store;
import io.guichet.store.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes on one PostgreSQL store, each with a data folder of its own: the second embeds nothing the first did. */
class SharedPassageVectorsTest {
    private static final Path KB = Path.of("src/test/resources/service-kb");

    /** A stand-in for the model, fast and deterministic, that counts the passages it embeds. */
    private static final class CountingModel implements EmbeddingModel {
        final AtomicInteger passages = new AtomicInteger();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            segments.stream().filter(s -> s.text().startsWith("passage: ")).forEach(s -> passages.incrementAndGet());
            return Response.from(segments.stream().map(s -> Embedding.from(vector(s.text()))).toList());
        }

        @Override
        public int dimension() {
            return 8;
        }

        private static float[] vector(String text) {
            float[] vector = new float[8];
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < bytes.length; i++) {
                vector[i % 8] += bytes[i];
            }
            return vector;
        }
    }

    @Test
    void aNodeJoiningWithAnEmptyDataFolderTakesTheVectorsAnotherNodeEmbedded(@TempDir Path folder) throws Exception {
        TestStores.Place place = TestStores.POSTGRESQL.fresh(folder);
        CountingModel firstModel = new CountingModel();
        CountingModel secondModel = new CountingModel();
        try (Store first = place.open(Clock.systemUTC()); Store second = place.open(Clock.systemUTC())) {
            KnowledgeBase one = load(firstModel, folder.resolve("node-1"), first);
            assertTrue(firstModel.passages.get() > 10, "the first node embeds the pages: " + firstModel.passages);

            KnowledgeBase two = load(secondModel, folder.resolve("node-2"), second);
            assertEquals(0, secondModel.passages.get(), "the second node embeds nothing");
            assertEquals(one.size(), two.size());
            String someQuestion = "à quelle heure ouvre l'office de tourisme ?";
            assertEquals(passages(one.search(someQuestion, 3, "fr")), passages(two.search(someQuestion, 3, "fr")),
                    "and finds the same");
        }
    }

    @Test
    void aNodeThatEmbeddedBeforeItSharedAStoreAddsItsVectorsForTheNext(@TempDir Path folder) throws Exception {
        TestStores.Place place = TestStores.POSTGRESQL.fresh(folder);
        CountingModel alone = new CountingModel();
        SentenceEmbedder embedder = new SentenceEmbedder(alone);
        KnowledgeBase.load(KB, embedder, PassageVectors.persistent(embedder, folder.resolve("node-1/passage-vectors.bin")));
        assertTrue(alone.passages.get() > 10, "embedded on its own, into its file: " + alone.passages);
        CountingModel restarted = new CountingModel();
        CountingModel joining = new CountingModel();
        try (Store first = place.open(Clock.systemUTC()); Store second = place.open(Clock.systemUTC())) {
            load(restarted, folder.resolve("node-1"), first);
            assertEquals(0, restarted.passages.get(), "restarted on the shared store, it reads its file");
            load(joining, folder.resolve("node-2"), second);
            assertEquals(0, joining.passages.get(), "and the node joining finds what that file held");
        }
    }

    private static List<String> passages(List<SearchHit> hits) {
        return hits.stream().map(hit -> hit.document().id() + ": " + hit.passage() + " " + hit.score()).toList();
    }

    private static KnowledgeBase load(CountingModel model, Path data, Store store) throws Exception {
        SentenceEmbedder embedder = new SentenceEmbedder(model);
        return KnowledgeBase.load(KB, embedder,
                PassageVectors.persistent(embedder, data.resolve("passage-vectors.bin")).sharing(store.passageVectors()));
    }
}
