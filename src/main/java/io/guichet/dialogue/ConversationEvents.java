package io.guichet.dialogue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.Message;
import io.guichet.lead.Lead;
import java.util.List;

/**
 * What was just committed to a conversation, told to whoever acts on it: the live views (the
 * widget, the agent console) and the channels that deliver replies outside a request (Messenger,
 * WhatsApp). Called after the commit, in the conversation's order, from worker threads;
 * implementations must not block.
 */
public interface ConversationEvents {
    /** Tells no one: for tools and tests that show nothing live. */
    ConversationEvents NONE = committed -> { };

    void committed(Committed committed);

    /** Tells each of {@code listeners}, in order. */
    static ConversationEvents all(List<ConversationEvents> listeners) {
        return committed -> listeners.forEach(listener -> listener.committed(committed));
    }

    /**
     * One commit: the conversation as it now stands, the lines added to its transcript, what the
     * person is to be shown of it (the bot's replies with their quick replies and cards, an
     * agent's words; empty when nothing is for them), whether its status, team or agent changed, and
     * the lead it stored (null when none).
     */
    record Committed(Conversation conversation, List<Message> lines, List<Reply> replies, boolean statusChanged,
                     Lead lead) {
        /** Whether these lines are a turn of the person's: their message and the bot's answer. */
        public boolean personsTurn() {
            return !lines.isEmpty() && lines.get(0).from().equals("user");
        }
    }
}
