package io.guichet;

import io.guichet.kb.KnowledgeBase;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.Parse;
import io.guichet.nlu.Understanding;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the request path on the service's own intent examples before it reports UP. On two
 * cores, the JIT compiling that path while the first few hundred requests come in more than
 * doubles their latency (measured: search median 26 ms over the first 300 requests, 10 ms
 * after 1,000); the first users should not pay for it.
 */
final class Warmup {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

    private Warmup() {
    }

    static void run(Understanding understanding, KnowledgeBase knowledge, List<IntentFile> intents, Duration budget) {
        List<String> texts = intents.stream()
                .flatMap(file -> file.examples().values().stream().flatMap(List::stream)).toList();
        long deadline = System.nanoTime() + budget.toNanos();
        int rounds = 0;
        while (!texts.isEmpty() && System.nanoTime() < deadline) {
            String text = texts.get(rounds++ % texts.size());
            Parse parse = understanding.parse(text, null, null, LocalDate.now());
            knowledge.search(text, 5, parse.lang());
        }
        LOG.info("warmed up on {} requests", rounds);
    }
}
