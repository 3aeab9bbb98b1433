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
        // One token each half second: a pause of the JVM between the first two calls (a GC, the
        // other tests' load on two cores) cannot refill the bucket, as it could at one per 20 ms.
        RateLimiter limiter = new RateLimiter(1, 2, true);
        assertTrue(limiter.tryAcquire("a"));
        assertFalse(limiter.tryAcquire("a"));
        Thread.sleep(600);
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
