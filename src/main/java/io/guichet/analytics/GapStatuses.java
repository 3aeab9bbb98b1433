package io.guichet.analytics;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * What the marketing team decided about each content gap: still open, a page written for it, or
 * dismissed (not the territory's to answer). Kept under the keys of the gap's wordings
 * ({@link ContentGaps#key}): hashes, no person's words.
 */
public interface GapStatuses {
    enum Status { OPEN, WRITTEN, DISMISSED }

    /** A status and when it was given. */
    record Marked(Status status, Instant at) {
    }

    /** Every wording's status, by key. */
    Map<String, Marked> all();

    /** Gives {@code status} to the wordings of {@code keys}, replacing what they had. */
    void mark(Collection<String> keys, Status status, Instant at);
}
