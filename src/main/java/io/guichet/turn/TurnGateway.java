package io.guichet.turn;

import io.guichet.conversation.Conversation;
import io.guichet.dialogue.ConversationService;
import io.guichet.dialogue.Turn;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * The one way into a conversation, for every channel (the widget, the HTTP API, Rasa's REST
 * channel, Messenger, WhatsApp) and for the agents' actions: the message's limits are checked
 * here, and the turns and actions of one conversation run one at a time, in the order they
 * arrived, on the worker pool, never on the event loop.
 */
public final class TurnGateway {
    /** The longest message a person may send, in characters, whatever the channel. */
    public static final int MAX_TEXT = 2000;
    /** The longest id a client may give a message. */
    public static final int MAX_MESSAGE_ID = 200;

    private final ConversationService conversations;
    private final ConversationLocks locks;

    public TurnGateway(ConversationService conversations, ConversationLocks locks) {
        this.conversations = conversations;
        this.locks = locks;
    }

    /**
     * The text of a message as a conversation takes it: stripped, not empty, at most
     * {@link #MAX_TEXT} characters; otherwise an {@link InvalidMessage} that says so.
     */
    public static String text(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new InvalidMessage("a message is a non-empty text of at most " + MAX_TEXT + " characters");
        }
        return text;
    }

    /**
     * A client's id of a message, when it gives one: not blank, at most {@link #MAX_MESSAGE_ID}
     * characters; null when absent; otherwise an {@link InvalidMessage} that says so.
     */
    public static String messageId(Object raw) {
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof String id) || id.isBlank() || id.length() > MAX_MESSAGE_ID) {
            throw new InvalidMessage("a message id is a non-blank string of at most " + MAX_MESSAGE_ID + " characters");
        }
        return id;
    }

    /** A person's message in a conversation; fails with {@code NoSuchElementException} when it does not exist. */
    public Future<Turn> post(String conversationId, String text, LocalDate now) {
        return post(conversationId, text, null, now, conversation -> true);
    }

    /**
     * As above, where {@code visible} tells whether the sender may see the conversation (a widget's
     * secret), and {@code messageId} (null: none) is the client's id of the message: the same
     * message sent again under it gets its first answer again, without a second turn.
     */
    public Future<Turn> post(String conversationId, String text, String messageId, LocalDate now,
                             Predicate<Conversation> visible) {
        String checked = text(text);
        return locks.inTurn(conversationId,
                () -> conversations.post(conversationId, checked, messageId, now, null, visible));
    }

    /**
     * A message from a messaging channel's user (a REST sender, a Messenger PSID, a WhatsApp
     * number), in their conversation, created on first contact. The user's messages keep their
     * order while their conversation is looked up. {@code inboxEntry}, when not null, is the
     * webhook inbox entry the turn marks handled.
     */
    public Future<Turn> postFromChannelUser(String channel, String user, String text, LocalDate now,
                                            Long inboxEntry) {
        return postFromChannelUser(channel, user, text, null, now, inboxEntry);
    }

    /** As above, for a message its client named {@code messageId} (null: none), as {@link #post} takes it. */
    public Future<Turn> postFromChannelUser(String channel, String user, String text, String messageId,
                                            LocalDate now, Long inboxEntry) {
        String checked = text(text);
        return locks.inTurn(channel + ":" + user, () -> conversations.forChannelUser(channel, user).id())
                .compose(id -> locks.inTurn(id,
                        () -> conversations.post(id, checked, messageId, now, inboxEntry, c -> true)));
    }

    /** An agent's action on a conversation, in the conversation's order with the person's messages. */
    public <T> Future<T> act(String conversationId, Callable<T> action) {
        return locks.inTurn(conversationId, action);
    }
}
