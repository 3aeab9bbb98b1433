package io.guichet.store;

import io.guichet.conversation.Feedback;
import io.guichet.conversation.HandoffStep;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** The events a commit adds to the figures besides the turn's record: feedback and agents' steps. */
final class StoredEvents {
    private StoredEvents() {
    }

    /**
     * A thumb replaces an earlier one on the same answer; a rating is added; a comment goes with
     * the conversation's latest rating.
     */
    static void insert(Connection connection, String conversationId, String channel, String lang, Feedback feedback,
                       Instant at) throws SQLException {
        if (feedback.kind() == Feedback.Kind.COMMENT) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE feedback SET comment = ? WHERE id ="
                    + " (SELECT max(id) FROM feedback WHERE conversation_id = ? AND kind = 'CSAT')")) {
                update.setString(1, feedback.comment());
                update.setString(2, conversationId);
                update.executeUpdate();
            }
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO feedback"
                + " (conversation_id, at, channel, lang, kind, turn_id, score, comment, team, journey)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (turn_id) WHERE kind = 'ANSWER' DO UPDATE SET"
                + " at = excluded.at, channel = excluded.channel, lang = excluded.lang, score = excluded.score,"
                + " comment = excluded.comment, team = excluded.team, journey = excluded.journey")) {
            insert.setString(1, conversationId);
            insert.setString(2, at.toString());
            insert.setString(3, channel);
            insert.setString(4, lang);
            insert.setString(5, feedback.kind().name());
            if (feedback.turn() == null) {
                insert.setNull(6, Types.INTEGER);
            } else {
                insert.setLong(6, feedback.turn());
            }
            insert.setInt(7, feedback.score());
            insert.setString(8, feedback.comment());
            insert.setString(9, feedback.team());
            insert.setString(10, feedback.journey());
            insert.executeUpdate();
        }
    }

    static void insert(Connection connection, String conversationId, HandoffStep step, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO handoff_steps (conversation_id, at, kind, team) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, conversationId);
            insert.setString(2, at.toString());
            insert.setString(3, step.kind().name());
            insert.setString(4, step.team());
            insert.executeUpdate();
        }
    }

    /** Deletes the events older than {@code cutoff}, as the turns' records are, and the days before its day. */
    static void purgeBefore(Connection connection, Instant cutoff) throws SQLException {
        for (String table : new String[] {"feedback", "handoff_steps"}) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE at < ?")) {
                delete.setString(1, cutoff.toString());
                delete.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM conversation_days WHERE day < ?")) {
            delete.setString(1, cutoff.toString().substring(0, 10));
            delete.executeUpdate();
        }
    }
}
