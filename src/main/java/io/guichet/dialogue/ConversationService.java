package io.guichet.dialogue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.ConversationStore;
import io.guichet.conversation.Message;
import io.guichet.conversation.Status;
import io.guichet.kb.KnowledgeBase;
import io.guichet.kb.SearchHit;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.IntentScore;
import io.guichet.nlu.Intents;
import io.guichet.nlu.Parse;
import io.guichet.nlu.Understanding;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a user's message through a conversation: understand it, decide the answer, record both.
 * Answers only say what the knowledge base says; when nothing trustworthy is found the bot says
 * so and offers a person. Blocking (embedding, search): call from a worker thread.
 */
public final class ConversationService {
    /** How many documents a journey's acknowledgement shows as cards. */
    private static final int JOURNEY_CARDS = 3;
    /** An extractive answer quotes at most this much of the best passage. */
    private static final int ANSWER_CHARS = 600;

    private final Understanding understanding;
    private final KnowledgeBase knowledge;
    private final ConversationStore store;
    private final IntentReplies intentReplies;
    private final Phrases phrases = Phrases.shipped();
    private final Clock clock;

    public ConversationService(Understanding understanding, KnowledgeBase knowledge, ConversationStore store,
                               List<IntentFile> intents, Clock clock) {
        this.understanding = understanding;
        this.knowledge = knowledge;
        this.store = store;
        this.intentReplies = new IntentReplies(intents);
        this.clock = clock;
    }

    public Conversation open(String channel, String lang) {
        return store.create(channel, lang);
    }

    public Optional<Conversation> find(String id) {
        return store.find(id);
    }

    /** Handles one message of the conversation; {@code now} is the user's today (dates resolve against it). */
    public Turn post(Conversation conversation, String text, LocalDate now) {
        synchronized (conversation) {
            Parse parse = understanding.parse(text, null, conversation.lang(), now);
            conversation.lang(parse.lang());
            List<Message> appended = new ArrayList<>();
            appended.add(new Message("user", text, clock.instant()));
            Turn turn = decide(conversation, parse);
            conversation.status(turn.status());
            for (Reply reply : turn.replies()) {
                if (reply instanceof Reply.Text t) {
                    appended.add(new Message("bot", t.text(), clock.instant()));
                }
            }
            store.save(conversation, appended);
            appended.forEach(conversation::append);
            return turn;
        }
    }

    private Turn decide(Conversation conversation, Parse parse) {
        String lang = parse.lang();
        IntentScore intent = parse.intent();
        int turnNumber = conversation.messages().size();
        Status status = conversation.status();
        if (intent.name().equals(Intents.HUMAN_HANDOFF)) {
            String text = Optional.ofNullable(intentReplies.pick(intent.name(), lang, turnNumber))
                    .orElse(phrases.text("waiting_agent", lang));
            return new Turn(List.of(new Reply.Text(text)), intent, List.of(), false, Status.WAITING_AGENT);
        }
        if (Intents.isJourney(intent.name())) {
            return journey(parse, turnNumber, status);
        }
        if (!intent.name().equals(Intents.NONE)) {
            List<Reply> replies = new ArrayList<>();
            Optional.ofNullable(intentReplies.pick(intent.name(), lang, turnNumber))
                    .ifPresent(text -> replies.add(new Reply.Text(text)));
            if (intent.name().equals(Intents.GREETING)) {
                replies.add(new Reply.QuickReplies(phrases.list("journeys_menu", lang)));
            }
            return new Turn(replies, intent, List.of(), false, status);
        }
        return answer(parse, status);
    }

    /** A journey's first step (journeys proper come later): acknowledge, then the journey's best pages. */
    private Turn journey(Parse parse, int turnNumber, Status status) {
        String lang = parse.lang();
        String name = parse.intent().name();
        List<SearchHit> hits = knowledge.search(parse.text(), JOURNEY_CARDS, lang, d -> name.equals(d.journey()));
        List<Reply> replies = new ArrayList<>();
        String acknowledgement = intentReplies.pick(name, lang, turnNumber);
        if (acknowledgement != null) {
            replies.add(new Reply.Text(acknowledgement));
        }
        List<Reply.Card> cards = hits.stream().map(ConversationService::card).toList();
        if (!cards.isEmpty()) {
            replies.add(new Reply.Text(phrases.text("journey_cards", lang)));
            replies.add(new Reply.Cards(cards));
        }
        return new Turn(replies, parse.intent(), cards, false, status);
    }

    /** An information question: quote the best passage when it is trusted, else say we don't know. */
    private Turn answer(Parse parse, Status status) {
        String lang = parse.lang();
        List<SearchHit> hits = knowledge.search(parse.text(), 3, lang);
        if (hits.isEmpty() || hits.get(0).score() < KnowledgeBase.TRUSTED) {
            List<Reply> replies = List.of(new Reply.Text(phrases.text("fallback", lang)),
                    new Reply.QuickReplies(List.of(phrases.text("ask_human", lang))));
            return new Turn(replies, parse.intent(), List.of(), true, status);
        }
        SearchHit best = hits.get(0);
        Reply.Card card = card(best);
        List<Reply> replies = List.of(
                new Reply.Text(phrases.text("answer_intro", lang, Map.of("title", best.document().title()))),
                new Reply.Text(quote(best.passage())),
                new Reply.Cards(List.of(card)));
        return new Turn(replies, parse.intent(), List.of(card), false, status);
    }

    private static Reply.Card card(SearchHit hit) {
        return new Reply.Card(hit.document().title(), hit.document().url(), hit.id());
    }

    /** The passage up to {@link #ANSWER_CHARS}, cut after a whole sentence or line where possible. */
    static String quote(String passage) {
        if (passage.length() <= ANSWER_CHARS) {
            return passage;
        }
        String head = passage.substring(0, ANSWER_CHARS);
        int cut = Math.max(head.lastIndexOf(". "), head.lastIndexOf('\n'));
        return cut > ANSWER_CHARS / 3 ? head.substring(0, cut + 1).strip() : head.strip() + "…";
    }
}
