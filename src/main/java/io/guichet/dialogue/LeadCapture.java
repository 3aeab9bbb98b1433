package io.guichet.dialogue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.JourneyState;
import io.guichet.conversation.JourneyState.Stage;
import io.guichet.lead.Lead;
import io.guichet.nlu.Entity;
import io.guichet.nlu.Parse;
import io.guichet.nlu.TextNormalizer;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * From a request to a lead, with the person's consent: the offer to pass the request on, then a
 * name, then an e-mail or a phone; the lead comes back in the {@link Turn} to be stored with it.
 * Also the message left for a team when no one can answer now. Without consent nothing personal
 * is kept.
 */
final class LeadCapture {
    /** Asked this many times without a contact, the request is dropped rather than asked for ever. */
    static final int MAX_ASKS = 3;
    /** A name has a few words; a longer message is something else said while a name was asked. */
    private static final int MAX_NAME_WORDS = 5;
    /** Two or three words with a capital, as a first name and a surname are written. */
    private static final Pattern CAPITALISED_NAME = Pattern.compile(
            "\\b(\\p{Lu}[\\p{Ll}'’-]+)(?:\\s+\\p{Lu}[\\p{Ll}'’-]+){1,2}\\b");
    /** Capitalised words that start a sentence rather than a name. */
    private static final java.util.Set<String> NOT_A_NAME = java.util.Set.of("je", "bonjour", "merci", "voici", "mon",
            "ma", "mes", "nous", "vous", "le", "la", "les", "un", "une", "hello", "thanks", "thank", "my", "our",
            "i", "we", "the", "here", "please", "salut", "cordialement", "regards", "best", "dear", "madame",
            "monsieur", "mr", "mrs", "ms");
    private static final Pattern NAME_PREFIX = Pattern.compile(
            "^(?i)(je m'appelle|je m’appelle|je suis|moi c'est|c'est|mon nom est|my name is|i'm|i am|this is|it's)\\s+");

    private final JourneyCatalogue catalogue;
    private final Phrases phrases;
    private final Clock clock;

    LeadCapture(JourneyCatalogue catalogue, Phrases phrases, Clock clock) {
        this.catalogue = catalogue;
        this.phrases = phrases;
        this.clock = clock;
    }

    /** What follows the summary of a request: the replies, and the lead when it is already complete. */
    record Outcome(List<Reply> replies, Lead lead) {
    }

    /**
     * Once the request is summed up: the offer to pass it on to the journey's team, with yes and
     * no to tap; or, when the person already gave a way to reach them (asking for proposals by
     * e-mail, leaving a number), the lead at once, or the one question of their name.
     */
    Outcome afterSummary(Conversation conversation, Journey journey, JourneyState state, String lang) {
        if (!state.reachable()) {
            return new Outcome(offer(journey, state, lang), null);
        }
        if (state.contactName() == null) {
            state.stage(Stage.CONTACT_NAME);
            return new Outcome(List.of(new Reply.Text(phrases.text("ask_name", lang))), null);
        }
        Lead lead = lead(conversation, journey, state, lang);
        return new Outcome(List.of(sent(journey, lang)), lead);
    }

    private List<Reply> offer(Journey journey, JourneyState state, String lang) {
        state.stage(Stage.CONSENT);
        return List.of(new Reply.Text(phrases.text("consent", lang, Map.of("team", journey.teamName(lang)))),
                new Reply.QuickReplies(phrases.list("yes_no", lang)));
    }

    /**
     * The name that comes with a contact the person gives on their own: "Claire Vasseur,
     * claire@…", "Karim Benali 06 …"; null when none stands out.
     */
    static String nameBeside(Parse parse) {
        String rest = parse.text();
        for (Entity entity : parse.entities()) {
            rest = rest.replace(entity.text(), " ");
        }
        Matcher names = CAPITALISED_NAME.matcher(rest);
        String name = null;
        while (names.find()) {
            if (!NOT_A_NAME.contains(TextNormalizer.fold(names.group(1)))) {
                name = names.group().strip();
            }
        }
        return name;
    }

    /**
     * No one can take the conversation now: asks for a name and a contact instead, so that the
     * team gets a lead with what the journey already knows. Returns the question to ask.
     */
    Reply takeMessage(Conversation conversation, String lang) {
        JourneyState state = conversation.journey();
        if (state == null || catalogue.of(conversation).isEmpty()) {
            state = new JourneyState(catalogue.messageForGeneral().name());
            conversation.journey(state);
        }
        state.stage(Stage.CONTACT_NAME);
        return new Reply.Text(phrases.text("ask_name_for_message", lang));
    }

    /** The next message once the questions are over: consent, then a name, then a contact. */
    Turn resume(Conversation conversation, Journey journey, JourneyState state, Parse parse) {
        return switch (state.stage()) {
            case CONSENT -> consent(conversation, journey, state, parse);
            case CONTACT_NAME -> contactName(conversation, state, parse);
            default -> contactDetails(conversation, journey, state, parse);
        };
    }

    private Turn consent(Conversation conversation, Journey journey, JourneyState state, Parse parse) {
        String lang = parse.lang();
        String email = entity(parse, "email");
        String phone = entity(parse, "phone");
        if (email != null || phone != null) {
            // "Envoyez-moi tout ça : Marc Leroy, marc@…": consent, a name and a contact in one message.
            state.contact(email, phone);
            if (state.contactName() == null) {
                state.contactName(nameBeside(parse));
            }
            Outcome outcome = afterSummary(conversation, journey, state, lang);
            return new Turn(outcome.replies(), parse.intent(), List.of(), false, conversation.status(), outcome.lead());
        }
        Boolean yes = SlotWords.yesOrNo(String.join(" ", TextNormalizer.tokens(parse.text())));
        if (yes == null) {
            return turn(parse, offer(journey, state, lang), conversation);
        }
        if (!yes) {
            state.stage(Stage.DONE);
            state.forgetContact();
            return turn(parse, List.of(new Reply.Text(phrases.text("consent_declined", lang))), conversation);
        }
        state.stage(Stage.CONTACT_NAME);
        return turn(parse, List.of(new Reply.Text(phrases.text("ask_name", lang))), conversation);
    }

    private Turn contactName(Conversation conversation, JourneyState state, Parse parse) {
        Boolean yes = SlotWords.yesOrNo(String.join(" ", TextNormalizer.tokens(parse.text())));
        if (Boolean.FALSE.equals(yes)) {
            // "non", "non merci": no name, so nothing to pass on.
            state.stage(Stage.DONE);
            state.forgetContact();
            return turn(parse, List.of(new Reply.Text(phrases.text("consent_declined", parse.lang()))), conversation);
        }
        String email = entity(parse, "email");
        String phone = entity(parse, "phone");
        String name = NAME_PREFIX.matcher(parse.text().strip()).replaceFirst("").replaceAll("[.!]+$", "").strip();
        if (email != null || phone != null) {
            // "Marc Dupont, 06 12 34 56 78", or the number alone: a way to reach them, with the name beside it if any.
            state.contact(email, phone);
            name = nameBeside(parse);
        } else if (yes != null || name.isEmpty() || name.length() > 80 || name.chars().noneMatch(Character::isLetter)
                || name.chars().anyMatch(Character::isDigit) || name.contains("@") || name.contains("?")
                || name.split("\\s+").length > MAX_NAME_WORDS) {
            name = null;
        }
        if (name == null) {
            state.ask("name");
            if (state.attempts() < MAX_ASKS) {
                return turn(parse, List.of(new Reply.Text(phrases.text("ask_name", parse.lang()))), conversation);
            }
            // Asked again and again: a request goes to a team under a name, so nothing is passed on, and no loop.
            String givenUp = state.reachable() ? "name_given_up" : "contact_given_up";
            state.stage(Stage.DONE);
            state.forgetContact();
            return turn(parse, List.of(new Reply.Text(phrases.text(givenUp, parse.lang()))), conversation);
        }
        state.contactName(name);
        state.answered();
        if (state.reachable() && catalogue.of(conversation).isPresent()) {
            Journey journey = catalogue.of(conversation).get();
            return new Turn(List.of(sent(journey, parse.lang())), parse.intent(), List.of(), false,
                    conversation.status(), lead(conversation, journey, state, parse.lang()));
        }
        state.stage(Stage.CONTACT_DETAILS);
        return turn(parse, List.of(new Reply.Text(phrases.text("ask_contact", parse.lang(), Map.of("name", name)))),
                conversation);
    }

    private Turn contactDetails(Conversation conversation, Journey journey, JourneyState state, Parse parse) {
        String lang = parse.lang();
        state.contact(entity(parse, "email"), entity(parse, "phone"));
        if (!state.reachable()) {
            state.ask("contact");
            if (state.attempts() >= MAX_ASKS) {
                state.stage(Stage.DONE);
                state.forgetContact();
                return turn(parse, List.of(new Reply.Text(phrases.text("contact_given_up", lang))), conversation);
            }
            return turn(parse, List.of(new Reply.Text(phrases.text("contact_invalid", lang))), conversation);
        }
        return new Turn(List.of(sent(journey, lang)), parse.intent(), List.of(), false, conversation.status(),
                lead(conversation, journey, state, lang));
    }

    /** The lead of the request as it stands; the journey is then done. */
    private Lead lead(Conversation conversation, Journey journey, JourneyState state, String lang) {
        Map<String, Object> request = new HashMap<>(state.slots());
        if (!state.notes().isEmpty()) {
            // What fitted no question goes to the team with the request.
            request.put("notes", List.copyOf(state.notes()));
        }
        state.stage(Stage.DONE);
        state.answered();
        return new Lead(0, conversation.id(), journey.name(), journey.teamId(), lang, state.contactName(),
                state.contactEmail(), state.contactPhone(), Map.copyOf(request), clock.instant());
    }

    private Reply sent(Journey journey, String lang) {
        return new Reply.Text(phrases.text("lead_sent", lang, Map.of("team", journey.teamName(lang))));
    }

    /** The first entity of that type in the message, as text; null when there is none. */
    static String entity(Parse parse, String type) {
        return parse.entities().stream().filter(e -> e.type().equals(type)).map(Entity::value).map(Object::toString)
                .findFirst().orElse(null);
    }

    private static Turn turn(Parse parse, List<Reply> replies, Conversation conversation) {
        return new Turn(replies, parse.intent(), List.of(), false, conversation.status());
    }
}
