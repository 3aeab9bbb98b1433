package io.guichet.conversation;

/**
 * What an agent did to a conversation handed to a team, as an event for the figures: the hand-off
 * itself is in the turn's record; these are the steps after it. No agent's name: the team is enough.
 */
public record HandoffStep(Kind kind, String team) {
    public enum Kind { CLAIMED, TRANSFERRED, RELEASED, CLOSED }
}
