package io.guichet.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guichet.conversation.Conversation;
import io.guichet.conversation.AlreadyClaimedException;
import io.guichet.conversation.ConversationStore;
import io.guichet.conversation.HandoffStep;
import io.guichet.conversation.JourneyState;
import io.guichet.conversation.Message;
import io.guichet.conversation.MessageReceipt;
import io.guichet.conversation.Status;
import io.guichet.conversation.Survey;
import io.guichet.conversation.TurnCommit;
import io.guichet.conversation.TurnRecord;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Conversations, their transcripts and their turns' records, written through: a turn is
 * committed before its reply is sent, and a restart finds every conversation where it was left.
 * When this process alone writes the database, recently committed conversations are also kept in
 * memory so that a turn does not read its whole transcript back; callers always get a copy of them.
 * A database shared with other nodes is read each time: another node may have committed since.
 */
final class StoredConversations implements ConversationStore {
    /** Conversations kept in memory; older ones are read back from the database when they come back. */
    private static final int CACHED = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    /** Whether committed states are kept in {@link #recent}. */
    private final boolean cached;
    private final StoredLeadDeliveries deliveries;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Committed states; guarded by its own monitor, never held while calling out. */
    private final Map<String, Conversation> recent = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Conversation> eldest) {
            return size() > CACHED;
        }
    };
    /** The last retention cutoff: a state committed by a turn that began before a purge forgets what it purged. */
    private volatile Instant purgedBefore = Instant.MIN;

    StoredConversations(Database database, StoredLeadDeliveries deliveries, Clock clock) {
        this.database = database;
        this.cached = database.ownedByThisProcess();
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public Conversation create(String channel, String lang) {
        return database.write("cannot store a new conversation",
                connection -> insert(connection, channel, null, lang).orElseThrow());
    }

    @Override
    public Conversation forChannelUser(String channel, String channelUser) {
        return database.write("cannot open the conversation of a " + channel + " user", connection -> {
            Optional<Conversation> existing = ofChannelUser(connection, channel, channelUser);
            if (existing.isPresent()) {
                return existing.get();
            }
            // Another node (or connection) may insert the user's conversation meanwhile: then theirs is the one.
            Optional<Conversation> inserted = insert(connection, channel, channelUser, null);
            return inserted.isPresent() ? inserted.get() : ofChannelUser(connection, channel, channelUser).orElseThrow();
        });
    }

    private Optional<Conversation> ofChannelUser(Connection connection, String channel, String channelUser)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM conversations WHERE channel = ? AND channel_user = ?")) {
            select.setString(1, channel);
            select.setString(2, channelUser);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? cachedOrLoaded(connection, row.getString(1)).map(Conversation::copy)
                        : Optional.empty();
            }
        }
    }

    /** A new conversation, or empty when the channel's user has one already. */
    private Optional<Conversation> insert(Connection connection, String channel, String channelUser, String lang)
            throws SQLException {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        Conversation conversation = new Conversation(id, channel, lang, now);
        conversation.channelUser(channelUser);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conversations"
                + " (id, channel, channel_user, lang, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
            insert.setString(1, id);
            insert.setString(2, channel);
            insert.setString(3, channelUser);
            insert.setString(4, lang);
            insert.setString(5, conversation.status().name());
            insert.setString(6, now.toString());
            insert.setString(7, now.toString());
            if (insert.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        remember(conversation);
        return Optional.of(conversation.copy());
    }

    @Override
    public Optional<Conversation> find(String id) {
        return database.read("cannot read conversation " + id,
                connection -> cachedOrLoaded(connection, id).map(Conversation::copy));
    }

    private Optional<Conversation> cachedOrLoaded(Connection connection, String id) throws SQLException {
        synchronized (recent) {
            Conversation cached = recent.get(id);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<Conversation> loaded = load(connection, id);
        loaded.ifPresent(this::remember);
        return loaded;
    }

    private void remember(Conversation committed) {
        if (!cached) {
            return;
        }
        synchronized (recent) {
            recent.put(committed.id(), committed);
        }
    }

    private static Optional<Conversation> load(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT channel, channel_user, lang, status,"
                + " created_at, journey, team, agent, fell_back, survey, waiting_since FROM conversations WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String journey = row.getString(6);
                Conversation conversation = Conversation.restore(id, row.getString(1), row.getString(2),
                        row.getString(3), Status.valueOf(row.getString(4)), Instant.parse(row.getString(5)),
                        journey == null ? null : JourneyState.fromJson(journey), row.getString(7), row.getString(8),
                        messages(connection, id));
                conversation.fellBack(row.getInt(9) != 0);
                conversation.survey(Survey.fromStored(row.getString(10)));
                String waitingSince = row.getString(11);
                conversation.waitingSince(waitingSince == null ? null : Instant.parse(waitingSince));
                return Optional.of(conversation);
            }
        }
    }

    private static List<Message> messages(Connection connection, String id) throws SQLException {
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
        return database.read("cannot read the queue", connection -> {
            List<String> ids = new ArrayList<>();
            try (Statement select = connection.createStatement();
                 ResultSet row = select.executeQuery(
                         "SELECT id FROM conversations WHERE status = 'WAITING_AGENT' ORDER BY updated_at")) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
            List<Conversation> waiting = new ArrayList<>();
            for (String id : ids) {
                cachedOrLoaded(connection, id).map(Conversation::copy).ifPresent(waiting::add);
            }
            return waiting;
        });
    }

    @Override
    public long commit(TurnCommit commit) {
        Conversation state = commit.state();
        long turn = database.write("cannot store a turn of conversation " + state.id(), connection -> {
            Instant now = clock.instant();
            long recordId = 0;
            boolean claim = commit.handoffStep() != null && commit.handoffStep().kind() == HandoffStep.Kind.CLAIMED;
            // A claim takes a conversation no agent holds, in the UPDATE itself: of two agents claiming
            // it at once, from two nodes sharing the database, the second updates nothing.
            try (PreparedStatement update = connection.prepareStatement("UPDATE conversations SET lang = ?,"
                    + " status = ?, updated_at = ?, journey = ?, team = ?, agent = ?, fell_back = ?, survey = ?,"
                    + " waiting_since = ? WHERE id = ?"
                    + (claim ? " AND agent IS NULL" : ""));
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO messages (conversation_id, sender, text, at) VALUES (?, ?, ?, ?) RETURNING seq")) {
                update.setString(1, state.lang());
                update.setString(2, state.status().name());
                update.setString(3, now.toString());
                JourneyState journey = state.journey();
                update.setString(4, journey == null ? null : journey.toJson());
                update.setString(5, state.team());
                update.setString(6, state.agent());
                update.setInt(7, state.fellBack() ? 1 : 0);
                update.setString(8, state.survey() == null ? null : state.survey().stored());
                update.setString(9, state.waitingSince() == null ? null : state.waitingSince().toString());
                update.setString(10, state.id());
                if (update.executeUpdate() == 0) {
                    if (claim && load(connection, state.id()).isPresent()) {
                        throw new AlreadyClaimedException(state.id());
                    }
                    throw new SQLException("conversation " + state.id() + " is not in the store any more");
                }
                Long question = null;
                for (Message message : commit.appended()) {
                    insert.setString(1, state.id());
                    insert.setString(2, message.from());
                    insert.setString(3, message.text());
                    insert.setString(4, message.at().toString());
                    long seq = insertedId(insert);
                    if (question == null && message.from().equals("user")) {
                        question = seq;
                    }
                }
                if (commit.record() != null) {
                    recordId = insertRecord(connection, state.id(), commit.record(), question);
                    countDay(connection, state.id(), commit.record());
                }
            }
            if (commit.feedback() != null) {
                StoredEvents.insert(connection, state.id(), state.channel(), state.lang(), commit.feedback(), now);
            }
            if (commit.handoffStep() != null) {
                StoredEvents.insert(connection, state.id(), commit.handoffStep(), now);
            }
            if (commit.lead() != null) {
                deliveries.queue(connection, StoredLeads.insert(connection, commit.lead()), commit.lead(), now);
            }
            if (commit.inboxEntry() != null) {
                StoredInbox.markHandled(connection, commit.inboxEntry(), now);
            }
            if (commit.receipt() != null) {
                insertReceipt(connection, state.id(), commit.receipt(), recordId, now);
            }
            return recordId;
        });
        commit.appended().forEach(state::append);
        state.forgetBefore(purgedBefore);
        remember(state);
        return turn;
    }

    private static void insertReceipt(Connection connection, String conversationId, MessageReceipt receipt,
                                      long recordId, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO message_receipts"
                + " (conversation_id, message_id, text, answer, turn_id, at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, conversationId);
            insert.setString(2, receipt.messageId());
            insert.setString(3, receipt.text());
            insert.setString(4, receipt.answer());
            if (recordId == 0) {
                insert.setNull(5, Types.BIGINT);
            } else {
                insert.setLong(5, recordId);
            }
            insert.setString(6, now.toString());
            insert.executeUpdate();
        }
    }

    @Override
    public Optional<MessageReceipt> receipt(String conversationId, String messageId) {
        return database.read("cannot read the receipts of conversation " + conversationId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT text, answer, turn_id"
                    + " FROM message_receipts WHERE conversation_id = ? AND message_id = ?")) {
                select.setString(1, conversationId);
                select.setString(2, messageId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new MessageReceipt(messageId, row.getString(1), row.getString(2),
                            row.getLong(3))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public OptionalLong lastAnswer(String conversationId) {
        return database.read("cannot read the turns of conversation " + conversationId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, sources <> '[]' AND fallback = 0"
                    + " FROM turns WHERE conversation_id = ? ORDER BY id DESC LIMIT 1")) {
                select.setString(1, conversationId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && row.getBoolean(2) ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    @Override
    public boolean answeredFromPages(String conversationId, long turn) {
        return database.read("cannot read the turns of conversation " + conversationId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM turns WHERE id = ?"
                    + " AND conversation_id = ? AND sources <> '[]' AND fallback = 0")) {
                select.setLong(1, turn);
                select.setString(2, conversationId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** Adds the turn to its conversation's day, the row the dashboard's overview counts. */
    private static void countDay(Connection connection, String conversationId, TurnRecord record) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO conversation_days AS d (day,"
                + " conversation_id, channel, lang, journey, turns, fallbacks, out_of_scope, handed_off)"
                + " VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT (day, conversation_id) DO UPDATE SET"
                + " lang = coalesce(excluded.lang, d.lang), journey = coalesce(excluded.journey, d.journey),"
                + " turns = d.turns + 1, fallbacks = d.fallbacks + excluded.fallbacks,"
                // Either flag: 0 or 1, whose bitwise or is the larger, in both engines' SQL.
                + " out_of_scope = d.out_of_scope + excluded.out_of_scope, handed_off = d.handed_off | excluded.handed_off")) {
            upsert.setString(1, record.at().toString().substring(0, 10));
            upsert.setString(2, conversationId);
            upsert.setString(3, record.channel());
            upsert.setString(4, record.lang());
            upsert.setString(5, record.journey());
            upsert.setInt(6, record.fallback() && !record.outOfScope() ? 1 : 0);
            upsert.setInt(7, record.outOfScope() ? 1 : 0);
            upsert.setInt(8, record.handoffTeam() != null ? 1 : 0);
            upsert.executeUpdate();
        }
    }

    /** Inserts the turn's record, returning its id; {@code question} is the person's message it answered, when the turn stored one. */
    private static long insertRecord(Connection connection, String conversationId, TurnRecord record, Long question)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO turns (conversation_id, at, channel,"
                + " lang, intent, confidence, fallback, sources, journey, stage, handoff_team, status, understand_us,"
                + " decide_us, out_of_scope, message_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " RETURNING id")) {
            insert.setString(1, conversationId);
            insert.setString(2, record.at().toString());
            insert.setString(3, record.channel());
            insert.setString(4, record.lang());
            insert.setString(5, record.intent());
            insert.setDouble(6, record.confidence());
            insert.setInt(7, record.fallback() ? 1 : 0);
            insert.setString(8, JSON.writeValueAsString(record.sources()));
            insert.setString(9, record.journey());
            insert.setString(10, record.stage());
            insert.setString(11, record.handoffTeam());
            insert.setString(12, record.status().name());
            insert.setLong(13, record.understandMicros());
            insert.setLong(14, record.decideMicros());
            insert.setInt(15, record.outOfScope() ? 1 : 0);
            if (question == null) {
                insert.setNull(16, Types.INTEGER);
            } else {
                insert.setLong(16, question);
            }
            return insertedId(insert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of ids is always JSON", e);
        }
    }

    /** Runs an {@code INSERT … RETURNING} of one row and returns the value it returned, the row's id. */
    static long insertedId(PreparedStatement insert) throws SQLException {
        try (ResultSet row = insert.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Drops conversations erased from the database, so that they are not served from memory either. */
    void forget(Collection<String> ids) {
        synchronized (recent) {
            ids.forEach(recent::remove);
        }
    }

    /**
     * Deletes, in the caller's transaction, the messages and turn records older than {@code cutoff},
     * and the conversations idle since then. Takes no conversation's turn: a turn under way keeps
     * its own copy, and its commit forgets what was purged (once {@link #purged} is told). Returns
     * the messages deleted.
     */
    static int purgeBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement messages = connection.prepareStatement("DELETE FROM messages WHERE at < ?");
             PreparedStatement receipts = connection.prepareStatement("DELETE FROM message_receipts WHERE at < ?");
             PreparedStatement turns = connection.prepareStatement("DELETE FROM turns WHERE at < ?");
             PreparedStatement idle = connection.prepareStatement("DELETE FROM conversations WHERE updated_at < ?")) {
            messages.setString(1, cutoff.toString());
            int count = messages.executeUpdate();
            receipts.setString(1, cutoff.toString());
            receipts.executeUpdate();
            turns.setString(1, cutoff.toString());
            turns.executeUpdate();
            StoredEvents.purgeBefore(connection, cutoff);
            idle.setString(1, cutoff.toString());
            idle.executeUpdate();
            return count;
        }
    }

    /** What was purged before {@code cutoff} is no longer served from memory, nor brought back by a turn under way. */
    void purged(Instant cutoff) {
        purgedBefore = cutoff;
        synchronized (recent) {
            // Cached states are only replaced, never changed in place: dropping them is all it takes.
            recent.clear();
        }
    }
}
