package io.guichet.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema: {@code V<n>__*.sql} scripts applied in order, each in its own transaction,
 * the file's {@code user_version} recording the last one applied. A script, once released, is
 * never edited: a change of schema is a new script.
 */
final class Migrations {
    static final List<String> SCRIPTS = List.of("V1__conversations.sql", "V2__journeys_and_leads.sql",
            "V3__channel_users.sql", "V4__handoff.sql", "V5__turns_and_inbox.sql",
            "V6__turn_questions.sql", "V7__satisfaction_and_handoff_steps.sql", "V8__lead_deliveries.sql",
            "V9__contacts.sql", "V10__gap_statuses.sql",
            "V11__conversation_days.sql");
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    static void apply(Connection connection) throws SQLException {
        int current = version(connection);
        for (int version = current + 1; version <= SCRIPTS.size(); version++) {
            String script = SCRIPTS.get(version - 1);
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : read(script).split(";\\s*\\n")) {
                    if (!sql.replaceAll("(?m)^--.*$", "").isBlank()) {
                        statement.execute(sql);
                    }
                }
                statement.execute("PRAGMA user_version = " + version);
                connection.commit();
                LOG.info("store schema migrated to version {} ({})", version, script);
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA user_version")) {
            return row.getInt(1);
        }
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("/io/guichet/store/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration " + script + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
