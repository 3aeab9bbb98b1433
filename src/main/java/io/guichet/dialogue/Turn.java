package io.guichet.dialogue;

import io.guichet.conversation.Status;
import io.guichet.lead.Lead;
import io.guichet.nlu.IntentScore;
import java.util.List;

/**
 * The bot's answer to one message, and what it leaves to be stored with it. {@code fallback} is
 * true when it trusted neither an intent nor a knowledge-base answer; {@code sources} are the
 * documents the answer comes from; {@code lead} is the request the person agreed to pass on in
 * this turn, or null. Deciding a turn writes nothing: the turn's commit stores all of it at once.
 */
public record Turn(List<Reply> replies, IntentScore intent, List<Reply.Card> sources, boolean fallback,
                   Status status, Lead lead) {
    public Turn(List<Reply> replies, IntentScore intent, List<Reply.Card> sources, boolean fallback, Status status) {
        this(replies, intent, sources, fallback, status, null);
    }

    /** The same answer, with another status (a hand-off decided after the answer). */
    Turn withReplies(List<Reply> newReplies, Status newStatus) {
        return new Turn(newReplies, intent, sources, fallback, newStatus, lead);
    }
}
