package io.guichet.conversation;

/**
 * A claim committed after another agent's on the same conversation, from another node sharing the
 * store: nothing of the claim was stored, and the other agent holds the conversation.
 */
public final class AlreadyClaimedException extends RuntimeException {
    public AlreadyClaimedException(String conversationId) {
        super("conversation " + conversationId + " is already held by another agent");
    }
}
