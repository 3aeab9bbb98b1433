package io.guichet.store;

import io.guichet.analytics.AnalyticsStore;
import io.guichet.analytics.GapStatuses;
import io.guichet.conversation.Conversation;
import io.guichet.conversation.ConversationStore;
import io.guichet.conversation.Inbox;
import io.guichet.conversation.InboxEntry;
import io.guichet.conversation.MessageReceipt;
import io.guichet.conversation.TurnCommit;
import io.guichet.crm.DeliveryStore;
import io.guichet.kb.SharedVectors;
import io.guichet.lead.Lead;
import io.guichet.lead.LeadStore;
import io.guichet.people.PeopleStore;
import io.guichet.turn.SharedLock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The store: conversations, leads, their deliveries to the teams' CRMs and the webhook inbox, with
 * its health, its retention purge and the figures read from it; by default in one SQLite file under
 * {@code --data}, or in a PostgreSQL database that several nodes share. Each part lives in a class
 * of its own ({@link StoredConversations}, {@link StoredLeads}, {@link StoredLeadDeliveries},
 * {@link StoredInbox}), written once over a {@link Database} of either engine.
 */
public final class Store implements ConversationStore, LeadStore, DeliveryStore, Inbox, SharedLock, AutoCloseable {
    private final Database database;
    private final StoredConversations conversations;
    private final StoredLeads leads;
    private final StoredLeadDeliveries deliveries;
    private final StoredInbox inbox;
    private final Database reader;
    private final StoredAnalytics analytics;
    private final StoredGapStatuses gapStatuses;
    private final StoredPeople people;
    private final StoredKeys keys;
    private final StoredVectors vectors;

    private Store(Database database, Database reader, Clock clock) {
        this.database = database;
        this.reader = reader;
        this.analytics = new StoredAnalytics(reader);
        this.gapStatuses = new StoredGapStatuses(database);
        this.deliveries = new StoredLeadDeliveries(database);
        this.conversations = new StoredConversations(database, deliveries, clock);
        this.leads = new StoredLeads(database);
        this.inbox = new StoredInbox(database, clock);
        this.people = new StoredPeople(database, reader, conversations::forget);
        this.keys = new StoredKeys(database);
        this.vectors = new StoredVectors(database);
    }

    /** Opens (or creates) the embedded store, {@code guichet.db} in {@code folder}, and brings its schema up to date. */
    public static Store open(Path folder, Clock clock) {
        SqliteDatabase database = SqliteDatabase.open(folder);
        return new Store(database, SqliteDatabase.openReader(folder), clock);
    }

    /**
     * Connects to the PostgreSQL store at {@code address} and brings its schema up to date; the
     * figures are read through the same pool.
     */
    public static Store open(PostgresAddress address, Clock clock) {
        PostgresDatabase database = PostgresDatabase.open(address);
        return new Store(database, database, clock);
    }

    /** The marketing team's decisions on the content gaps. */
    public GapStatuses gapStatuses() {
        return gapStatuses;
    }

    /** The marketing team's figures, read on a connection of their own with SQLite, so that they never hold up a turn. */
    public AnalyticsStore analytics() {
        return analytics;
    }

    /**
     * The key stored under {@code name}, the same for every node sharing the database:
     * {@code proposed} is stored first when there is none yet.
     */
    public byte[] sharedKey(String name, byte[] proposed) {
        return keys.agreed(name, proposed);
    }

    /** The passage vectors shared by the nodes, so that a node joining embeds only what none embedded before. */
    public SharedVectors passageVectors() {
        return vectors;
    }

    /** What is stored about a person, found by their e-mail or phone: to show, export or erase. */
    public PeopleStore people() {
        return people;
    }

    /**
     * Runs {@code work} while no other node sharing the database runs work under {@code key}: a
     * PostgreSQL advisory lock, the store's calls made within the work using the connection that
     * holds it. The embedded store has one process: the work just runs.
     */
    @Override
    public <T> T holding(String key, Callable<T> work) throws Exception {
        return database.holding(key, work);
    }

    @Override
    public Conversation create(String channel, String lang) {
        return conversations.create(channel, lang);
    }

    @Override
    public Optional<Conversation> find(String id) {
        return conversations.find(id);
    }

    @Override
    public Conversation forChannelUser(String channel, String channelUser) {
        return conversations.forChannelUser(channel, channelUser);
    }

    @Override
    public List<Conversation> waiting() {
        return conversations.waiting();
    }

    @Override
    public long commit(TurnCommit commit) {
        return conversations.commit(commit);
    }

    @Override
    public Optional<MessageReceipt> receipt(String conversationId, String messageId) {
        return conversations.receipt(conversationId, messageId);
    }

    @Override
    public OptionalLong lastAnswer(String conversationId) {
        return conversations.lastAnswer(conversationId);
    }

    @Override
    public boolean answeredFromPages(String conversationId, long turn) {
        return conversations.answeredFromPages(conversationId, turn);
    }

    @Override
    public List<Lead> all() {
        return leads.all();
    }

    @Override
    public void queueLeadsOf(Set<String> teams) {
        deliveries.queueLeadsOf(teams);
    }

    @Override
    public List<Delivery> due(Instant now, String team, int limit, Instant leasedUntil) {
        return deliveries.due(now, team, limit, leasedUntil);
    }

    @Override
    public void attempted(long delivery, Attempt attempt) {
        deliveries.attempted(delivery, attempt);
    }

    @Override
    public List<InboxEntry> accept(List<InboxEntry> received, Instant leasedUntil) {
        return inbox.accept(received, leasedUntil);
    }

    @Override
    public List<InboxEntry> takePending(String channel, Instant now, Instant leasedUntil) {
        return inbox.takePending(channel, now, leasedUntil);
    }

    @Override
    public void dismiss(long entry) {
        inbox.dismiss(entry);
    }

    /**
     * Deletes what the retention period has run out for: messages, turn records, handled webhook
     * messages and settled lead deliveries older than {@code cutoff}, and the conversations idle
     * since then. Leads are not touched: they are kept under their own rules. Returns the messages
     * deleted: none when another node sharing the database purges at the same time, which deletes them.
     */
    public int purgeBefore(Instant cutoff) {
        int deleted = database.write("cannot purge what the retention period has run out for", connection -> {
            if (!database.dialect().tryPurgeLock(connection)) {
                return 0;
            }
            int messages = StoredConversations.purgeBefore(connection, cutoff);
            StoredInbox.purgeBefore(connection, cutoff);
            StoredLeadDeliveries.purgeBefore(connection, cutoff);
            return messages;
        });
        conversations.purged(cutoff);
        return deleted;
    }

    @Override
    public Optional<String> writeProblem() {
        return database.writeProblem();
    }

    @Override
    public void close() {
        if (reader != database) {
            reader.close();
        }
        database.close();
    }
}
