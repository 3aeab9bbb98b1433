package io.guichet.dialogue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.ConversationStore;
import io.guichet.conversation.Message;
import io.guichet.conversation.Status;
import io.guichet.conversation.TurnCommit;
import io.guichet.conversation.TurnRecord;
import io.guichet.kb.KnowledgeBase;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.Parse;
import io.guichet.nlu.Understanding;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One turn of a conversation, in one transaction: load the conversation's state, understand the
 * message, let the {@link Dialogue} decide, commit the messages, the new state, any lead and the
 * turn's record at once, then tell the {@link ConversationEvents}. Blocking (embedding, search,
 * store): call from a worker, one turn of a conversation at a time (the turn gateway orders them).
 */
public final class ConversationService {
    private final Understanding understanding;
    private final ConversationStore store;
    private final Dialogue dialogue;
    private final Clock clock;
    private volatile ConversationEvents events = ConversationEvents.NONE;

    public ConversationService(Understanding understanding, KnowledgeBase knowledge, ConversationStore store,
                               List<IntentFile> intents, Clock clock) {
        this.understanding = understanding;
        this.store = store;
        this.dialogue = new Dialogue(knowledge, intents, clock);
        this.clock = clock;
    }

    /** Answers quoting a page not updated for longer than {@code age} warn that it may be out of date. */
    public void warnOfPagesOlderThan(Period age) {
        dialogue.warnOfPagesOlderThan(age);
    }

    /** Who is told of every commit: the live views and the channels that deliver replies. */
    public void tell(ConversationEvents events) {
        this.events = events;
    }

    /** Who says whether a team can take a conversation handed off, and after how long. */
    public void staffedBy(Staffing staffing) {
        dialogue.staffedBy(staffing);
    }

    /** The teams conversations go to, id to name in {@code lang}: the journeys' teams and the general one. */
    public Map<String, String> teams(String lang) {
        return dialogue.teams(lang);
    }

    /** The words the figures are read in: each team's id and each journey's "journey.slot" to its name in {@code lang}. */
    public Map<String, String> labels(String lang) {
        Map<String, String> labels = new TreeMap<>(dialogue.slotLabels(lang));
        labels.putAll(dialogue.teams(lang));
        return labels;
    }

    public Conversation open(String channel, String lang) {
        return store.create(channel, lang);
    }

    /** The conversation of a messaging channel's user, created on first contact. */
    public Conversation forChannelUser(String channel, String channelUser) {
        return store.forChannelUser(channel, channelUser);
    }

    public Optional<Conversation> find(String id) {
        return store.find(id);
    }

    /** Empty when turns can be stored; otherwise why not. Blocks: call on a worker. */
    public Optional<String> storeProblem() {
        return store.writeProblem();
    }

    /** Handles one message of the conversation; {@code now} is the user's today (dates resolve against it). */
    public Turn post(String conversationId, String text, LocalDate now) {
        return post(conversationId, text, now, null, conversation -> true);
    }

    /**
     * Handles one message; {@code inboxEntry}, when not null, is the webhook inbox entry it
     * comes from, marked handled in the turn's own transaction. A conversation that does not
     * exist, or that {@code visible} hides from the sender (a widget's, without its secret), is a
     * {@code NoSuchElementException}.
     */
    public Turn post(String conversationId, String text, LocalDate now, Long inboxEntry,
                     Predicate<Conversation> visible) {
        Conversation conversation = store.find(conversationId).filter(visible)
                .orElseThrow(() -> new NoSuchElementException("no conversation " + conversationId));
        Status statusBefore = conversation.status();
        String teamBefore = conversation.team();
        long started = System.nanoTime();
        Parse parse = understanding.parse(text, null, conversation.lang(), now);
        long understood = System.nanoTime();
        conversation.lang(parse.lang());
        List<Message> appended = new ArrayList<>();
        appended.add(new Message("user", text, clock.instant()));
        Turn turn = dialogue.answer(conversation, parse, now);
        long decided = System.nanoTime();
        for (Reply reply : turn.replies()) {
            if (reply instanceof Reply.Text t) {
                appended.add(new Message("bot", t.text(), clock.instant()));
            }
        }
        boolean handedOff = conversation.status() == Status.WAITING_AGENT && statusBefore != Status.WAITING_AGENT;
        TurnRecord record = new TurnRecord(clock.instant(), conversation.channel(), parse.lang(),
                turn.intent().name(), turn.intent().confidence(), turn.fallback(), turn.fallback() && parse.outOfScope(),
                turn.sources().stream().map(Reply.Card::sourceId).toList(),
                conversation.journey() == null ? null : conversation.journey().name(),
                conversation.journey() == null ? null : conversation.journey().stage().name().toLowerCase(Locale.ROOT),
                handedOff ? conversation.team() : null, conversation.status(),
                (understood - started) / 1000, (decided - understood) / 1000);
        store.commit(new TurnCommit(conversation, appended, turn.lead(), record, inboxEntry));
        boolean changed = conversation.status() != statusBefore || !Objects.equals(teamBefore, conversation.team());
        events.committed(new ConversationEvents.Committed(conversation, appended, turn.replies(), changed,
                turn.lead()));
        return turn;
    }
}
