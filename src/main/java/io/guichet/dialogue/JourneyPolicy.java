package io.guichet.dialogue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.JourneyState;
import io.guichet.conversation.JourneyState.Stage;
import io.guichet.conversation.Status;
import io.guichet.kb.SearchHit;
import io.guichet.lead.Lead;
import io.guichet.nlu.Entity;
import io.guichet.nlu.IntentScore;
import io.guichet.nlu.Intents;
import io.guichet.nlu.Parse;
import io.guichet.nlu.TextNormalizer;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Walks a person through a journey: fills every slot a message gives, asks only what is still
 * missing, refuses what cannot be, answers a question on the way and comes back, lets the person
 * correct, skip an optional question, cancel or change journey. Once the required slots are
 * known it recommends, sums the request up and offers to pass it on; with consent it takes a
 * name and a contact, and the turn carries the lead to be stored. Without consent nothing personal is kept.
 */
final class JourneyPolicy {
    /** Asked this many times without an answer, a question gives way to the offer of a person. */
    static final int MAX_ASKS = 3;
    /** A journey other than the current one must be this sure to take over. */
    static final double SWITCH_CONFIDENCE = 0.6;
    /** The team of conversations handed off outside any journey. */
    static final String GENERAL_TEAM = "general";
    /**
     * The journey of a message left for the general team when no one can take the conversation:
     * no questions, only the name and contact that make it a lead.
     */
    private static final Journey MESSAGE_FOR_GENERAL = new Journey(Intents.HUMAN_HANDOFF, GENERAL_TEAM,
            Map.of("fr", "notre équipe", "en", "our team"), List.of());
    private static final Set<String> CANCEL = Set.of("laisse tomber", "laissez tomber", "annule", "annuler",
            "on annule", "oublie", "oubliez", "on arrete", "arrete", "stop", "cancel", "forget it", "never mind",
            "nevermind", "abandon", "abandonner");
    private static final int CANCEL_MAX_WORDS = 6;
    /** A question mark, or a question word first (folded text). */
    private static final Pattern QUESTION = Pattern.compile("\\?\\s*$|^(quel|quelle|quels|quelles|ou |comment|combien"
            + "|quand|pourquoi|est-ce|a quelle|what|where|how|when|which|why|is there|are there|can i|do you|does)");
    private static final Pattern NAME_PREFIX = Pattern.compile(
            "^(?i)(je m'appelle|je m’appelle|je suis|moi c'est|c'est|mon nom est|my name is|i'm|i am|this is|it's)\\s+");

    private final Map<String, Journey> journeys;
    private final Phrases phrases;
    private final IntentReplies intentReplies;
    private final Answers answers;
    private final Recommender recommender;
    private final Clock clock;

    JourneyPolicy(Map<String, Journey> journeys, Phrases phrases, IntentReplies intentReplies, Answers answers,
                  Recommender recommender, Clock clock) {
        this.journeys = journeys;
        this.phrases = phrases;
        this.intentReplies = intentReplies;
        this.answers = answers;
        this.recommender = recommender;
        this.clock = clock;
    }

    boolean declares(String intent) {
        return journeys.containsKey(intent);
    }

    /** The team a conversation goes to when handed off: its journey's, else the team for everything else. */
    String team(Conversation conversation) {
        return journeyOf(conversation).map(Journey::teamId).orElse(GENERAL_TEAM);
    }

    /** The team's name as users read it ("le bureau des congrès…"), for the journeys' teams and the general one. */
    String teamName(String teamId, String lang) {
        return journeys.values().stream().filter(j -> j.teamId().equals(teamId)).findFirst()
                .orElse(MESSAGE_FOR_GENERAL).teamName(lang);
    }

    /** Whether the conversation is in a journey that this policy knows. */
    boolean underWay(Conversation conversation) {
        JourneyState state = conversation.journey();
        return state != null && state.active() && journeyOf(conversation).isPresent();
    }

    /**
     * No one can take the conversation now: asks for a name and a contact instead, so that the
     * team gets a lead with what the journey already knows. Returns the question to ask.
     */
    Reply takeMessage(Conversation conversation, String lang) {
        JourneyState state = conversation.journey();
        if (state == null || journeyOf(conversation).isEmpty()) {
            state = new JourneyState(MESSAGE_FOR_GENERAL.name());
            conversation.journey(state);
        }
        state.stage(Stage.CONTACT_NAME);
        return new Reply.Text(phrases.text("ask_name_for_message", lang));
    }

    private Optional<Journey> journeyOf(Conversation conversation) {
        JourneyState state = conversation.journey();
        if (state == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(journeys.get(state.name()))
                .or(() -> Optional.of(MESSAGE_FOR_GENERAL).filter(j -> j.name().equals(state.name())));
    }

    /** Starts the journey the message asks for, keeping what an earlier journey already knew. */
    Turn start(Conversation conversation, Parse parse, LocalDate now, int turnNumber) {
        Journey journey = journeys.get(parse.intent().name());
        JourneyState state = new JourneyState(journey.name());
        JourneyState previous = conversation.journey();
        if (previous != null) {
            previous.slots().forEach((name, value) -> journey.slot(name).ifPresent(s -> state.slots().put(name, value)));
        }
        conversation.journey(state);
        List<Reply> replies = new ArrayList<>();
        Optional.ofNullable(intentReplies.pick(journey.name(), parse.lang(), turnNumber))
                .ifPresent(text -> replies.add(new Reply.Text(text)));
        SlotFiller.Filling filling = SlotFiller.fill(journey, state, parse, now);
        state.slots().putAll(filling.values());
        return proceed(conversation, journey, state, parse, filling, replies, List.of());
    }

    /** The next message of a journey under way. */
    Turn resume(Conversation conversation, Parse parse, LocalDate now, int turnNumber) {
        JourneyState state = conversation.journey();
        Journey journey = journeyOf(conversation).orElseThrow();
        String lang = parse.lang();
        List<String> words = TextNormalizer.tokens(parse.text());
        if (!isQuestion(parse) && words.size() <= CANCEL_MAX_WORDS && containsPhrase(words, CANCEL)) {
            state.stage(Stage.CANCELLED);
            return turn(parse, List.of(new Reply.Text(phrases.text("cancelled", lang)),
                    new Reply.QuickReplies(phrases.list("journeys_menu", lang))), List.of(), conversation.status());
        }
        return switch (state.stage()) {
            case CONSENT -> consent(conversation, journey, state, parse);
            case CONTACT_NAME -> contactName(conversation, journey, state, parse);
            case CONTACT_DETAILS -> contactDetails(conversation, journey, state, parse);
            default -> collect(conversation, journey, state, parse, now, turnNumber);
        };
    }

    private Turn collect(Conversation conversation, Journey journey, JourneyState state, Parse parse, LocalDate now,
                         int turnNumber) {
        String lang = parse.lang();
        IntentScore intent = parse.intent();
        // A question is a question first, even when it names a date or a number ("open on Sunday?").
        if (isQuestion(parse) && !intent.name().equals(journey.name())) {
            Optional<Turn> digression = digression(conversation, journey, state, parse);
            if (digression.isPresent()) {
                return digression.get();
            }
        }
        SlotFiller.Filling filling = SlotFiller.fill(journey, state, parse, now);
        if (!filling.said() && filling.refusals().isEmpty()) {
            if (declares(intent.name()) && !intent.name().equals(journey.name())
                    && intent.confidence() >= SWITCH_CONFIDENCE) {
                return start(conversation, parse, now, turnNumber);
            }
            if (intent.name().equals(Intents.HUMAN_HANDOFF)) {
                String text = Optional.ofNullable(intentReplies.pick(intent.name(), lang, turnNumber))
                        .orElse(phrases.text("waiting_agent", lang));
                return turn(parse, List.of(new Reply.Text(text)), List.of(), Status.WAITING_AGENT);
            }
            // A question on the way: its intent may be none, or a journey not sure enough to take over.
            if (intent.name().equals(Intents.NONE) || declares(intent.name())) {
                Optional<Turn> digression = digression(conversation, journey, state, parse);
                if (digression.isPresent()) {
                    return digression.get();
                }
            }
        }
        filling.values().forEach(state.slots()::put);
        if (filling.skipped() && state.awaiting() != null) {
            state.skipped().add(state.awaiting());
        }
        List<Reply> replies = new ArrayList<>();
        if (!filling.said() && filling.refusals().isEmpty() && state.awaiting() != null) {
            if (state.attempts() >= MAX_ASKS) {
                state.answered();
                return turn(parse, List.of(new Reply.Text(phrases.text("offer_person", lang,
                                Map.of("team", journey.teamName(lang)))),
                        new Reply.QuickReplies(List.of(phrases.text("ask_human", lang)))), List.of(),
                        conversation.status(), true);
            }
            replies.add(new Reply.Text(phrases.text("not_understood", lang)));
        }
        return proceed(conversation, journey, state, parse, filling, replies, List.of());
    }

    /** The knowledge base's answer to a question asked on the way, then the pending question again. */
    private Optional<Turn> digression(Conversation conversation, Journey journey, JourneyState state, Parse parse) {
        return answers.answer(parse).map(answer -> {
            List<Reply> replies = new ArrayList<>(answer.replies());
            replies.add(new Reply.Text(phrases.text("resume", parse.lang())));
            question(journey, state, parse.lang(), replies, false);
            return turn(parse, replies, List.of(answer.source()), conversation.status());
        });
    }

    /** After filling: explain refusals, ask the next question, or conclude with recommendations. */
    private Turn proceed(Conversation conversation, Journey journey, JourneyState state, Parse parse,
                         SlotFiller.Filling filling, List<Reply> replies, List<Reply.Card> sources) {
        String lang = parse.lang();
        for (SlotFiller.Refusal refusal : filling.refusals()) {
            replies.add(new Reply.Text(refusalText(refusal, lang)));
        }
        if (!filling.refusals().isEmpty()) {
            Slot refused = filling.refusals().get(0).slot();
            state.ask(refused.name());
            replies.addAll(questionReplies(refused, lang));
            return turn(parse, replies, sources, conversation.status());
        }
        if (journey.nextToAsk(state).isPresent()) {
            question(journey, state, lang, replies, true);
            return turn(parse, replies, sources, conversation.status());
        }
        return conclude(conversation, journey, state, parse, replies);
    }

    private void question(Journey journey, JourneyState state, String lang, List<Reply> replies, boolean count) {
        journey.nextToAsk(state).ifPresent(slot -> {
            if (count) {
                state.ask(slot.name());
            }
            replies.addAll(questionReplies(slot, lang));
        });
    }

    private List<Reply> questionReplies(Slot slot, String lang) {
        List<String> options = new ArrayList<>();
        if (slot.type() == Slot.Type.CHOICE) {
            slot.choices().forEach(c -> options.add(c.label(lang)));
        } else if (slot.type() == Slot.Type.YES_NO) {
            options.addAll(phrases.list("yes_no", lang));
        }
        if (!slot.required()) {
            options.add(phrases.text("skip", lang));
        }
        List<Reply> replies = new ArrayList<>();
        replies.add(new Reply.Text(slot.question(lang)));
        if (!options.isEmpty()) {
            replies.add(new Reply.QuickReplies(options));
        }
        return replies;
    }

    private Turn conclude(Conversation conversation, Journey journey, JourneyState state, Parse parse,
                          List<Reply> replies) {
        String lang = parse.lang();
        state.answered();
        state.complete(journey.complete(state));
        String summary = summary(journey, state, lang);
        replies.add(new Reply.Text(phrases.text("summary", lang, Map.of("summary", summary))));
        List<SearchHit> hits = recommender.recommend(journey, state, rankingRequest(journey, state, lang, summary), lang);
        List<Reply.Card> cards = hits.stream().map(Answers::card).toList();
        if (cards.isEmpty()) {
            replies.add(new Reply.Text(phrases.text("no_recommendation", lang)));
        } else {
            replies.add(new Reply.Text(phrases.text("recommendations", lang)));
            replies.add(new Reply.Cards(cards));
        }
        replies.add(new Reply.Text(phrases.text("consent", lang, Map.of("team", journey.teamName(lang)))));
        replies.add(new Reply.QuickReplies(phrases.list("yes_no", lang)));
        state.stage(Stage.CONSENT);
        return turn(parse, replies, cards, conversation.status());
    }

    private Turn consent(Conversation conversation, Journey journey, JourneyState state, Parse parse) {
        String lang = parse.lang();
        Boolean yes = SlotFiller.yesOrNo(String.join(" ", TextNormalizer.tokens(parse.text())));
        if (yes == null) {
            return turn(parse, List.of(new Reply.Text(phrases.text("consent", lang,
                    Map.of("team", journey.teamName(lang)))), new Reply.QuickReplies(phrases.list("yes_no", lang))),
                    List.of(), conversation.status());
        }
        if (!yes) {
            state.stage(Stage.DONE);
            return turn(parse, List.of(new Reply.Text(phrases.text("consent_declined", lang))), List.of(),
                    conversation.status());
        }
        state.stage(Stage.CONTACT_NAME);
        return turn(parse, List.of(new Reply.Text(phrases.text("ask_name", lang))), List.of(), conversation.status());
    }

    private Turn contactName(Conversation conversation, Journey journey, JourneyState state, Parse parse) {
        String name = NAME_PREFIX.matcher(parse.text().strip()).replaceFirst("").replaceAll("[.!]+$", "").strip();
        if (name.isEmpty() || name.length() > 80 || name.chars().noneMatch(Character::isLetter)
                || name.chars().anyMatch(Character::isDigit) || name.contains("@")) {
            return turn(parse, List.of(new Reply.Text(phrases.text("ask_name", parse.lang()))), List.of(),
                    conversation.status());
        }
        state.contactName(name);
        state.stage(Stage.CONTACT_DETAILS);
        state.answered();
        return turn(parse, List.of(new Reply.Text(phrases.text("ask_contact", parse.lang(), Map.of("name", name)))),
                List.of(), conversation.status());
    }

    private Turn contactDetails(Conversation conversation, Journey journey, JourneyState state, Parse parse) {
        String lang = parse.lang();
        String email = entity(parse, "email");
        String phone = entity(parse, "phone");
        if (email == null && phone == null) {
            state.ask("contact");
            if (state.attempts() >= MAX_ASKS) {
                state.stage(Stage.DONE);
                state.contactName(null);
                return turn(parse, List.of(new Reply.Text(phrases.text("contact_given_up", lang))), List.of(),
                        conversation.status());
            }
            return turn(parse, List.of(new Reply.Text(phrases.text("contact_invalid", lang))), List.of(),
                    conversation.status());
        }
        Lead lead = new Lead(0, conversation.id(), journey.name(), journey.teamId(), lang, state.contactName(), email,
                phone, Map.copyOf(state.slots()), clock.instant());
        state.stage(Stage.DONE);
        state.answered();
        return new Turn(List.of(new Reply.Text(phrases.text("lead_sent", lang, Map.of("team", journey.teamName(lang))))),
                parse.intent(), List.of(), false, conversation.status(), lead);
    }

    private static String entity(Parse parse, String type) {
        return parse.entities().stream().filter(e -> e.type().equals(type)).map(Entity::value).map(Object::toString)
                .findFirst().orElse(null);
    }

    private String refusalText(SlotFiller.Refusal refusal, String lang) {
        Slot slot = refusal.slot();
        Double bound = refusal.reason().equals("too_small") ? slot.min() : slot.max();
        return phrases.text("refused_" + refusal.reason(), lang, Map.of("label", slot.label(lang),
                "bound", bound == null ? "" : NumberFormat.getIntegerInstance(locale(lang)).format(bound)));
    }

    /** "Participants : 40, Dates : du 12 mars 2027 au 14 mars 2027, …", in the slots' order. */
    String summary(Journey journey, JourneyState state, String lang) {
        return summary(journey, state, lang, slot -> true);
    }

    /**
     * What the recommendations are ranked against: the answers given in words (choices, yes or
     * no, free text), or the whole summary when there are none. Counts, dates and amounts rule
     * documents out through their facts instead, and in a sentence vector a number matches
     * nothing; without them a request takes a few forms per journey, so its vector comes from
     * the embedder's cache instead of costing a model call (two, with its translation) per
     * conversation.
     */
    private String rankingRequest(Journey journey, JourneyState state, String lang, String summary) {
        String inWords = summary(journey, state, lang, slot -> slot.type().entityType() == null);
        return inWords.isEmpty() ? summary : inWords;
    }

    private String summary(Journey journey, JourneyState state, String lang, Predicate<Slot> included) {
        List<String> parts = new ArrayList<>();
        String separator = "fr".equals(lang) ? " : " : ": ";
        for (Slot slot : journey.slots()) {
            Object value = state.slots().get(slot.name());
            if (value != null && included.test(slot)) {
                parts.add(slot.label(lang) + separator + display(slot, value, lang));
            }
        }
        return String.join(", ", parts);
    }

    private String display(Slot slot, Object value, String lang) {
        Locale locale = locale(lang);
        if (value instanceof Map<?, ?> range) {
            DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
            String start = format.format(LocalDate.parse((String) range.get("start")));
            String end = format.format(LocalDate.parse((String) range.get("end")));
            return start.equals(end) ? start : ("fr".equals(lang) ? "du " + start + " au " + end : start + " to " + end);
        }
        if (value instanceof Boolean yes) {
            return phrases.text(yes ? "value_yes" : "value_no", lang);
        }
        if (slot.type() == Slot.Type.CHOICE) {
            return slot.choices().stream().filter(c -> c.value().equals(value)).findFirst()
                    .map(c -> c.label(lang)).orElse(String.valueOf(value));
        }
        if (value instanceof Number number) {
            String amount = NumberFormat.getIntegerInstance(locale).format(number.doubleValue());
            return switch (slot.type()) {
                case BUDGET_EUR -> amount + " €";
                case SURFACE_M2 -> amount + " m²";
                default -> amount;
            };
        }
        return String.valueOf(value);
    }

    private static Locale locale(String lang) {
        return "en".equals(lang) ? Locale.UK : Locale.FRANCE;
    }

    private static boolean isQuestion(Parse parse) {
        return QUESTION.matcher(TextNormalizer.fold(parse.text().strip())).find();
    }

    private static boolean containsPhrase(List<String> words, Set<String> phrases) {
        String text = " " + String.join(" ", words) + " ";
        return phrases.stream().anyMatch(p -> text.contains(" " + p + " "));
    }

    private static Turn turn(Parse parse, List<Reply> replies, List<Reply.Card> sources, Status status) {
        return turn(parse, replies, sources, status, false);
    }

    private static Turn turn(Parse parse, List<Reply> replies, List<Reply.Card> sources, Status status,
                             boolean fallback) {
        return new Turn(replies, parse.intent(), sources, fallback, status);
    }
}
