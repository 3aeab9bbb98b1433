package io.guichet.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalConversationLocksTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close();
    }

    @Test
    void eachConversationsWorkRunsAloneInTheOrderSubmittedWhileOthersRunAlongside() throws Exception {
        LocalConversationLocks locks = new LocalConversationLocks(vertx);
        Map<String, List<Integer>> done = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger maxParallel = new AtomicInteger();
        AtomicInteger parallel = new AtomicInteger();
        List<Future<Integer>> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            for (String conversation : List.of("a", "b", "c")) {
                int n = i;
                all.add(locks.inTurn(conversation, () -> {
                    if (running.computeIfAbsent(conversation, k -> new AtomicInteger()).incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    maxParallel.accumulateAndGet(parallel.incrementAndGet(), Math::max);
                    Thread.sleep(2);
                    done.computeIfAbsent(conversation, k -> Collections.synchronizedList(new ArrayList<>())).add(n);
                    parallel.decrementAndGet();
                    running.get(conversation).decrementAndGet();
                    return n;
                }));
            }
        }
        Future.all(all).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertEquals(0, overlaps.get(), "two pieces of one conversation's work never run at once");
        List<Integer> inOrder = java.util.stream.IntStream.range(0, 40).boxed().toList();
        done.values().forEach(order -> assertEquals(inOrder, order, "in the order submitted"));
        assertTrue(maxParallel.get() > 1, "different conversations run in parallel");
        assertEquals(0, locks.busy(), "nothing is kept once the work is done");
    }

    @Test
    void aFailedPieceOfWorkDoesNotStopTheNext() throws Exception {
        LocalConversationLocks locks = new LocalConversationLocks(vertx);
        Future<Integer> failed = locks.inTurn("a", () -> {
            throw new IllegalStateException("boom");
        });
        Future<Integer> next = locks.inTurn("a", () -> 2);
        assertEquals(2, next.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertTrue(failed.failed());
    }
}
