package io.guichet.analytics;

import java.time.Instant;

/**
 * The conversations a figure is about: those with a turn in {@code [from, to)}, on a channel, in
 * a language, through a journey; a null criterion takes them all.
 */
public record Filter(Instant from, Instant to, String channel, String lang, String journey) {
    public Filter {
        if (from == null || to == null || !from.isBefore(to)) {
            throw new IllegalArgumentException("a period starts before it ends");
        }
    }
}
