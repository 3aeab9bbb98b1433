package io.guichet.edge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client token buckets: each key (an address, a conversation) may spend {@code burst} at
 * once and earns {@code perSecond} back. Buckets that have refilled are forgotten when the
 * table grows, so a flood of new keys costs memory only until the next sweep.
 */
public final class RateLimiter {
    private static final int SWEEP_ABOVE = 10_000;

    private final double burst;
    private final double perSecond;
    private final boolean enabled;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** @param enabled false lets everything through (load tests from one address) */
    public RateLimiter(int burst, double perSecond, boolean enabled) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.enabled = enabled;
    }

    /** Takes one token of the key's bucket; false when it is empty. */
    public boolean tryAcquire(String key) {
        if (!enabled) {
            return true;
        }
        long now = System.nanoTime();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(b -> level(b, now) >= burst);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = level(bucket, now);
            bucket.at = now;
            if (bucket.tokens < 1) {
                return false;
            }
            bucket.tokens -= 1;
            return true;
        }
    }

    /** Seconds until the key has a token again, for a Retry-After header. */
    public long retryAfterSeconds() {
        return Math.max(1, (long) Math.ceil(1 / perSecond));
    }

    private double level(Bucket bucket, long now) {
        synchronized (bucket) {
            return Math.min(burst, bucket.tokens + (now - bucket.at) / 1e9 * perSecond);
        }
    }
}
