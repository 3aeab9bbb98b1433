package io.guichet.conversation;

/**
 * What a person thought, as an event of their conversation: a thumb up or down on one answer
 * from the pages, a rating of the service from 1 to 5, or the comment that goes with the rating.
 *
 * @param turn    the answer's turn, for a thumb; null otherwise
 * @param score   1 (useful) or 0 for a thumb, 1 to 5 for a rating, null for a comment
 * @param comment the person's words, for a comment only
 * @param team    the team the conversation or the lead went to, or null
 * @param journey the conversation's journey, or null
 */
public record Feedback(Kind kind, Long turn, Integer score, String comment, String team, String journey) {
    public enum Kind { ANSWER, CSAT, COMMENT }

    public static Feedback thumb(long turn, boolean useful, String journey) {
        return new Feedback(Kind.ANSWER, turn, useful ? 1 : 0, null, null, journey);
    }

    public static Feedback rating(int score, String team, String journey) {
        return new Feedback(Kind.CSAT, null, score, null, team, journey);
    }

    public static Feedback comment(String text) {
        return new Feedback(Kind.COMMENT, null, null, text, null, null);
    }
}
