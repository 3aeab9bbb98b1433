package io.guichet.handoff;

/** An agent action that cannot be done: on no such conversation, on one not theirs, or one taken. */
public final class HandoffException extends RuntimeException {
    public enum Kind { NOT_FOUND, FORBIDDEN, CONFLICT }

    private final Kind kind;

    HandoffException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
