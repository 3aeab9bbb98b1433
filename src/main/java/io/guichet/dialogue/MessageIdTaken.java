package io.guichet.dialogue;

/**
 * A message whose client's id was already given to another message of the conversation: it is
 * not a retry, and it is not answered (it would otherwise be taken for one).
 */
public final class MessageIdTaken extends RuntimeException {
    public MessageIdTaken(String messageId) {
        super("message id '" + messageId + "' was already given to another message of this conversation");
    }
}
