package io.guichet.crm;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a delivery that failed is tried again, and how often the worker looks for the retries that
 * have come due.
 *
 * @param delays the wait after each failed attempt, in order; once they are used up the delivery
 *               has failed for good, after {@code delays.size() + 1} attempts
 * @param poll   how often due retries are looked for (new leads are sent at once, without waiting for it)
 */
public record RetrySchedule(List<Duration> delays, Duration poll) {
    /**
     * 10 s, 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, then 24 h twice: 10 attempts over nearly three
     * days, so that a CRM down for a weekend still gets Friday evening's leads. The first retries
     * come quickly, for a receiver being restarted; the later ones are capped at a day.
     */
    public static final RetrySchedule STANDARD = new RetrySchedule(List.of(Duration.ofSeconds(10),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
            Duration.ofHours(6), Duration.ofHours(12), Duration.ofHours(24), Duration.ofHours(24)),
            Duration.ofSeconds(5));

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("the poll period must be positive");
        }
    }

    /** The most attempts a delivery gets. */
    public int attempts() {
        return delays.size() + 1;
    }

    /** How long to wait after the {@code attempts}-th attempt failed; empty when that was the last one. */
    public Optional<Duration> after(int attempts) {
        return attempts <= delays.size() ? Optional.of(delays.get(attempts - 1)) : Optional.empty();
    }
}
