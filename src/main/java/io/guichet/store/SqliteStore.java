package io.guichet.store;

import io.guichet.analytics.AnalyticsStore;
import io.guichet.analytics.GapStatuses;
import io.guichet.conversation.Conversation;
import io.guichet.conversation.ConversationStore;
import io.guichet.conversation.Inbox;
import io.guichet.conversation.InboxEntry;
import io.guichet.conversation.TurnCommit;
import io.guichet.crm.DeliveryStore;
import io.guichet.lead.Lead;
import io.guichet.lead.LeadStore;
import io.guichet.people.PeopleStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The embedded store: conversations, leads, their deliveries to the teams' CRMs and the webhook
 * inbox in one SQLite file under {@code --data}, with its health, its retention purge and the
 * figures read from it. Each part lives in a class of its own ({@link SqliteConversations},
 * {@link SqliteLeads}, {@link SqliteLeadDeliveries}, {@link SqliteInbox}) over one {@link SqliteDatabase}.
 */
public final class SqliteStore implements ConversationStore, LeadStore, DeliveryStore, Inbox, AutoCloseable {
    private final SqliteDatabase database;
    private final SqliteConversations conversations;
    private final SqliteLeads leads;
    private final SqliteLeadDeliveries deliveries;
    private final SqliteInbox inbox;
    private final SqliteDatabase reader;
    private final SqliteAnalytics analytics;
    private final SqliteGapStatuses gapStatuses;
    private final SqlitePeople people;

    private SqliteStore(SqliteDatabase database, SqliteDatabase reader, Clock clock) {
        this.database = database;
        this.reader = reader;
        this.analytics = new SqliteAnalytics(reader);
        this.gapStatuses = new SqliteGapStatuses(database);
        this.deliveries = new SqliteLeadDeliveries(database);
        this.conversations = new SqliteConversations(database, deliveries, clock);
        this.leads = new SqliteLeads(database);
        this.inbox = new SqliteInbox(database, clock);
        this.people = new SqlitePeople(database, reader, conversations::forget);
    }

    /** Opens (or creates) {@code guichet.db} in {@code folder} and brings its schema up to date. */
    public static SqliteStore open(Path folder, Clock clock) {
        SqliteDatabase database = SqliteDatabase.open(folder);
        return new SqliteStore(database, SqliteDatabase.openReader(folder), clock);
    }

    /** The marketing team's decisions on the content gaps. */
    public GapStatuses gapStatuses() {
        return gapStatuses;
    }

    /** The marketing team's figures, read on a connection of their own. */
    public AnalyticsStore analytics() {
        return analytics;
    }

    /** What is stored about a person, found by their e-mail or phone: to show, export or erase. */
    public PeopleStore people() {
        return people;
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
    public List<Delivery> due(Instant now, String team, int limit) {
        return deliveries.due(now, team, limit);
    }

    @Override
    public void attempted(long delivery, Attempt attempt) {
        deliveries.attempted(delivery, attempt);
    }

    @Override
    public List<InboxEntry> accept(List<InboxEntry> received) {
        return inbox.accept(received);
    }

    @Override
    public List<InboxEntry> pending() {
        return inbox.pending();
    }

    @Override
    public void dismiss(long entry) {
        inbox.dismiss(entry);
    }

    /**
     * Deletes what the retention period has run out for: messages, turn records, handled webhook
     * messages and settled lead deliveries older than {@code cutoff}, and the conversations idle
     * since then. Leads are not touched: they are kept under their own rules. Returns the messages
     * deleted.
     */
    public int purgeBefore(Instant cutoff) {
        int deleted = conversations.purgeBefore(cutoff);
        database.write("cannot purge the webhook inbox and the lead deliveries", connection -> {
            SqliteInbox.purgeBefore(connection, cutoff);
            SqliteLeadDeliveries.purgeBefore(connection, cutoff);
            return null;
        });
        return deleted;
    }

    @Override
    public Optional<String> writeProblem() {
        return database.writeProblem();
    }

    @Override
    public void close() {
        reader.close();
        database.close();
    }
}
