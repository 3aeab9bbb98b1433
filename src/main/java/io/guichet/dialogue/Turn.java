package io.guichet.dialogue;

import io.guichet.conversation.Status;
import io.guichet.nlu.IntentScore;
import java.util.List;

/**
 * The bot's answer to one message. {@code fallback} is true when it trusted neither an intent nor
 * a knowledge-base answer; {@code sources} are the documents the answer comes from.
 */
public record Turn(List<Reply> replies, IntentScore intent, List<Reply.Card> sources, boolean fallback,
                   Status status) {
}
