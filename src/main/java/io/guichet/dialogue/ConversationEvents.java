package io.guichet.dialogue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.Message;
import java.util.List;

/**
 * What happens in conversations, told to whoever shows them live (the widget, the agent console).
 * Called after the change is stored, from worker threads; implementations must not block.
 */
public interface ConversationEvents {
    /** Tells no one: for tools and tests that show nothing live. */
    ConversationEvents NONE = new ConversationEvents() {
        @Override
        public void appended(Conversation conversation, List<Message> lines, List<Reply> replies) {
        }

        @Override
        public void changed(Conversation conversation) {
        }
    };

    /**
     * Lines just added to the transcript. {@code replies} are the bot's replies of the same turn
     * (quick replies and cards included), empty when the lines are not a bot's turn.
     */
    void appended(Conversation conversation, List<Message> lines, List<Reply> replies);

    /** The conversation's status, team or agent changed. */
    void changed(Conversation conversation);
}
