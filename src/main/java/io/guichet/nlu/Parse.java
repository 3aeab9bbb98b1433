package io.guichet.nlu;

import java.util.List;

/**
 * What the engine understood of one message. {@code ranking.get(0)} is {@code intent};
 * {@code outOfScope} says that a {@code none} message is a request the territory does not deal
 * with at all (an alarm, music, a recipe), rather than a question its pages might answer.
 */
public record Parse(String text, String lang, IntentScore intent, List<IntentScore> ranking, List<Entity> entities,
                    boolean outOfScope) {
    public Parse(String text, String lang, IntentScore intent, List<IntentScore> ranking, List<Entity> entities) {
        this(text, lang, intent, ranking, entities, false);
    }
}
