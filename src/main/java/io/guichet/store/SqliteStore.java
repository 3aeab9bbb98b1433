package io.guichet.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guichet.conversation.Conversation;
import io.guichet.conversation.ConversationStore;
import io.guichet.conversation.JourneyState;
import io.guichet.conversation.Message;
import io.guichet.lead.Lead;
import io.guichet.lead.LeadStore;
import io.guichet.conversation.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversations and leads in one SQLite file, written through: a turn is committed before its reply is
 * sent, and a restart finds every conversation where it was left. Recent conversations are
 * also kept in memory so that a turn does not read its whole transcript back.
 *
 * <p>The journal is in WAL mode with {@code synchronous=NORMAL}: a commit is in the log once the
 * call returns, which survives the process being killed (the failure this store is built for);
 * surviving a power cut as well would take an fsync per turn.
 *
 * <p>A write that fails (disk full, file or folder made read-only) is reported to the caller,
 * never swallowed, and the store remembers it: {@link #writeProblem()} then says why, and tries
 * a small write again each time it is asked, so that the health check turns UP again by itself
 * once the disk is fixed.
 */
public final class SqliteStore implements ConversationStore, LeadStore, AutoCloseable {
    /** Conversations kept in memory; older ones are read back from the file when they come back. */
    private static final int CACHED = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);

    private final Connection connection;
    private final Clock clock;
    /** Why the last write failed, or null when it succeeded. */
    private volatile String writeFailure;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Conversation> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Conversation> eldest) {
            return size() > CACHED;
        }
    };

    private SqliteStore(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /** Opens (or creates) {@code guichet.db} in {@code folder} and brings its schema up to date. */
    public static SqliteStore open(Path folder, Clock clock) {
        try {
            Files.createDirectories(folder);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("guichet.db"));
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=NORMAL");
                statement.execute("PRAGMA foreign_keys=ON");
                statement.execute("PRAGMA busy_timeout=5000");
            }
            Migrations.apply(connection);
            return new SqliteStore(connection, clock);
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot open the store in " + folder.toAbsolutePath(), e);
        }
    }

    @Override
    public Conversation create(String channel, String lang) {
        synchronized (connection) {
            return insert(channel, null, lang);
        }
    }

    @Override
    public Conversation forChannelUser(String channel, String channelUser) {
        synchronized (connection) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM conversations WHERE channel = ? AND channel_user = ?")) {
                select.setString(1, channel);
                select.setString(2, channelUser);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        return find(row.getString(1)).orElseThrow();
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("cannot look up the conversation of a " + channel + " user", e);
            }
            return insert(channel, channelUser, null);
        }
    }

    /** Called holding the connection's lock. */
    private Conversation insert(String channel, String channelUser, String lang) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Conversation conversation = new Conversation(id, channel, lang, now);
        conversation.channelUser(channelUser);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conversations"
                + " (id, channel, channel_user, lang, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, channel);
            insert.setString(3, channelUser);
            insert.setString(4, lang);
            insert.setString(5, conversation.status().name());
            insert.setString(6, now.toString());
            insert.setString(7, now.toString());
            insert.executeUpdate();
            wrote();
        } catch (SQLException e) {
            throw writeFailed("cannot store a new conversation", e);
        }
        recent.put(id, conversation);
        return conversation;
    }

    @Override
    public Optional<Conversation> find(String id) {
        synchronized (connection) {
            Conversation cached = recent.get(id);
            if (cached != null) {
                return Optional.of(cached);
            }
            try {
                Optional<Conversation> loaded = load(id);
                loaded.ifPresent(c -> recent.put(id, c));
                return loaded;
            } catch (SQLException e) {
                throw new StoreException("cannot read conversation " + id, e);
            }
        }
    }

    private Optional<Conversation> load(String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT channel, channel_user, lang, status, created_at, journey, team, agent FROM conversations WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String journey = row.getString(6);
                return Optional.of(Conversation.restore(id, row.getString(1), row.getString(2), row.getString(3),
                        Status.valueOf(row.getString(4)), Instant.parse(row.getString(5)),
                        journey == null ? null : JourneyState.fromJson(journey), row.getString(7), row.getString(8),
                        messages(id)));
            }
        }
    }

    private List<Message> messages(String id) throws SQLException {
        List<Message> messages = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sender, text, at FROM messages WHERE conversation_id = ? ORDER BY seq")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    messages.add(new Message(row.getString(1), row.getString(2), Instant.parse(row.getString(3))));
                }
            }
        }
        return messages;
    }

    @Override
    public List<Conversation> waiting() {
        synchronized (connection) {
            List<String> ids = new ArrayList<>();
            try (Statement select = connection.createStatement();
                 ResultSet row = select.executeQuery(
                         "SELECT id FROM conversations WHERE status = 'WAITING_AGENT' ORDER BY updated_at")) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            } catch (SQLException e) {
                throw new StoreException("cannot read the queue", e);
            }
            return ids.stream().map(id -> find(id).orElseThrow()).toList();
        }
    }

    @Override
    public void save(Conversation conversation, List<Message> appended) {
        synchronized (connection) {
            try {
                connection.setAutoCommit(false);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE conversations SET lang = ?, status = ?, updated_at = ?, journey = ?, team = ?, agent = ?"
                                + " WHERE id = ?");
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO messages (conversation_id, sender, text, at) VALUES (?, ?, ?, ?)")) {
                    update.setString(1, conversation.lang());
                    update.setString(2, conversation.status().name());
                    update.setString(3, clock.instant().toString());
                    JourneyState journey = conversation.journey();
                    update.setString(4, journey == null ? null : journey.toJson());
                    update.setString(5, conversation.team());
                    update.setString(6, conversation.agent());
                    update.setString(7, conversation.id());
                    update.executeUpdate();
                    for (Message message : appended) {
                        insert.setString(1, conversation.id());
                        insert.setString(2, message.from());
                        insert.setString(3, message.text());
                        insert.setString(4, message.at().toString());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
                wrote();
            } catch (SQLException e) {
                rollback();
                // The caller changed the conversation in memory before saving; forgetting it makes
                // the next turn start again from what was committed.
                recent.remove(conversation.id());
                throw writeFailed("cannot store a turn of conversation " + conversation.id(), e);
            } finally {
                autoCommit();
            }
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the failure being reported says why.
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // Same: the next statement will fail and say so.
        }
    }

    /**
     * Deletes the messages older than {@code cutoff}, and the conversations idle since then.
     * Leads are not touched: they are kept under their own rules. Returns the messages deleted.
     */
    public int purgeBefore(Instant cutoff) {
        synchronized (connection) {
            try (PreparedStatement messages = connection.prepareStatement("DELETE FROM messages WHERE at < ?");
                 PreparedStatement idle = connection.prepareStatement("DELETE FROM conversations WHERE updated_at < ?")) {
                messages.setString(1, cutoff.toString());
                int deleted = messages.executeUpdate();
                idle.setString(1, cutoff.toString());
                idle.executeUpdate();
                recent.values().removeIf(c -> c.messages().stream().allMatch(m -> m.at().isBefore(cutoff))
                        && c.createdAt().isBefore(cutoff));
                recent.values().forEach(c -> c.forgetBefore(cutoff));
                wrote();
                return deleted;
            } catch (SQLException e) {
                throw writeFailed("cannot purge old messages", e);
            }
        }
    }

    @Override
    public Lead add(Lead lead) {
        synchronized (connection) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO leads (conversation_id, journey,"
                    + " team, lang, name, email, phone, slots, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, lead.conversationId());
                insert.setString(2, lead.journey());
                insert.setString(3, lead.team());
                insert.setString(4, lead.lang());
                insert.setString(5, lead.name());
                insert.setString(6, lead.email());
                insert.setString(7, lead.phone());
                insert.setString(8, JSON.writeValueAsString(lead.slots()));
                insert.setString(9, lead.createdAt().toString());
                insert.executeUpdate();
                wrote();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return new Lead(keys.getLong(1), lead.conversationId(), lead.journey(), lead.team(), lead.lang(),
                            lead.name(), lead.email(), lead.phone(), lead.slots(), lead.createdAt());
                }
            } catch (SQLException e) {
                throw writeFailed("cannot store a lead", e);
            } catch (JsonProcessingException e) {
                throw new StoreException("cannot store a lead", e);
            }
        }
    }

    @Override
    public List<Lead> all() {
        synchronized (connection) {
            List<Lead> leads = new ArrayList<>();
            try (Statement select = connection.createStatement();
                 ResultSet row = select.executeQuery("SELECT id, conversation_id, journey, team, lang, name, email,"
                         + " phone, slots, created_at FROM leads ORDER BY id DESC")) {
                while (row.next()) {
                    leads.add(new Lead(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                            JSON.readValue(row.getString(9), new TypeReference<Map<String, Object>>() { }),
                            Instant.parse(row.getString(10))));
                }
                return leads;
            } catch (SQLException | JsonProcessingException e) {
                throw new StoreException("cannot read the leads", e);
            }
        }
    }

    /**
     * Empty when the store can write; otherwise why it cannot. After a failed write, each call
     * tries a write again (the schema version rewritten as it is: one page, no data touched)
     * and reports its outcome. Blocks: call on a worker.
     */
    @Override
    public Optional<String> writeProblem() {
        if (writeFailure == null) {
            return Optional.empty();
        }
        synchronized (connection) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA user_version = " + Migrations.version(connection));
                wrote();
            } catch (SQLException e) {
                writeFailed("cannot write to the store", e);
            }
        }
        return Optional.ofNullable(writeFailure);
    }

    private void wrote() {
        if (writeFailure != null) {
            writeFailure = null;
            LOG.info("the store writes again");
        }
    }

    private StoreException writeFailed(String what, SQLException e) {
        if (writeFailure == null) {
            LOG.error("{}: {}; the store is DOWN until a write succeeds", what, e.getMessage());
        }
        writeFailure = what + ": " + e.getMessage();
        return new StoreException(what, e);
    }

    @Override
    public void close() {
        synchronized (connection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new StoreException("cannot close the store", e);
            }
        }
    }
}
