package io.guichet.nlu;

import java.util.List;

/** What the engine understood of one message. {@code ranking.get(0)} is {@code intent}. */
public record Parse(String text, String lang, IntentScore intent, List<IntentScore> ranking, List<Entity> entities) {
}
