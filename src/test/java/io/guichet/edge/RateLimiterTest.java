package io.guichet.edge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aBurstThenRefusalsPerKey() {
        RateLimiter limiter = new RateLimiter(3, 0.001, true);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("10.0.0.1"));
        }
        assertFalse(limiter.tryAcquire("10.0.0.1"));
        assertTrue(limiter.tryAcquire("10.0.0.2"), "another client has its own bucket");
    }

    @Test
    void tokensComeBackWithTime() throws InterruptedException {
        RateLimiter limiter = new RateLimiter(1, 50, true);
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));
        Thread.sleep(60);
        assertTrue(limiter.tryAcquire("a"));
    }

    @Test
    void offLetsEverythingThrough() {
        RateLimiter limiter = new RateLimiter(1, 0.001, false);
        for (int i = 0; i < 100; i++) {
            assertTrue(limiter.tryAcquire("a"));
        }
    }
}
