package io.guichet.dialogue;

import io.guichet.conversation.Conversation;
import java.util.List;
import java.util.Map;

/**
 * A channel that delivers what is said to its users outside their own requests (Messenger,
 * WhatsApp): the bot's answers to webhook messages, an agent's words, a notice.
 */
public interface Outbox {
    /**
     * Whether the channel will take a message for this user now; false when it refuses to send
     * at all (WhatsApp, 24 hours after the person's last message).
     */
    default boolean reaches(Conversation conversation) {
        return true;
    }

    /** Sends the replies to the conversation's user; never blocks. A failure on the way is the channel's to retry and log. */
    void deliver(Conversation conversation, List<Reply> replies);

    /** Delivers each commit's replies through the outbox of its conversation's channel, if it has one. */
    static ConversationEvents delivery(Map<String, Outbox> outboxes) {
        return committed -> {
            Outbox outbox = outboxes.get(committed.conversation().channel());
            if (outbox != null && !committed.replies().isEmpty()) {
                outbox.deliver(committed.conversation(), committed.replies());
            }
        };
    }
}
