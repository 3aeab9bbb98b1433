package io.guichet.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.guichet.channels.web.WidgetSocket;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SharedRateLimitTest {
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        WidgetSocket.await(vertx.close());
    }

    @Test
    void aKeySpendsItsAttemptsThenWaitsForTheNextWindowWhileOthersGoOn() throws InterruptedException {
        SharedRateLimit limit = new SharedRateLimit(vertx, "test.attempts", 3, 400, true);
        // At the start of a window, so that all four attempts fall in the same one.
        Thread.sleep(400 - System.currentTimeMillis() % 400);
        for (int i = 0; i < 3; i++) {
            assertTrue(WidgetSocket.await(limit.tryAcquire("10.0.0.1")), "attempt " + i);
        }
        assertFalse(WidgetSocket.await(limit.tryAcquire("10.0.0.1")), "the fourth in the window");
        assertTrue(WidgetSocket.await(limit.tryAcquire("10.0.0.2")), "another address has its own");
        Thread.sleep(400);
        assertTrue(WidgetSocket.await(limit.tryAcquire("10.0.0.1")), "a new window");
        assertEquals(1, limit.retryAfterSeconds());
    }

    @Test
    void offLetsEverythingThrough() {
        SharedRateLimit limit = new SharedRateLimit(vertx, "test.off", 1, 60_000, false);
        for (int i = 0; i < 5; i++) {
            assertTrue(WidgetSocket.await(limit.tryAcquire("10.0.0.1")));
        }
    }
}
