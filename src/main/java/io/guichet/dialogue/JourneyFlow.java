package io.guichet.dialogue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.JourneyState;
import io.guichet.conversation.JourneyState.Stage;
import io.guichet.conversation.Status;
import io.guichet.generation.SlotProposals;
import io.guichet.kb.SearchHit;
import io.guichet.nlu.IntentScore;
import io.guichet.nlu.Intents;
import io.guichet.nlu.DateRange;
import io.guichet.nlu.Entity;
import io.guichet.nlu.Parse;
import io.guichet.nlu.SchoolCalendar;
import io.guichet.nlu.TextNormalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a person through a journey the way people talk: every message fills every slot it speaks
 * to, whatever was asked, and corrects what was said before; a question on the way is answered
 * when the pages answer it; a remark that fits no question is kept for the team; an
 * acknowledgement is taken as one. The bot never asks for what it holds: a question that was not
 * answered is asked once more in other words, then set aside for the team. Once the questions
 * are over it sums the request up, recommends, and hands over to {@link LeadCapture}. The person
 * may cancel, or change journey.
 */
final class JourneyFlow {
    /** A journey other than the current one must be this sure to take over. */
    static final double SWITCH_CONFIDENCE = 0.6;
    /**
     * A remark on the way asks nothing: a page of the journey's field is quoted beside it only when
     * it states it clearly, well past the trust a question's answer needs.
     */
    private static final double REMARK_ANSWERED = 0.6;
    /** Below even odds, the intent engine's "out of scope" is a guess. */
    private static final double SURELY_OUT_OF_SCOPE = 0.5;
    private static final Set<String> CLOSINGS = Set.of(Intents.THANKS, Intents.GOODBYE);
    private static final Logger LOG = LoggerFactory.getLogger(JourneyFlow.class);
    /** How many of the person's earlier messages a journey that starts reads for facts. */
    static final int RECALLED = 6;
    /** A question asked this many times without an answer is set aside. */
    static final int MAX_ASKS = 2;
    private static final Set<String> CANCEL = Set.of("laisse tomber", "laissez tomber", "annule", "annuler",
            "on annule", "oublie", "oubliez", "on arrete", "arrete", "stop", "cancel", "forget it", "never mind",
            "nevermind", "abandon", "abandonner");
    private static final int CANCEL_MAX_WORDS = 6;
    /** Words that acknowledge without saying anything new. */
    private static final Set<String> ACKNOWLEDGEMENTS = Set.of("ok", "okay", "oki", "d accord", "daccord", "merci",
            "merci beaucoup", "parfait", "super", "top", "tres bien", "bien", "entendu", "compris", "ca marche",
            "ah d accord", "ah ok", "bon", "bon d accord", "thanks", "thank you", "great", "perfect", "fine", "got it",
            "cool", "right", "alright", "all right", "sounds good", "noted");
    /** A request for a person, in words (folded text). */
    private static final Pattern PERSON_WANTED = Pattern.compile("\\b(?:(?:parler|echanger|discuter|voir ca|voir cela"
            + "|m.entretenir|etre mise? en (?:relation|contact)) (?:directement )?(?:avec|a|au)|me passer|passez.moi"
            + "|joindre) (?:un |une |un vrai |une vraie |le |la |l.)?(?:conseill\\w*|humain|personne|agent|interlocut\\w*"
            + "|quelqu.un)|\\bavoir (?:un |une )?(?:conseill\\w*|humain|quelqu.un)|\\bquelqu.un au telephone"
            + "|\\b(?:speak|talk|chat) (?:directly )?(?:to|with) (?:someone|somebody|a person|a human|a real person|an agent"
            + "|an advisor|a consultant|your \\w+ (?:manager|advisor|team)|a member of)|\\b(?:real|actual|live) (?:person"
            + "|human|agent)\\b|\\bput me through\\b");
    /** What ends a clause before a question: "…, un hôtel pas trop cher ?", "… le 12. Où dormir ?". */
    private static final String CLAUSE_ENDS = ",;.!?:\n";
    /** A clause of fewer words ("ok ?", "non ?") asks nothing the pages could answer. */
    private static final int MIN_CLAUSE_WORDS = 2;
    /** A question mark, or a question word first, as written or as chatted ("c koi", "kel"), in folded text. */
    private static final Pattern QUESTION = Pattern.compile("\\?\\s*$|^(quel|quelle|quels|quelles|que |qu'|ou "
            + "|comment|combien|quand|pourquoi|est-ce|est ce|a quelle|y a t il|y a-t-il|c'est quoi|c est quoi"
            + "|cest quoi|c quoi|c koi|ckoi|koi |kel |kelle |kels |what|where|how|when|which|why|is there|are there"
            + "|is it|can i|can we|can you|do you|does)");

    /** "vous pouvez m'aider ?", "can you help us?": the journey asked for, over folded tokens. */
    private static final String HELP_ASKED = "(?:est ce que |est ce qu )?(?:vous pouvez|pouvez vous|vous pourriez"
            + "|pourriez vous|tu peux|peux tu|tu pourrais|pourrais tu|qui peut|qui pourrait|can you|could you|can u"
            + "|would you|who can) (?:m |nous |me |us |moi )?(?:aider|accompagner|conseiller|orienter|guider|renseigner"
            + "|help|assist|advise|guide)(?: (?:moi|svp|stp|s il vous plait|s il te plait|please|me|us|out))*";
    private static final Pattern ENDS_ASKING_HELP = Pattern.compile("(?:^| )" + HELP_ASKED + "$");
    private static final Pattern HELP_ASKED_ANYWHERE = Pattern.compile("(?:^| )" + HELP_ASKED + "(?= |$)");

    private static final String WANT = "veux|voudrais|voudrions|souhaite|souhaitons|souhaiterais|souhaiterions"
            + "|aimerais|aimerions|veut|voudrait|aimerait|voulons|voulions";
    private static final String ARTICLE = "(un|une|des|du|de|d|le|la|les|l)";
    /** Over the message's folded tokens, apostrophes made spaces: "j aimerais", "we re planning". */
    private static final Pattern INTENTION = Pattern.compile("\\b(je|j|nous|on) (" + WANT + ")\\b(?! " + ARTICLE + "\\b)"
            + "|\\b(je|j|nous|on) (compte|comptons|prevois|prevoyons|envisage|envisageons|organise|organisons|prevoit"
            + "|projette|projetons|allons|pense(?! qu)|pensons(?! qu)|demenage|demenageons)\\b"
            // What one founds is a project stated in the present: "on crée une boîte", "nous implantons notre usine".
            + "|\\b(je|j|nous|on) (cree|creons|monte|montons|lance|lancons|ouvre|ouvrons|implante|implantons)"
            + " (un|une|des|notre|nos|ma|mon|mes)\\b"
            + "|\\b(je vais|on va) (venir|demenager|emmenager|m installer|s installer|nous installer"
            + "|m implanter|s implanter|nous implanter|creer|ouvrir|monter|lancer|organiser)\\b"
            + "|\\b(notre|mon) projet\\b"
            + "|\\b(i|we) (want|would like|d like)\\b(?! (a|an|some|the)\\b)|\\b(i|we) (plan|intend)\\b"
            + "|\\b(je|j|nous|on) (viens|vient|venons|arrive|arrivons)\\b(?! (d|de|du)\\b)"
            + "|\\b(i|we) (are|re|am|m) (planning|moving|thinking|coming|visiting|arriving)\\b"
            + "|\\b(i|we) (are|re|am|m) going to (move|relocate|come|open|set up|start|launch|organise|organize)\\b");
    /**
     * A search in the first person, or a wish for something rather than to do something ("je
     * voudrais un hôtel", not "je voudrais organiser"): a project only when what is looked for is
     * the journey's.
     */
    private static final Pattern SEARCH = Pattern.compile("\\b(je|j|nous|on) (cherche|cherchons|recherche"
            + "|recherchons)\\b|\\b(je|j|nous|on) (" + WANT + ") " + ARTICLE + "\\b|\\b(i|we) need\\b"
            + "|\\b(i|we) (are|re|am|m) looking\\b|\\b(i|we) (want|would like|d like) (a|an|some|the)\\b");

    /** A question on whether there is something, after a greeting: "ya un marché de Noël ?", "is there a market?". */
    private static final Pattern WHETHER_THERE_IS = Pattern.compile("(?:(?:bonjour|bonsoir|salut|hello|hi|hey) )?"
            + "(?:y a|ya|y en a|il y a|il y aura|y aura|y aura t il|y a t il|est ce qu il y a|est ce qu il y aura"
            + "|is there|are there|will there be)\\b");

    /** A clause that opens with a search: "je cherche une crèche", "we need a nursery". */
    private static final Pattern SEARCH_FIRST = Pattern.compile("(?:et |and |mais |but |du coup |so )?(?:"
            + SEARCH.pattern() + ")");

    /** The words of one who speaks of themself or their own: "je dirige un chantier", "on pense venir", "my wife and I". */
    private static final Map<String, Set<String>> FIRST_PERSON = Map.of(
            "fr", Set.of("je", "j", "nous", "on", "moi", "mon", "ma", "mes", "notre", "nos"),
            "en", Set.of("i", "we", "me", "my", "our", "us"));

    private final JourneyCatalogue catalogue;
    private final Phrases phrases;
    private final IntentReplies intentReplies;
    private final Answers answers;
    private final Recommender recommender;
    private final SlotWording wording;
    private final LeadCapture leads;
    /** The model that reads a message the rules did not understand for the journey's facts, or null. */
    private volatile SlotProposals proposals;

    JourneyFlow(JourneyCatalogue catalogue, Phrases phrases, IntentReplies intentReplies, Answers answers,
                Recommender recommender, LeadCapture leads) {
        this.catalogue = catalogue;
        this.phrases = phrases;
        this.intentReplies = intentReplies;
        this.answers = answers;
        this.recommender = recommender;
        this.wording = new SlotWording(phrases);
        this.leads = leads;
    }

    /** A message the rules read nothing in is read by {@code proposals} for the journey's facts. */
    void proposeWith(SlotProposals proposals) {
        this.proposals = proposals;
    }

    /** Whether the conversation is in a journey that is not over. */
    boolean underWay(Conversation conversation) {
        JourneyState state = conversation.journey();
        return state != null && state.active() && catalogue.of(conversation).isPresent();
    }

    /** Starts the journey the message asks for, keeping what an earlier journey already knew. */
    Turn start(Conversation conversation, Parse parse, LocalDate now, int turnNumber) {
        Journey journey = catalogue.get(parse.intent().name());
        JourneyState state = new JourneyState(journey.name());
        state.slots().putAll(SlotFiller.recall(journey, earlierWords(conversation), now));
        JourneyState previous = conversation.journey();
        if (previous != null) {
            previous.slots().forEach((name, value) -> journey.slot(name).ifPresent(s -> state.slots().put(name, value)));
            state.notes().addAll(previous.notes());
            state.contact(previous.contactEmail(), previous.contactPhone());
        }
        conversation.journey(state);
        List<Reply> replies = new ArrayList<>();
        Optional.ofNullable(intentReplies.pick(journey.name(), parse.lang(), turnNumber))
                .ifPresent(text -> replies.add(new Reply.Text(text)));
        SlotFiller.Filling filling = SlotFiller.fill(journey, state, parse, now);
        Map<String, Object> changed = keep(state, filling);
        return proceed(conversation, journey, state, parse, filling, changed, replies, List.of(), true);
    }

    /** Whether the message states a project for the journey: a count, a date, a surface, a budget. */
    static boolean statesAProject(Journey journey, Parse parse, LocalDate now) {
        return statedFacts(journey, parse, now).findAny().isPresent();
    }

    /**
     * Whether the message states a project in its own right: a count, a surface or a budget, or a
     * date with the journey named ("un séminaire en octobre"). A date alone is as often a question
     * on what happens then ("boat show in october", "le marché de Noël en décembre"), and so is a
     * date with what the journey is for, asked whether there is one ("ya un marché de Noël cette
     * année ?").
     */
    static boolean statesAProjectBesidesWhen(Journey journey, Parse parse, LocalDate now) {
        List<Slot.Type> facts = statedFacts(journey, parse, now).toList();
        return facts.stream().anyMatch(type -> type != Slot.Type.DATE) || !facts.isEmpty()
                && !WHETHER_THERE_IS.matcher(String.join(" ", TextNormalizer.tokens(parse.text()))).lookingAt()
                && journey.keywordsIn(" " + String.join(" ", TextNormalizer.tokens(besidesDates(parse))) + " ") > 0;
    }

    /** The message without its dates: in "que faire ce week-end ?" the week-end is when, not a stay. */
    private static String besidesDates(Parse parse) {
        StringBuilder text = new StringBuilder(parse.text());
        parse.entities().stream().filter(entity -> entity.value() instanceof DateRange)
                .sorted(Comparator.comparingInt(Entity::start).reversed())
                .forEach(date -> text.replace(date.start(), date.end(), " "));
        return text.toString();
    }

    /**
     * The types of the journey's facts the message states, in figures or dates rather than words:
     * "une salle pour une journée" names what is looked for, its day is no night counted.
     */
    private static Stream<Slot.Type> statedFacts(Journey journey, Parse parse, LocalDate now) {
        SlotFiller.Filling filling = SlotFiller.fill(journey, new JourneyState(journey.name()), parse, now);
        return filling.values().keySet().stream().filter(slot -> !filling.reckoned().contains(slot))
                .map(journey::slot).flatMap(Optional::stream).map(Slot::type).filter(type -> type.entityType() != null);
    }

    /**
     * Whether the person says, in the first person, that they mean to do something for {@code
     * journey} ("je voudrais organiser", "we're planning"): a project, even before its first fact.
     * A search is one when what is looked for is the journey's, named by its words or by a
     * project's facts ("je cherche un appartement", "on cherche 300 m²"); "je cherche un médecin
     * qui parle anglais" or "un restaurant pour ce soir" asks the pages, with the journey offered.
     */
    static boolean statesAnIntention(Journey journey, Parse parse, LocalDate now) {
        String folded = String.join(" ", TextNormalizer.tokens(parse.text()));
        return INTENTION.matcher(folded).find() || SEARCH.matcher(folded).find()
                && (journey.keywordsIn(" " + folded + " ") > 0 || statesAProjectBesidesWhen(journey, parse, now));
    }

    /** The person's last messages before this one, oldest first: facts may come before the journey does. */
    private static List<String> earlierWords(Conversation conversation) {
        List<String> said = conversation.messages().stream().filter(m -> m.from().equals("user"))
                .map(io.guichet.conversation.Message::text).toList();
        return said.subList(Math.max(0, said.size() - RECALLED), said.size());
    }

    /** The next message of a journey under way. */
    Turn resume(Conversation conversation, Parse parse, LocalDate now, int turnNumber) {
        JourneyState state = conversation.journey();
        Journey journey = catalogue.of(conversation).orElseThrow();
        String lang = parse.lang();
        List<String> words = TextNormalizer.tokens(parse.text());
        if (!isQuestion(parse) && words.size() <= CANCEL_MAX_WORDS && containsPhrase(words, CANCEL)) {
            state.stage(Stage.CANCELLED);
            return turn(parse, List.of(new Reply.Text(phrases.text("cancelled", lang)),
                    new Reply.QuickReplies(phrases.list("journeys_menu", lang))), List.of(), conversation.status());
        }
        if (state.stage() == Stage.COLLECTING) {
            return collect(conversation, journey, state, parse, now, turnNumber);
        }
        if (state.stage() == Stage.CONSENT && asksForAPerson(parse)) {
            return handOff(parse, turnNumber);
        }
        if (state.stage() == Stage.CONSENT && !journey.slots().isEmpty()) {
            // A correction while the request is offered: the request is summed up again, corrected.
            SlotFiller.Filling filling = SlotFiller.fill(journey, state, parse, now);
            // "c'est quoi le prix du spa ?" names the wellness already chosen: a question, not a change.
            if (filling.values().entrySet().stream().anyMatch(said -> !said.getValue().equals(state.slots()
                    .get(said.getKey())))) {
                Map<String, Object> changed = keep(state, filling);
                state.stage(Stage.COLLECTING);
                return proceed(conversation, journey, state, parse, filling, changed, new ArrayList<>(), List.of(),
                        true);
            }
        }
        Turn pending = leads.resume(conversation, journey, state, parse);
        if (!isQuestion(parse) || LeadCapture.entity(parse, "email") != null || LeadCapture.entity(parse, "phone") != null) {
            return pending;
        }
        // A question while the request is offered or its contact asked: answered first, then the
        // request goes on as the message says ("oui, et les horaires de l'office ?" consents too).
        Optional<Answers.Answer> answer = answers.answer(parse).flatMap(found -> answers.inWords(found, parse, conversation));
        List<Reply> replies = new ArrayList<>(answer.map(Answers.Answer::replies)
                .orElseGet(() -> List.of(unanswered(parse))));
        answer.ifPresent(found -> replies.add(new Reply.Text(phrases.text("resume", parse.lang()))));
        replies.addAll(pending.replies());
        return new Turn(replies, pending.intent(), answer.map(Answers.Answer::sources).orElse(List.of()), false,
                pending.status(), pending.lead());
    }

    /**
     * What a question on the way that nothing answers hears: out of scope only when the engine is
     * sure of it ("mets une alarme à 7 h", none at 0.80); a question it hesitates over is one the
     * pages do not answer ("c koi le moins cher ?" while booking a weekend, none at 0.24).
     */
    private Reply unanswered(Parse parse) {
        return new Reply.Text(phrases.text(surelyOutOfScope(parse) ? "out_of_scope_on_the_way" : "not_in_our_pages",
                parse.lang()));
    }

    private static boolean surelyOutOfScope(Parse parse) {
        return parse.outOfScope() && parse.intent().confidence() >= SURELY_OUT_OF_SCOPE;
    }

    private Turn collect(Conversation conversation, Journey journey, JourneyState state, Parse parse, LocalDate now,
                         int turnNumber) {
        String lang = parse.lang();
        IntentScore intent = parse.intent();
        boolean question = isQuestion(parse);
        boolean weather = question && WeatherQuestions.asked(parse.text());
        // "il va pleuvoir samedi ?" asks the forecast; its Saturday is no date of the stay.
        SlotFiller.Filling filling = weather ? SlotFiller.Filling.NOTHING : SlotFiller.fill(journey, state, parse, now);
        if (question && !parse.text().contains("?") && filling.values().containsKey(state.awaiting())) {
            // "what about the budget, around 200 euros per person" answers the question asked, it asks nothing.
            question = false;
        }
        if (question) {
            filling = filling.asked(journey, state);
        }
        if (!filling.said() && !question && catalogue.declares(intent.name()) && !intent.name().equals(journey.name())
                && intent.confidence() >= SWITCH_CONFIDENCE) {
            return start(conversation, parse, now, turnNumber);
        }
        Map<String, Object> changed = keep(state, filling);
        String email = LeadCapture.entity(parse, "email");
        String phone = LeadCapture.entity(parse, "phone");
        if (email != null || phone != null) {
            // A way to reach them, given on their own: they want the team's proposals now.
            state.contact(email, phone);
            Optional.ofNullable(LeadCapture.nameBeside(parse)).ifPresent(state::contactName);
            return conclude(conversation, journey, state, parse, new ArrayList<>());
        }
        if (!filling.said() && !question && closes(parse)) {
            // "Merci, je reviens vers vous": the request waits here, nothing is asked.
            return turn(parse, Optional.ofNullable(intentReplies.pick(intent.name(), lang, turnNumber))
                    .map(text -> List.<Reply>of(new Reply.Text(text))).orElse(List.of()), List.of(), conversation.status());
        }
        if (asksForAPerson(parse)) {
            // What the message also said is kept for the team that takes over.
            return handOff(parse, turnNumber);
        }
        List<Reply> replies = new ArrayList<>();
        List<Reply.Card> sources = new ArrayList<>();
        if (weather) {
            replies.add(new Reply.Text(phrases.text("weather_on_the_way", lang)));
        } else if (question) {
            // Read with the answers before it, as outside a journey: "c'est cumulable ?" after the aids.
            Optional<Answers.Answer> answer = answers.consult(parse, conversation).answer();
            if (answer.isPresent()) {
                replies.addAll(answer.get().replies());
                sources.addAll(answer.get().sources());
                replies.add(new Reply.Text(phrases.text("resume", lang)));
            } else if (!filling.said()) {
                replies.add(unanswered(parse));
            }
        } else if (!filling.said() && surelyOutOfScope(parse)) {
            // "mets-moi une alarme à 7 h" is no remark for the team.
            replies.add(unanswered(parse));
        } else if (!filling.said() && !acknowledgement(parse)) {
            SlotFiller.Filling proposed = proposed(conversation, journey, state, parse, now);
            if (proposed.said()) {
                filling = proposed;
                changed = keep(state, proposed);
            } else if (attemptedAnswer(journey, state, parse)) {
                replies.add(new Reply.Text(phrases.text("not_understood", lang)));
            } else {
                // A remark that answers no question: the team gets it with the request, and a wish a page
                // of the journey's field answers surely hears what it says ("on aimerait une activité team
                // building": the activities organisers choose from), quoted: no model is asked of a remark.
                state.notes().add(parse.text().strip());
                replies.add(new Reply.Text(phrases.text("note_kept", lang)));
                answers.answer(parse)
                        .filter(found -> journey.name().equals(found.journey()) && found.score() >= REMARK_ANSWERED)
                        .ifPresent(found -> {
                            replies.addAll(found.replies());
                            sources.addAll(found.sources());
                        });
            }
        }
        return proceed(conversation, journey, state, parse, filling, changed, replies, sources, !question);
    }

    /**
     * What the model reads in a message the rules understood nothing in, for the slots still
     * open: kept only where the rules accept each value as the answer to its slot's question.
     * The rules stay first; the model's proposals are logged as such.
     */
    private SlotFiller.Filling proposed(Conversation conversation, Journey journey, JourneyState state, Parse parse,
                                        LocalDate now) {
        SlotProposals model = proposals;
        List<SlotProposals.Field> open = journey.slots().stream()
                .filter(slot -> !state.slots().containsKey(slot.name())).map(slot -> field(slot, parse.lang())).toList();
        if (model == null || open.isEmpty()) {
            return new SlotFiller.Filling(Map.of(), Set.of(), List.of());
        }
        Map<String, String> proposed = model.propose(parse.text(), parse.lang(), Answers.lastLines(conversation), open);
        SlotFiller.Filling kept = SlotFiller.proposed(journey, state, proposed, now);
        if (!proposed.isEmpty()) {
            LOG.info("journey {}: the model proposed {}, the rules kept {}", journey.name(), proposed.keySet(),
                    kept.values().keySet());
        }
        return kept;
    }

    /** A slot as the model is told of it: its name, type, label and options in the person's language. */
    private static SlotProposals.Field field(Slot slot, String lang) {
        return new SlotProposals.Field(slot.name(), slot.type().name().toLowerCase(Locale.ROOT), slot.label(lang),
                slot.choices().stream().map(choice -> choice.label(lang)).toList());
    }

    private Turn handOff(Parse parse, int turnNumber) {
        String text = Optional.ofNullable(intentReplies.pick(Intents.HUMAN_HANDOFF, parse.lang(), turnNumber))
                .orElse(phrases.text("waiting_agent", parse.lang()));
        return turn(parse, List.of(new Reply.Text(text)), List.of(), Status.WAITING_AGENT);
    }

    /**
     * Whether the person asks for a person: the intent says so, or the words do. In a journey a
     * request for a person often comes as a question about the journey's team ("c'est possible
     * d'échanger avec un conseiller du bureau des congrès ?"), which the intent engine may read as
     * a question on the way.
     */
    static boolean asksForAPerson(Parse parse) {
        return parse.intent().name().equals(Intents.HUMAN_HANDOFF) || wordsAskForAPerson(parse.text());
    }

    /** Whether the words of {@code text} ask for a person: "parler à un conseiller", "a real person". */
    static boolean wordsAskForAPerson(String text) {
        return PERSON_WANTED.matcher(TextNormalizer.fold(text)).find();
    }

    /**
     * Keeps what the message said: its values (a value given again corrects the last) and the
     * slots it passed. Returns the values that are new, for the bot to say what it understood.
     */
    private static Map<String, Object> keep(JourneyState state, SlotFiller.Filling filling) {
        Map<String, Object> changed = new LinkedHashMap<>(filling.values());
        changed.entrySet().removeIf(value -> value.getValue().equals(state.slots().get(value.getKey())));
        state.slots().putAll(filling.values());
        state.skipped().removeAll(filling.values().keySet());
        filling.skipped().stream().filter(slot -> !state.slots().containsKey(slot)).forEach(state.skipped()::add);
        return changed;
    }

    /**
     * Whether a short message that fills nothing was meant as the answer to a closed question
     * ("bleu" to a choice): it was not understood, rather than a remark for the team.
     */
    private static boolean attemptedAnswer(Journey journey, JourneyState state, Parse parse) {
        Optional<Slot> awaited = Optional.ofNullable(state.awaiting()).flatMap(journey::slot);
        return awaited.isPresent() && (awaited.get().type() == Slot.Type.CHOICE
                || awaited.get().type() == Slot.Type.YES_NO) && TextNormalizer.tokens(parse.text()).size() <= 3;
    }

    /**
     * After filling: explain refusals, say what was understood ({@code changed}: the values new
     * to the journey), ask the next question, or conclude. {@code counted}: whether the message was meant as an answer, so that a question
     * asked again after it counts as not answered (a question on the way is no failed answer).
     */
    private Turn proceed(Conversation conversation, Journey journey, JourneyState state, Parse parse,
                         SlotFiller.Filling filling, Map<String, Object> changed, List<Reply> replies,
                         List<Reply.Card> sources, boolean counted) {
        String lang = parse.lang();
        if (SchoolCalendar.mentions(parse.text()) && journey.slots().stream()
                .anyMatch(slot -> slot.type() == Slot.Type.DATE && !filling.values().containsKey(slot.name()))) {
            // School holidays past the last school year the ministry has published: said, not guessed.
            replies.add(new Reply.Text(phrases.text("school_calendar_ends", lang,
                    Map.of("day", wording.day(SchoolCalendar.shipped().lastDay(), lang)))));
        }
        for (SlotFiller.Refusal refusal : filling.refusals()) {
            replies.add(new Reply.Text(wording.refusal(refusal, lang)));
        }
        // The answer to the question just asked goes without saying, except dates ("le we prochain" or
        // "pendant les vacances de février" are read into days that the person should see) and what was read
        // from other words: "2 days" is one night, "mon mari cherche du travail" the partner's job search.
        String noted = wording.summary(journey, changed, lang, slot -> !slot.name().equals(state.awaiting())
                || slot.type() == Slot.Type.DATE || filling.reckoned().contains(slot.name()));
        if (!noted.isEmpty() && filling.refusals().isEmpty()) {
            replies.add(new Reply.Text(phrases.text("noted", lang, Map.of("facts", noted))));
        }
        boolean setAside = false;
        Optional<Slot> next = filling.refusals().isEmpty() ? Optional.empty()
                : Optional.of(filling.refusals().get(0).slot());
        if (next.isEmpty()) {
            next = journey.nextToAsk(state);
            while (counted && next.isPresent() && next.get().name().equals(state.awaiting())
                    && state.attempts() >= MAX_ASKS) {
                // Asked twice, answered neither time: the team will settle it, and the next question comes.
                state.skipped().add(next.get().name());
                replies.add(new Reply.Text(phrases.text("set_aside", lang, Map.of("label", next.get().label(lang)))));
                setAside |= next.get().required();
                next = journey.nextToAsk(state);
            }
        }
        if (next.isEmpty()) {
            return conclude(conversation, journey, state, parse, replies);
        }
        ask(next.get(), state, lang, replies, counted);
        if (setAside) {
            offerPerson(replies, lang);
        }
        return turn(parse, replies, sources, conversation.status());
    }

    /** Adds the offer of a person to the turn's choices: a required answer was left for the team. */
    private void offerPerson(List<Reply> replies, String lang) {
        List<String> options = new ArrayList<>();
        if (replies.get(replies.size() - 1) instanceof Reply.QuickReplies quick) {
            options.addAll(quick.options());
            replies.remove(replies.size() - 1);
        }
        options.add(phrases.text("ask_human", lang));
        replies.add(new Reply.QuickReplies(options));
    }

    /**
     * Asks the slot; asked again right after, in its other wording, so that no question reads the
     * same two turns running. {@code counted}: the ask counts towards setting it aside.
     */
    private void ask(Slot slot, JourneyState state, String lang, List<Reply> replies, boolean counted) {
        boolean again = slot.name().equals(state.awaiting()) && !state.askedAgain();
        if (counted || !slot.name().equals(state.awaiting())) {
            state.ask(slot.name());
        }
        state.askedAgain(again);
        replies.addAll(wording.question(slot, lang, again));
    }

    private Turn conclude(Conversation conversation, Journey journey, JourneyState state, Parse parse,
                          List<Reply> replies) {
        String lang = parse.lang();
        state.answered();
        state.complete(journey.complete(state));
        String summary = wording.summary(journey, state, lang);
        replies.add(new Reply.Text(phrases.text("summary", lang, Map.of("summary", summary))));
        List<SearchHit> hits = recommender.recommend(journey, state, rankingRequest(journey, state, lang, summary), lang);
        List<Reply.Card> cards = hits.stream().map(Answers::card).toList();
        if (cards.isEmpty()) {
            replies.add(new Reply.Text(phrases.text("no_recommendation", lang)));
        } else {
            replies.add(new Reply.Text(phrases.text("recommendations", lang)));
            replies.add(new Reply.Cards(cards));
        }
        LeadCapture.Outcome next = leads.afterSummary(conversation, journey, state, lang);
        replies.addAll(next.replies());
        return new Turn(replies, parse.intent(), cards, false, conversation.status(), next.lead());
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
        String inWords = wording.wanted(journey, state.slots(), lang);
        return inWords.isEmpty() ? summary : inWords;
    }

    /**
     * The clause that asks, in a message that also says other things: "on vient à 4 le we prochain
     * avec le chien, un hôtel pas trop cher ?" asks "un hôtel pas trop cher ?", which the pages
     * answer better than the whole message, whose facts dilute the search; so does the search that
     * ends a message without a question mark ("je suis infirmière, je serai mutée au CHU en
     * janvier, je cherche une crèche pour mon fils"). Empty when the message is one clause or
     * asks nothing.
     */
    static Optional<Parse> askedClause(Parse parse) {
        String text = parse.text().strip();
        int mark = text.lastIndexOf('?');
        while (mark > 0 && text.charAt(mark - 1) == '?') {
            mark--;
        }
        int end = mark + 1;
        if (mark < 0) {
            end = text.length();
            while (end > 0 && CLAUSE_ENDS.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
        }
        int start = mark < 0 ? end : mark;
        while (start > 0 && CLAUSE_ENDS.indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        String clause = text.substring(start, end).strip();
        if (mark < 0 && !SEARCH_FIRST.matcher(String.join(" ", TextNormalizer.tokens(clause))).lookingAt()) {
            return Optional.empty();
        }
        return clause.length() < text.length() && TextNormalizer.tokens(clause).size() >= MIN_CLAUSE_WORDS
                ? Optional.of(new Parse(clause, parse.lang(), parse.intent(), parse.ranking(), List.of()))
                : Optional.empty();
    }

    /** Whether the message speaks of the one who writes ("je suis infirmière"), rather than only names what it looks for. */
    static boolean speaksOfThemselves(Parse parse) {
        Set<String> words = FIRST_PERSON.getOrDefault(parse.lang(), FIRST_PERSON.get("fr"));
        return TextNormalizer.tokens(parse.text()).stream().anyMatch(words::contains);
    }

    /**
     * Whether the message closes the exchange: thanks or a goodbye, the two together sure enough
     * ("merci beaucoup, bonne journée" is both, and neither alone above the bar).
     */
    static boolean closes(Parse parse) {
        double together = parse.ranking().stream().filter(score -> CLOSINGS.contains(score.name()))
                .mapToDouble(IntentScore::confidence).sum();
        return CLOSINGS.contains(parse.intent().name())
                && Math.max(parse.intent().confidence(), together) >= SWITCH_CONFIDENCE;
    }

    /**
     * Whether the message ends on a request for help ("je vais m'installer en libéral, vous pouvez
     * m'aider ?"): what it asks is the journey, nothing the pages are to answer first.
     */
    static boolean endsAskingForHelp(Parse parse) {
        return ENDS_ASKING_HELP.matcher(String.join(" ", TextNormalizer.tokens(parse.text()))).find();
    }

    /** The folded, space-padded text less its requests for help: "m'aider" asks for no financial aid. */
    static String withoutHelpAsked(String folded) {
        return HELP_ASKED_ANYWHERE.matcher(folded).replaceAll(" ");
    }

    static boolean isQuestion(Parse parse) {
        return QUESTION.matcher(TextNormalizer.fold(parse.text().strip())).find();
    }

    private static boolean acknowledgement(Parse parse) {
        return ACKNOWLEDGEMENTS.contains(String.join(" ", TextNormalizer.tokens(parse.text())));
    }

    private static boolean containsPhrase(List<String> words, Set<String> phrases) {
        String text = " " + String.join(" ", words) + " ";
        return phrases.stream().anyMatch(p -> text.contains(" " + p + " "));
    }

    private static Turn turn(Parse parse, List<Reply> replies, List<Reply.Card> sources, Status status) {
        return new Turn(replies, parse.intent(), sources, false, status);
    }
}
