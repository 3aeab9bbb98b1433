package io.guichet.dialogue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.ConversationStore;
import io.guichet.conversation.Message;
import io.guichet.conversation.Status;
import io.guichet.kb.KnowledgeBase;
import io.guichet.lead.LeadStore;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.IntentScore;
import io.guichet.nlu.Intents;
import io.guichet.nlu.Parse;
import io.guichet.nlu.Understanding;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Takes a user's message through a conversation: understand it, decide the answer, record both
 * before replying. A journey under way takes the message first; otherwise a journey intent starts
 * one, and a question is answered from the knowledge base, quoting it, or honestly not at all,
 * with the offer of a person. Blocking (embedding, search, store): call from a worker thread.
 */
public final class ConversationService {
    private final Understanding understanding;
    private final ConversationStore store;
    private final IntentReplies intentReplies;
    private final Phrases phrases = Phrases.shipped();
    private final Answers answers;
    private final JourneyPolicy journeys;
    private final Clock clock;
    private final List<String> intentTeams;
    private volatile ConversationEvents events = ConversationEvents.NONE;
    private volatile Staffing staffing = Staffing.ALWAYS;

    public ConversationService(Understanding understanding, KnowledgeBase knowledge, ConversationStore store,
                               LeadStore leads, List<IntentFile> intents, Clock clock) {
        this.understanding = understanding;
        this.store = store;
        this.intentReplies = new IntentReplies(intents);
        this.answers = new Answers(knowledge, phrases);
        Map<String, Journey> declared = new HashMap<>();
        intents.forEach(file -> Journey.from(file).ifPresent(j -> declared.put(j.name(), j)));
        this.intentTeams = declared.values().stream().map(Journey::teamId).distinct().toList();
        this.journeys = new JourneyPolicy(Map.copyOf(declared), phrases, intentReplies, answers,
                new Recommender(knowledge), leads, clock);
        this.clock = clock;
    }

    /** Who is told of every turn as it is stored: the live views. */
    public void tell(ConversationEvents events) {
        this.events = events;
    }

    /** Who says whether a team can take a conversation handed off, and after how long. */
    public void staffedBy(Staffing staffing) {
        this.staffing = staffing;
    }

    /** The teams conversations go to, id to name in {@code lang}: the journeys' teams and the general one. */
    public Map<String, String> teams(String lang) {
        Map<String, String> teams = new TreeMap<>();
        teams.put(JourneyPolicy.GENERAL_TEAM, journeys.teamName(JourneyPolicy.GENERAL_TEAM, lang));
        intentTeams.forEach(team -> teams.put(team, journeys.teamName(team, lang)));
        return teams;
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
    public Turn post(Conversation conversation, String text, LocalDate now) {
        synchronized (conversation) {
            Parse parse = understanding.parse(text, null, conversation.lang(), now);
            conversation.lang(parse.lang());
            List<Message> appended = new ArrayList<>();
            appended.add(new Message("user", text, clock.instant()));
            Status before = conversation.status();
            String teamBefore = conversation.team();
            if (before == Status.CLOSED) {
                // Writing again after a close opens a new exchange with the bot.
                conversation.status(Status.BOT);
            }
            // An agent holds the conversation: the bot stays silent, the agent reads the message.
            Turn turn = conversation.status() == Status.AGENT
                    ? new Turn(List.of(), parse.intent(), List.of(), false, Status.AGENT)
                    : decide(conversation, parse, now);
            if (turn.status() == Status.WAITING_AGENT && before != Status.WAITING_AGENT) {
                turn = handOff(conversation, turn, parse.lang());
            } else {
                conversation.status(turn.status());
            }
            for (Reply reply : turn.replies()) {
                if (reply instanceof Reply.Text t) {
                    appended.add(new Message("bot", t.text(), clock.instant()));
                }
            }
            store.save(conversation, appended);
            appended.forEach(conversation::append);
            events.appended(conversation, appended, turn.replies());
            if (conversation.status() != before || !Objects.equals(teamBefore, conversation.team())) {
                events.changed(conversation);
            }
            return turn;
        }
    }

    /**
     * Puts the conversation in its team's queue and tells the user what comes next: the
     * expected wait, or, when no one of the team can answer now, the offer to leave a message.
     */
    private Turn handOff(Conversation conversation, Turn turn, String lang) {
        String team = journeys.team(conversation);
        conversation.waitForAgent(team, clock.instant());
        Staffing.Availability availability = staffing.availability(team);
        String teamName = journeys.teamName(team, lang);
        List<Reply> replies = new ArrayList<>();
        if (!availability.staffed()) {
            replies.add(new Reply.Text(phrases.text("no_agent", lang, Map.of("team", teamName))));
            replies.add(journeys.takeMessage(conversation, lang));
        } else if (availability.expectedWait() != null) {
            long minutes = Math.max(1, (availability.expectedWait().toSeconds() + 59) / 60);
            replies.add(new Reply.Text(phrases.text("waiting_agent_eta", lang,
                    Map.of("team", teamName, "minutes", Long.toString(minutes)))));
        } else {
            replies.addAll(turn.replies());
        }
        return new Turn(replies, turn.intent(), turn.sources(), turn.fallback(), Status.WAITING_AGENT);
    }

    private Turn decide(Conversation conversation, Parse parse, LocalDate now) {
        String lang = parse.lang();
        IntentScore intent = parse.intent();
        int turnNumber = conversation.messages().size();
        Status status = conversation.status();
        if (journeys.underWay(conversation)) {
            return journeys.resume(conversation, parse, now, turnNumber);
        }
        if (journeys.declares(intent.name())) {
            return journeys.start(conversation, parse, now, turnNumber);
        }
        if (intent.name().equals(Intents.HUMAN_HANDOFF)) {
            String text = Optional.ofNullable(intentReplies.pick(intent.name(), lang, turnNumber))
                    .orElse(phrases.text("waiting_agent", lang));
            return new Turn(List.of(new Reply.Text(text)), intent, List.of(), false, Status.WAITING_AGENT);
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
        return answers.answer(parse)
                .map(answer -> new Turn(answer.replies(), intent, List.of(answer.source()), false, status))
                .orElseGet(() -> failedJustBefore(conversation)
                        ? new Turn(List.of(new Reply.Text(phrases.text("failed_twice", lang))), intent, List.of(), true,
                                Status.WAITING_AGENT)
                        : new Turn(List.of(new Reply.Text(phrases.text("fallback", lang)),
                                new Reply.QuickReplies(List.of(phrases.text("ask_human", lang)))), intent, List.of(),
                                true, status));
    }

    /** Whether the bot's last words were already a failure to answer: a second one hands the user over. */
    private boolean failedJustBefore(Conversation conversation) {
        List<Message> messages = conversation.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message message = messages.get(i);
            if (message.from().equals("bot")) {
                return message.text().equals(phrases.text("fallback", "fr"))
                        || message.text().equals(phrases.text("fallback", "en"));
            }
        }
        return false;
    }
}
