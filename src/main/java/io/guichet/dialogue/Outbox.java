package io.guichet.dialogue;

import io.guichet.conversation.Conversation;
import java.util.List;

/** Where what is said to a user outside their own request goes: an agent's message, a notice. */
public interface Outbox {
    /**
     * Sends the replies to the conversation's user through its channel; never blocks. False
     * when the channel refuses to send them at all (WhatsApp, 24 hours after the person's last
     * message); a failure on the way is the channel's to retry and log.
     */
    boolean deliver(Conversation conversation, List<Reply> replies);
}
