package io.guichet.dialogue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.ConversationStore;
import io.guichet.conversation.Feedback;
import io.guichet.conversation.Message;
import io.guichet.conversation.MessageReceipt;
import io.guichet.conversation.Status;
import io.guichet.conversation.Survey;
import io.guichet.conversation.TurnCommit;
import io.guichet.conversation.TurnRecord;
import io.guichet.generation.GroundedAnswers;
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
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One turn of a conversation, in one transaction: load the conversation's state, understand the
 * message, let the {@link Dialogue} decide, commit the messages, the new state, any lead and the
 * turn's record at once, then tell the {@link ConversationEvents}. Blocking (embedding, search,
 * store): call from a worker, one turn of a conversation at a time (the turn gateway orders them).
 */
public final class ConversationService {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationService.class);
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

    /**
     * Answers to questions are written by {@code generated} from the best passages, when a page
     * is trusted; quoted as without it when it fails. Off unless called: no model, no call.
     */
    public void generateWith(GroundedAnswers generated) {
        dialogue.generateWith(generated);
    }

    /** Who is told a model's answer while it is written: the widget shows it as it comes. */
    public void draftTo(Drafts drafts) {
        dialogue.draftTo(drafts);
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
        return post(conversationId, text, null, now, inboxEntry, visible);
    }

    /**
     * As above, for a message its client named {@code messageId} (null: unnamed). Sent again under
     * that id, after a reply lost on the way or a node that died, the message gets the answer it
     * got the first time, and nothing is stored or told again; under that id with another text, it
     * is a {@link MessageIdTaken}.
     */
    public Turn post(String conversationId, String text, String messageId, LocalDate now, Long inboxEntry,
                     Predicate<Conversation> visible) {
        Conversation conversation = store.find(conversationId).filter(visible)
                .orElseThrow(() -> new NoSuchElementException("no conversation " + conversationId));
        Optional<MessageReceipt> earlier = messageId == null ? Optional.empty()
                : store.receipt(conversationId, messageId);
        if (earlier.isPresent()) {
            if (!earlier.get().text().equals(text)) {
                throw new MessageIdTaken(messageId);
            }
            LOG.info("message {} of conversation {} sent again: its first answer given again", messageId,
                    conversationId);
            return rated(AnswerReceipts.read(earlier.get().answer()), earlier.get().turn());
        }
        Status statusBefore = conversation.status();
        String teamBefore = conversation.team();
        long started = System.nanoTime();
        Parse parse = understanding.parse(text, null, conversation.lang(), now);
        long understood = System.nanoTime();
        conversation.lang(parse.lang());
        Survey survey = conversation.survey();
        // Asked once: whatever the person says next, the bot waits no longer.
        conversation.survey(null);
        Optional<Turn> feedback = feedback(conversation, survey, parse, inboxEntry, messageId);
        if (feedback.isPresent()) {
            return feedback.get();
        }
        List<Message> appended = new ArrayList<>();
        appended.add(new Message("user", text, clock.instant()));
        Turn turn = dialogue.answer(conversation, parse, now);
        if (turn.lead() != null) {
            turn = turn.withReplies(concat(turn.replies(), Satisfaction.askRating(parse.lang())), turn.status());
            conversation.survey(new Survey(Survey.Step.RATING, turn.lead().team()));
        }
        long decided = System.nanoTime();
        appended.addAll(botLines(turn.replies()));
        boolean handedOff = conversation.status() == Status.WAITING_AGENT && statusBefore != Status.WAITING_AGENT;
        TurnRecord record = new TurnRecord(clock.instant(), conversation.channel(), parse.lang(),
                turn.intent().name(), turn.intent().confidence(), turn.fallback(), turn.fallback() && parse.outOfScope(),
                turn.sources().stream().map(Reply.Card::sourceId).toList(),
                conversation.journey() == null ? null : conversation.journey().name(),
                conversation.journey() == null ? null : conversation.journey().stage().name().toLowerCase(Locale.ROOT),
                handedOff ? conversation.team() : null, conversation.status(),
                (understood - started) / 1000, (decided - understood) / 1000);
        long recorded = store.commit(new TurnCommit(conversation, appended, turn.lead(), record, inboxEntry)
                .receipt(receipt(messageId, text, turn)));
        turn = rated(turn, recorded);
        boolean changed = conversation.status() != statusBefore || !Objects.equals(teamBefore, conversation.team());
        events.committed(new ConversationEvents.Committed(conversation, appended, turn.replies(), changed,
                turn.lead()));
        return turn;
    }

    /**
     * The person's message taken as what they think rather than as a request: the rating or the
     * comment the bot asked for ({@code survey}), or a 👍 or 👎 tapped under the last answer.
     * Committed with the bot's thanks; empty when the message is a request, to be answered.
     */
    private Optional<Turn> feedback(Conversation conversation, Survey survey, Parse parse, Long inboxEntry,
                                    String messageId) {
        String lang = parse.lang();
        String journey = conversation.journey() == null ? null : conversation.journey().name();
        Feedback feedback = null;
        List<Reply> replies = null;
        if (survey != null && survey.step() == Survey.Step.RATING) {
            Optional<Satisfaction.Rating> rating = Satisfaction.rating(parse.text());
            if (rating.isPresent()) {
                Satisfaction.Rating given = rating.get();
                feedback = new Feedback(Feedback.Kind.CSAT, null, given.score(), given.comment(), survey.team(), journey);
                if (given.comment() == null) {
                    conversation.survey(new Survey(Survey.Step.COMMENT, survey.team()));
                    replies = Satisfaction.askComment(lang);
                } else {
                    replies = Satisfaction.thanks(lang);
                }
            }
        } else if (survey != null && survey.step() == Survey.Step.COMMENT && !Satisfaction.asksSomething(parse)) {
            feedback = Satisfaction.declines(parse.text()) ? null : Feedback.comment(parse.text());
            replies = Satisfaction.thanks(lang);
        } else {
            Optional<Boolean> thumb = Satisfaction.thumb(parse.text());
            // With an agent on the line, a thumb is for them to read, not the bot's to thank.
            OptionalLong answer = thumb.isPresent() && conversation.status() == Status.BOT
                    ? store.lastAnswer(conversation.id()) : OptionalLong.empty();
            if (answer.isPresent()) {
                feedback = Feedback.thumb(answer.getAsLong(), thumb.get(), journey);
                replies = Satisfaction.thanksForThumb(thumb.get(), lang);
            }
        }
        if (replies == null) {
            return Optional.empty();
        }
        List<Message> appended = new ArrayList<>();
        appended.add(new Message("user", parse.text(), clock.instant()));
        appended.addAll(botLines(replies));
        Turn thanks = new Turn(replies, parse.intent(), List.of(), false, conversation.status());
        store.commit(TurnCommit.of(conversation, appended, feedback, inboxEntry)
                .receipt(receipt(messageId, parse.text(), thanks)));
        events.committed(new ConversationEvents.Committed(conversation, appended, replies, false, null));
        return Optional.of(thanks);
    }

    private static MessageReceipt receipt(String messageId, String text, Turn turn) {
        return messageId == null ? null : new MessageReceipt(messageId, text, AnswerReceipts.write(turn), 0);
    }

    /**
     * An answer from the pages can be rated: its turn's record is what a thumb refers to. The thumbs
     * go right after the answer's source card, not after what follows it: under a journey's question
     * ("Combien de nuits ?") they would read as answers to it.
     */
    private static Turn rated(Turn turn, long recorded) {
        if (turn.fallback() || turn.sources().isEmpty() || recorded == 0) {
            return turn;
        }
        List<String> sources = turn.sources().stream().map(Reply.Card::sourceId).toList();
        List<Reply> replies = new ArrayList<>(turn.replies());
        int card = 0;
        while (card < replies.size() && !(replies.get(card) instanceof Reply.Cards cards
                && cards.items().stream().anyMatch(item -> sources.contains(item.sourceId())))) {
            card++;
        }
        replies.add(Math.min(card + 1, replies.size()), new Reply.Rating(recorded));
        return turn.withReplies(replies, turn.status());
    }

    /**
     * A thumb given outside the conversation's messages (the widget's buttons, an API client) on
     * {@code turn}, one of the conversation's answers from the pages; a second thumb on the same
     * answer replaces the first. Blocking: call in the conversation's turn.
     */
    public void rate(String conversationId, long turn, boolean useful, Predicate<Conversation> visible) {
        Conversation conversation = store.find(conversationId).filter(visible)
                .orElseThrow(() -> new NoSuchElementException("no conversation " + conversationId));
        if (!store.answeredFromPages(conversationId, turn)) {
            throw new IllegalArgumentException("turn " + turn + " is no answer from the pages in this conversation");
        }
        String journey = conversation.journey() == null ? null : conversation.journey().name();
        store.commit(TurnCommit.of(conversation, List.of(), Feedback.thumb(turn, useful, journey), null));
    }

    private List<Message> botLines(List<Reply> replies) {
        List<Message> lines = new ArrayList<>();
        for (Reply reply : replies) {
            if (reply instanceof Reply.Text t) {
                lines.add(new Message("bot", t.text(), clock.instant()));
            }
        }
        return lines;
    }

    private static List<Reply> concat(List<Reply> first, List<Reply> then) {
        List<Reply> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }
}
