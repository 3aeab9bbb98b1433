package io.guichet.conversation;

import java.time.Instant;

/** One line of a transcript; {@code from} is {@code user}, {@code bot} or {@code agent}. */
public record Message(String from, String text, Instant at) {
}
