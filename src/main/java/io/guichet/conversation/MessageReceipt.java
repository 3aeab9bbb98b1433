package io.guichet.conversation;

/**
 * The answer given to a message its client named: the same message sent again (a reply lost on
 * the way, a node that died before answering) gets this answer again instead of a second turn.
 *
 * @param messageId the client's id of the message, unique within its conversation
 * @param text      the message's text, to tell a retry from another message under the same id
 * @param answer    the answer as the dialogue encodes it, opaque to the store
 * @param turn      the id of the turn's record, 0 until the turn is committed or when it had none
 */
public record MessageReceipt(String messageId, String text, String answer, long turn) {
}
