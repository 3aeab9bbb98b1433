package io.guichet.turn;

/** A message no conversation takes: empty, or longer than {@link TurnGateway#MAX_TEXT}. The client's fault: a 400. */
public final class InvalidMessage extends IllegalArgumentException {
    InvalidMessage(String message) {
        super(message);
    }
}
