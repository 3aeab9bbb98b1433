package io.guichet.conversation;

import java.time.Instant;

/**
 * One line of a transcript; {@code from} is {@code user}, {@code bot} or {@code agent}, or
 * {@code note} for an agents' internal note, which the user never sees.
 */
public record Message(String from, String text, Instant at) {
    public static final String NOTE = "note";

    /** Whether the user may see this line: every line but the agents' notes. */
    public boolean visibleToUser() {
        return !NOTE.equals(from);
    }
}
