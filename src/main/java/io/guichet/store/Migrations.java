package io.guichet.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema: {@code V<n>__*.sql} scripts applied in order, each in its own transaction,
 * the database recording the last one applied (a SQLite file in its {@code user_version}, which
 * the files in the field already carry; PostgreSQL in a {@code schema_version} table). Both engines
 * run the same scripts, each translated into the engine's SQL by its {@link Dialect}. A script,
 * once released, is never edited: a change of schema is a new script.
 */
final class Migrations {
    static final List<String> SCRIPTS = List.of("V1__conversations.sql", "V2__journeys_and_leads.sql",
            "V3__channel_users.sql", "V4__handoff.sql", "V5__turns_and_inbox.sql",
            "V6__turn_questions.sql", "V7__satisfaction_and_handoff_steps.sql", "V8__lead_deliveries.sql",
            "V9__contacts.sql", "V10__gap_statuses.sql",
            "V11__conversation_days.sql", "V12__waiting_since.sql", "V13__shared_by_nodes.sql",
            "V14__message_receipts.sql");
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {
    }

    /**
     * Applies the first script not applied yet, in the caller's transaction, once no other node
     * migrates; returns false when there was none left.
     */
    static boolean applyNext(Connection connection, Dialect dialect) throws SQLException {
        dialect.lockMigrations(connection);
        int version = dialect.schemaVersion(connection) + 1;
        if (version > SCRIPTS.size()) {
            return false;
        }
        String script = SCRIPTS.get(version - 1);
        try (Statement statement = connection.createStatement()) {
            for (String sql : dialect.schema(read(script)).split(";\\s*\\n")) {
                if (!sql.replaceAll("(?m)^--.*$", "").isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        dialect.schemaVersion(connection, version);
        LOG.info("store schema migrated to version {} ({})", version, script);
        return true;
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
