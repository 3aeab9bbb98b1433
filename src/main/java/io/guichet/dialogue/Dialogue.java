package io.guichet.dialogue;

import io.guichet.conversation.Conversation;
import io.guichet.conversation.JourneyState;
import io.guichet.conversation.Message;
import io.guichet.conversation.Status;
import io.guichet.generation.GroundedAnswers;
import io.guichet.kb.KnowledgeBase;
import io.guichet.nlu.Entity;
import io.guichet.nlu.IntentFile;
import io.guichet.nlu.IntentScore;
import io.guichet.nlu.Intents;
import io.guichet.nlu.Parse;
import io.guichet.nlu.TextNormalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the bot's answer to one understood message. A journey under way takes the message
 * first; otherwise a journey intent starts one, and a question is answered from the knowledge
 * base, quoting it, or honestly not at all, with the offer of a person; a second failure in a
 * row, or a request for a person, hands the conversation to its team. It changes the
 * conversation it is given (the turn's own copy) and writes nothing: what must be stored, the
 * lead included, comes back in the {@link Turn}.
 */
public final class Dialogue {
    /** A journey ranked this high, under {@code none}, is what a message the search cannot answer speaks of. */
    static final double NEAR_JOURNEY = 0.3;
    /** Journeys ranked within this of the first are as likely: the words that name one decide. */
    static final double CLOSE_JOURNEYS = 0.1;
    /** A greeting, thanks or goodbye this long or shorter is taken as such, whatever the pages say. */
    private static final int SMALL_TALK_WORDS = 4;
    /**
     * A request closest to those the territory does not deal with is answered from the pages only
     * when they answer it this clearly: "quel temps fera-t-il demain" shares "temps" with a page's
     * "par beau temps" (0.41), which is no weather forecast.
     */
    private static final double OUT_OF_SCOPE_ANSWERED = 0.5;
    /** Phrase key of a journey's offer, before the journey's name: "offer_seminar_planning". */
    private static final String OFFER = "offer_";
    /** The offer beside an honest "I don't know": its yes belongs to the person offered first. */
    private static final String OFFER_INSTEAD = "offer_instead_";
    /** For how many of the bot's turns an offer of a journey stands, and is not made again. */
    private static final int OFFER_STANDS = 2;
    private final IntentReplies intentReplies;
    private final Phrases phrases = Phrases.shipped();
    private final Answers answers;
    private final JourneyCatalogue catalogue;
    private final LeadCapture leads;
    private final JourneyFlow journeys;
    private final Clock clock;
    private volatile Staffing staffing = Staffing.ALWAYS;

    public Dialogue(KnowledgeBase knowledge, List<IntentFile> intents, Clock clock) {
        this.intentReplies = new IntentReplies(intents);
        this.answers = new Answers(knowledge, phrases, clock);
        this.catalogue = JourneyCatalogue.from(intents);
        this.leads = new LeadCapture(catalogue, phrases, clock);
        this.journeys = new JourneyFlow(catalogue, phrases, intentReplies, answers, new Recommender(knowledge), leads);
        this.clock = clock;
    }

    /** Answers quoting a page not updated for longer than {@code age} warn that it may be out of date. */
    public void warnOfPagesOlderThan(Period age) {
        answers.warnOfPagesOlderThan(age);
    }

    /** Answers to questions are written by {@code generated} from the best passages, when a page is trusted. */
    public void generateWith(GroundedAnswers generated) {
        answers.generateWith(generated);
        journeys.proposeWith(generated.slotProposals());
    }

    /** The model's answers are told to {@code drafts} while they are written. */
    public void draftTo(Drafts drafts) {
        answers.draftTo(drafts);
    }

    /** Who says whether a team can take a conversation handed off, and after how long. */
    public void staffedBy(Staffing staffing) {
        this.staffing = staffing;
    }

    /** The teams conversations go to, id to name in {@code lang}: the journeys' teams and the general one. */
    public Map<String, String> teams(String lang) {
        return catalogue.teams(lang);
    }

    /** Each journey's slots, "journey.slot" to its label in {@code lang}. */
    public Map<String, String> slotLabels(String lang) {
        return catalogue.slotLabels(lang);
    }

    /**
     * The answer to {@code parse}, the message just added to {@code conversation}'s turn; the
     * conversation's status, journey and team are changed to what the answer leaves them.
     */
    public Turn answer(Conversation conversation, Parse parse, LocalDate now) {
        Status before = conversation.status();
        if (before == Status.CLOSED) {
            // Writing again after a close opens a new exchange with the bot.
            conversation.status(Status.BOT);
        }
        // An agent holds the conversation: the bot stays silent, the agent reads the message.
        Turn turn = conversation.status() == Status.AGENT
                ? new Turn(List.of(), parse.intent(), List.of(), false, Status.AGENT)
                : decide(conversation, parse, now);
        if (turn.status() == Status.WAITING_AGENT && before != Status.WAITING_AGENT) {
            turn = handOff(conversation, turn, parse, unanswered(conversation, parse, turn));
        } else {
            conversation.status(turn.status());
        }
        // Only a plain failure counts towards the next one: after a hand-off the team takes over, and a
        // request out of scope is no failure of the desk.
        conversation.fellBack(turn.fallback() && conversation.status() == Status.BOT && !parse.outOfScope());
        return turn;
    }

    /**
     * A message on a journey's topic. What the pages say of it comes first ("la date limite pour
     * candidater à l'incubateur ?", "hôtel avec spa et vue mer"), with the journey offered as a
     * choice to tap, or an honest "I don't know" when they do not say it; a message that states a
     * project ("5 000 m² pour un entrepôt", "nous voulons organiser un séminaire") starts the
     * journey, after the answer to what it also asks.
     */
    private Turn journeyTopic(Conversation conversation, Parse parse, String journey, LocalDate now, int turnNumber) {
        // Read with the conversation: "et ils ouvrent le dimanche ?" after the tourist office asks of its hours.
        // A project's facts before the clause that asks ("I'm relocating in September with my wife and our
        // daughter. What are the schools like?") would find the pages on the facts: the clause is asked first,
        // then the whole message ("mon projet d'implantation" tells what "un interlocuteur unique ?" is for).
        Journey topic = catalogue.get(journey);
        boolean intention = JourneyFlow.statesAnIntention(topic, parse, now);
        Optional<Parse> clause = JourneyFlow.askedClause(parse);
        boolean clauseFirst = clause.isPresent() && (intention || JourneyFlow.statesAProject(topic, parse, now));
        Answers.Consulted consulted = answers.consult(clauseFirst ? clause.get() : parse, conversation);
        boolean consultedClause = clauseFirst;
        if (clauseFirst && consulted.answer().isEmpty()) {
            consulted = answers.consult(parse, conversation);
            consultedClause = false;
        }
        Optional<Answers.Answer> answer = consulted.answer()
                .or(() -> clauseFirst ? Optional.empty() : clause.flatMap(answers::answer));
        IntentScore intent = new IntentScore(journey, parse.intent().confidence());
        boolean question = JourneyFlow.isQuestion(parse) && !JourneyFlow.endsAskingForHelp(parse);
        if (answer.isPresent() && !JourneyFlow.statesAProjectBesidesWhen(topic, parse, now) && !intention) {
            Optional<Answers.Answer> written = answers.inWords(answer.get(), parse, conversation);
            if (written.isPresent()) {
                // The page answered tells the topic better than an engine that hesitated: "y a des randos
                // faciles pour les enfants ?" (relocation at 0.49, for "enfants") is a weekend's question.
                String offered = written.get().journey() != null && intent.confidence() < JourneyFlow.SWITCH_CONFIDENCE
                        ? written.get().journey() : journey;
                return answered(written.get(), offered, intent, parse.lang(), conversation);
            }
            // The model read the pages and found no answer: the journey's team will know.
            answer = Optional.empty();
        }
        if (answer.isEmpty() && asksInformation(parse, journey, now)) {
            // Information the pages do not give ("y a un programme pour les jeunes pousses ?"): an
            // honest "I don't know" naming the team of the nearest page's field (else the topic's),
            // and the topic's journey as a choice to tap, not a form.
            return unanswered(conversation, intent, parse.lang(), consulted.nearestJourney().or(() -> Optional.of(journey)),
                    journey);
        }
        // Before the journey's first question, the answer to a question, or the page that also answers
        // what the message asks besides the project's facts and the journey's name: "hébergement pas cher
        // pour un club sportif" asks something; "ma femme, nos 3 enfants et moi" shares words with pages
        // it does not ask about.
        // The clause that asks, answered on its own, is asked as a question is: "je cherche une crèche" after
        // a transfer is what the person wants to know, though "crèche" is also one of the move's words.
        Optional<Answers.Answer> asked = question || consultedClause && !JourneyFlow.endsAskingForHelp(parse)
                ? answer.flatMap(found -> answers.inWords(found, parse, conversation))
                : answer.filter(found -> answersBesidesTheProject(parse, catalogue.get(journey), found, now));
        return startAfter(asked, conversation, as(parse, journey, intent.confidence()), now, turnNumber);
    }

    /**
     * Whether the message on {@code journey}'s topic asks for information rather than starts a
     * project: a question, or what is looked for named as in a search box ("lycée pour devenir
     * marin pêcheur"), without a project's facts, an intention, the journey's own words or the
     * person's own situation ("je suis infirmière, j'ai une promesse d'embauche").
     */
    private boolean asksInformation(Parse parse, String journey, LocalDate now) {
        // A question's day is when it asks about ("vous ouvrez le dimanche ?"), unless the journey is named with it.
        boolean question = JourneyFlow.isQuestion(parse);
        return !JourneyFlow.statesAnIntention(catalogue.get(journey), parse, now) && !(question
                ? JourneyFlow.statesAProjectBesidesWhen(catalogue.get(journey), parse, now)
                : JourneyFlow.statesAProject(catalogue.get(journey), parse, now))
                && (question || catalogue.namedBy(parse.text(), List.of(journey)).isEmpty()
                        && !JourneyFlow.speaksOfThemselves(parse));
    }

    /**
     * Whether {@code found} also answers the message less its facts (the entities read in it, its
     * length in days, what it says the person is or does) and the words that name {@code journey};
     * searched again only when something was taken out that the page states: "a venue for 60
     * people, 2 days in April" asks nothing of the hall let by the day to groups of 80 at least,
     * nor "on veut ouvrir un restaurant" of the restaurants' page.
     */
    private boolean answersBesidesTheProject(Parse parse, Journey journey, Answers.Answer found, LocalDate now) {
        StringBuilder left = new StringBuilder(parse.text());
        parse.entities().stream().sorted(Comparator.comparingInt(Entity::start).reversed())
                .forEach(fact -> left.replace(fact.start(), fact.end(), " "));
        String whole = String.join(" ", TextNormalizer.tokens(parse.text()));
        Map<String, Object> chosen = SlotFiller.fill(journey, new JourneyState(journey.name()), parse, now).values();
        String rest = SlotFiller.withoutLengthInDays(journey.withoutStated(journey.withoutItsWords(JourneyFlow
                .withoutHelpAsked(" " + String.join(" ", TextNormalizer.tokens(left.toString())) + " ")), chosen)).strip();
        if (rest.equals(whole)) {
            return true;
        }
        return !rest.isBlank()
                && answers.alsoAnswers(found, new Parse(rest, parse.lang(), parse.intent(), parse.ranking(), List.of()));
    }

    /** Starts the message's journey, after the answer when there is one. */
    private Turn startAfter(Optional<Answers.Answer> answer, Conversation conversation, Parse parse, LocalDate now,
                            int turnNumber) {
        Turn started = journeys.start(conversation, parse, now, turnNumber);
        if (answer.isEmpty()) {
            return started;
        }
        List<Reply> replies = new ArrayList<>(answer.get().replies());
        replies.addAll(started.replies());
        List<Reply.Card> sources = new ArrayList<>(answer.get().sources());
        sources.addAll(started.sources());
        return new Turn(replies, started.intent(), sources, false, started.status(), started.lead());
    }

    /** A journey the bot offered to prepare; {@code asked}: as a question, which a yes takes up. */
    private record Offer(String journey, boolean asked) {
    }

    /**
     * The journey the bot offered to prepare in one of its last {@link #OFFER_STANDS} turns, if it
     * did: a person may ask another question or two before taking the offer up.
     */
    private Optional<Offer> offeredJourney(Conversation conversation) {
        List<Message> messages = conversation.messages();
        int turns = 0;
        for (int m = messages.size() - 1; m >= 0 && turns < OFFER_STANDS; m--) {
            Message message = messages.get(m);
            if (message.from().equals("user")) {
                turns++;
            } else if (message.from().equals("bot")) {
                for (String journey : Intents.JOURNEYS.stream().filter(catalogue::declares).toList()) {
                    for (String lang : List.of("fr", "en")) {
                        if (phrases.text(OFFER + journey, lang).equals(message.text())) {
                            return Optional.of(new Offer(journey, true));
                        }
                        if (phrases.text(OFFER_INSTEAD + journey, lang).equals(message.text())) {
                            return Optional.of(new Offer(journey, false));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the message takes up the offer of {@code journey}: a yes, or facts of that project
     * stated rather than asked, unless it names another journey or asks for a person.
     */
    private boolean acceptsOffer(Parse parse, Offer offer, LocalDate now) {
        String journey = offer.journey();
        if (parse.intent().name().equals(Intents.HUMAN_HANDOFF)
                || catalogue.namedBy(parse.text(), List.copyOf(catalogue.names())).filter(named -> !named.equals(journey))
                .isPresent()) {
            return false;
        }
        // A question that names a day ("une piscine ouverte le dimanche ?") asks; it does not take the offer up,
        // nor does the "ok" that acknowledges the answer before it ("ok et il y a quoi à voir ?").
        boolean question = JourneyFlow.isQuestion(parse);
        return offer.asked() && Boolean.TRUE.equals(SlotWords.yesOrNo(String.join(" ", TextNormalizer.tokens(parse.text())),
                question)) || !question && JourneyFlow.statesAProject(catalogue.get(journey), parse, now);
    }

    /**
     * Whether a greeting, thanks or goodbye is only that: a few words. A longer one carries a
     * question the engine took for its politeness ("où laisser mes valises pour la journée"),
     * which the pages may answer.
     */
    private static boolean smallTalk(Parse parse) {
        return TextNormalizer.tokens(parse.text()).size() <= SMALL_TALK_WORDS;
    }

    /** The answer, with the offer of {@code journey} (or none when null). */
    private Turn answered(Answers.Answer answer, String journey, IntentScore intent, String lang,
                          Conversation conversation) {
        // An offer that still stands is not made again for another question on the topic.
        String offer = offeredJourney(conversation).filter(o -> o.journey().equals(journey)).isPresent() ? null : journey;
        return new Turn(withOffer(answer, offer, lang), intent, answer.sources(), false,
                conversation.status());
    }

    /** The answer, then the offer to prepare the journey it speaks of, as a choice to tap. */
    private List<Reply> withOffer(Answers.Answer answer, String journey, String lang) {
        List<Reply> replies = new ArrayList<>(answer.replies());
        if (journey != null && catalogue.declares(journey)) {
            replies.add(new Reply.Text(phrases.text(OFFER + journey, lang)));
            replies.add(new Reply.QuickReplies(List.of(
                    phrases.list("journeys_menu", lang).get(Intents.JOURNEYS.indexOf(journey)))));
        }
        return replies;
    }

    /**
     * The journey the intent engine ranked next after {@code none}, when it came close enough to
     * be what the person means: real out-of-scope requests (the weather, an alarm, a recipe) give
     * every journey under 0.15, messages about a project that the engine missed 0.3 and more.
     */
    private Optional<IntentScore> likelyJourney(Parse parse, LocalDate now) {
        List<IntentScore> journeys = parse.ranking().stream().filter(score -> catalogue.declares(score.name())).toList();
        if (journeys.isEmpty()) {
            return Optional.empty();
        }
        if (journeys.get(0).confidence() < NEAR_JOURNEY) {
            // The word that names the journey, with an intention ("je cherche un lieu original pour un codir")
            // or the facts of its project ("bjr, seminaire 25 pers en mars, vous avez quoi ?").
            return catalogue.namedBy(parse.text(), List.copyOf(catalogue.names()))
                    .filter(named -> JourneyFlow.statesAnIntention(catalogue.get(named), parse, now)
                            || JourneyFlow.statesAProject(catalogue.get(named), parse, now))
                    .flatMap(named -> journeys.stream().filter(score -> score.name().equals(named)).findFirst());
        }
        // Among the journeys ranked close to the first, the one the message names ("un codir", "notre start-up").
        List<String> close = journeys.stream().filter(score -> score.confidence() >= journeys.get(0).confidence()
                - CLOSE_JOURNEYS).map(IntentScore::name).toList();
        String named = catalogue.namedBy(parse.text(), close).orElse(journeys.get(0).name());
        return journeys.stream().filter(score -> score.name().equals(named)).findFirst();
    }

    /** The message as the choice of a journey when it is that journey's label in the menu, in the label's language. */
    private Optional<Parse> chosenFromMenu(Parse parse) {
        List<String> said = TextNormalizer.tokens(parse.text());
        for (String lang : List.of("fr", "en")) {
            List<String> labels = phrases.list("journeys_menu", lang);
            for (int j = 0; j < labels.size(); j++) {
                String journey = Intents.JOURNEYS.get(j);
                if (catalogue.declares(journey) && TextNormalizer.tokens(labels.get(j)).equals(said)) {
                    return Optional.of(new Parse(parse.text(), lang, new IntentScore(journey, 1.0), parse.ranking(),
                            parse.entities()));
                }
            }
        }
        return Optional.empty();
    }

    /** The message as if the engine had chosen {@code journey}. */
    private static Parse as(Parse parse, String journey, double confidence) {
        return journey.equals(parse.intent().name()) ? parse
                : new Parse(parse.text(), parse.lang(), new IntentScore(journey, confidence), parse.ranking(),
                parse.entities());
    }

    /**
     * The question the bot could not answer, when that is why the conversation goes to a person:
     * this message, failed a second time, or the one before a request for a person made on the
     * bot's "I don't know".
     */
    private static Optional<String> unanswered(Conversation conversation, Parse parse, Turn turn) {
        if (turn.fallback()) {
            return Optional.of(parse.text());
        }
        if (!conversation.fellBack()) {
            return Optional.empty();
        }
        List<Message> messages = conversation.messages();
        for (int m = messages.size() - 1; m >= 0; m--) {
            if (messages.get(m).from().equals("user")) {
                return Optional.of(messages.get(m).text());
            }
        }
        return Optional.empty();
    }

    /**
     * Puts the conversation in its team's queue and tells the user what comes next: the
     * expected wait, or, when no one of the team can answer now, the offer to leave a message.
     */
    private Turn handOff(Conversation conversation, Turn turn, Parse parse, Optional<String> unanswered) {
        String lang = parse.lang();
        // "je voudrais parler à quelqu'un pour un projet d'implantation" names whose team it asks for.
        String team = catalogue.team(conversation, catalogue.namedBy(parse.text(), List.copyOf(catalogue.names()))
                .or(() -> unanswered.flatMap(question -> answers.nearestJourney(question, lang))));
        conversation.waitForAgent(team, clock.instant());
        Staffing.Availability availability = staffing.availability(team);
        String teamName = catalogue.teamName(team, lang);
        List<Reply> replies = new ArrayList<>();
        if (!availability.staffed()) {
            replies.add(new Reply.Text(phrases.text("no_agent", lang, Map.of("team", teamName))));
            replies.add(leads.takeMessage(conversation, lang));
        } else if (availability.expectedWait() != null) {
            long minutes = Math.max(1, (availability.expectedWait().toSeconds() + 59) / 60);
            replies.add(new Reply.Text(phrases.text("waiting_agent_eta", lang,
                    Map.of("team", teamName, "minutes", Long.toString(minutes)))));
        } else {
            replies.addAll(turn.replies());
        }
        return turn.withReplies(replies, Status.WAITING_AGENT);
    }

    private Turn decide(Conversation conversation, Parse parse, LocalDate now) {
        String lang = parse.lang();
        IntentScore intent = parse.intent();
        int turnNumber = conversation.messages().size();
        Status status = conversation.status();
        if (journeys.underWay(conversation)) {
            return journeys.resume(conversation, parse, now, turnNumber);
        }
        Optional<String> languageAsked = SpokenLanguages.asked(parse.text());
        if (languageAsked.isPresent()) {
            // "hello, do you speak English?": yes, in English, rather than the page on English-language services.
            return new Turn(List.of(new Reply.Text(phrases.text("speaks_languages", languageAsked.get())),
                    new Reply.QuickReplies(phrases.list("journeys_menu", languageAsked.get()))), intent, List.of(), false,
                    status);
        }
        if (WeatherQuestions.asked(parse.text())) {
            return new Turn(List.of(new Reply.Text(phrases.text("weather", lang)),
                    new Reply.QuickReplies(phrases.list("journeys_menu", lang))), intent, List.of(), false, status);
        }
        Optional<Parse> chosen = chosenFromMenu(parse);
        if (chosen.isPresent()) {
            // "Passer un week-end" tapped in the menu chooses the journey: the pages that speak of
            // week-ends are not what it asks, and quoting one would offer the same choice again.
            return journeys.start(conversation, chosen.get(), now, turnNumber);
        }
        Optional<Offer> offered = offeredJourney(conversation);
        if (offered.isPresent() && acceptsOffer(parse, offered.get(), now)) {
            // "oui", or the facts of the project the bot just offered to prepare ("150 m², avec une porte pour le camion").
            return startAfter(JourneyFlow.isQuestion(parse) ? answers.answer(parse) : Optional.empty(),
                    conversation, as(parse, offered.get().journey(), Math.max(intent.confidence(), NEAR_JOURNEY)), now,
                    turnNumber);
        }
        if (catalogue.declares(intent.name())) {
            // The words that name a journey overrule the engine's choice among journeys.
            String named = catalogue.namedBy(parse.text(), List.copyOf(catalogue.names())).orElse(intent.name());
            return journeyTopic(conversation, parse, named, now, turnNumber);
        }
        if (intent.name().equals(Intents.HUMAN_HANDOFF)) {
            // "et le téléphone du musée ?" taken for a call, hesitantly: a question the pages answer,
            // unless its words ask for a person.
            Optional<Answers.Answer> asked = hesitantQuestion(parse) && !JourneyFlow.wordsAskForAPerson(parse.text())
                    ? answers.consult(parse, conversation).answer() : Optional.empty();
            if (asked.isPresent()) {
                return answered(asked.get(), asked.get().journey(), intent, lang, conversation);
            }
            String text = Optional.ofNullable(intentReplies.pick(intent.name(), lang, turnNumber))
                    .orElse(phrases.text("waiting_agent", lang));
            return new Turn(List.of(new Reply.Text(text)), intent, List.of(), false, Status.WAITING_AGENT);
        }
        if (!intent.name().equals(Intents.NONE)) {
            // A greeting, thanks or goodbye; a longer one may carry a question the pages answer.
            Optional<Answers.Answer> carried;
            if (hesitantQuestion(parse)) {
                // "c'est combien ?" taken for thanks, hesitantly: a question, read with the answer before it.
                carried = answers.consult(parse, conversation).answer();
            } else {
                carried = smallTalk(parse) ? Optional.empty() : answers.answer(parse);
            }
            if (carried.isPresent()) {
                return answered(carried.get(), carried.get().journey(), intent, lang, conversation);
            }
            List<Reply> replies = new ArrayList<>();
            Optional.ofNullable(intentReplies.pick(intent.name(), lang, turnNumber))
                    .ifPresent(text -> replies.add(new Reply.Text(text)));
            if (intent.name().equals(Intents.GREETING)) {
                replies.add(new Reply.QuickReplies(phrases.list("journeys_menu", lang)));
            }
            return new Turn(replies, intent, List.of(), false, status);
        }
        Answers.Consulted consulted = answers.consult(parse, conversation);
        Optional<Answers.Answer> answer = consulted.answer();
        Optional<IntentScore> likely = likelyJourney(parse, now);
        boolean project = likely.map(score -> catalogue.get(score.name()))
                .filter(found -> JourneyFlow.statesAnIntention(found, parse, now)
                        || JourneyFlow.statesAProject(found, parse, now)).isPresent();
        if (parse.outOfScope() && !project && !consulted.followsUp() && !WeatherQuestions.asksWhatToDoInIt(parse.text())
                && answer.filter(found -> found.score() >= OUT_OF_SCOPE_ANSWERED).isEmpty()
                && !answers.asksAboutWhatThePagesName(parse)) {
            // An alarm, music, the weather: honestly not this desk's job, and no reason to call a person.
            // A project the message names is this desk's job, whatever the engine took it for: "on
            // voudrait venir en famille voir le marché de Noël"; so is what to do in the rain, and the
            // address of a place the pages name ("adresse du conservatoire"), though they do not give it.
            return new Turn(List.of(new Reply.Text(phrases.text("out_of_scope", lang)),
                    new Reply.QuickReplies(phrases.list("journeys_menu", lang))), intent, List.of(), true, status);
        }
        // Information the pages do not give gets an honest "I don't know", not a form, unless a project is stated.
        Optional<IntentScore> journey = likely.filter(found -> !asksInformation(parse, found.name(), now));
        Optional<Journey> named = journey.map(score -> catalogue.get(score.name()));
        if (named.isPresent() && (answer.isEmpty() || JourneyFlow.statesAnIntention(named.get(), parse, now)
                || JourneyFlow.statesAProjectBesidesWhen(named.get(), parse, now))) {
            // Rather than "I don't know", or after the answer when the person says they mean to do it or
            // gives its facts ("a group of 8 friends, a weekend in june, 150€ per person"): the project the
            // message speaks of, which the intent engine nearly chose.
            Optional<Answers.Answer> asked = JourneyFlow.isQuestion(parse) && !JourneyFlow.endsAskingForHelp(parse)
                    ? answer : answer.filter(found -> answersBesidesTheProject(parse, named.get(), found, now));
            return startAfter(asked, conversation, as(parse, named.get().name(), journey.get().confidence()), now,
                    turnNumber);
        }
        return answer
                .map(found -> answered(found, found.journey(), intent, lang, conversation))
                .orElseGet(() -> unanswered(conversation, intent, lang, consulted.nearestJourney(),
                        likely.map(IntentScore::name).orElse(null)));
    }

    /** Whether the message is a question the intent engine gave its intent hesitantly (under 0.6). */
    private static boolean hesitantQuestion(Parse parse) {
        return JourneyFlow.isQuestion(parse) && parse.intent().confidence() < JourneyFlow.SWITCH_CONFIDENCE;
    }

    /**
     * The honest "I don't know", naming the team of {@code nearestJourney}'s field, with a person to
     * talk to and, unless null, {@code offered} to prepare; a second one in a row hands over.
     */
    private Turn unanswered(Conversation conversation, IntentScore intent, String lang, Optional<String> nearestJourney,
                            String offered) {
        if (conversation.fellBack()) {
            return new Turn(List.of(new Reply.Text(phrases.text("failed_twice", lang))), intent, List.of(), true,
                    Status.WAITING_AGENT);
        }
        List<Reply> replies = new ArrayList<>(List.of(new Reply.Text(phrases.text("fallback", lang, Map.of("team",
                catalogue.teamName(catalogue.team(conversation, nearestJourney), lang))))));
        List<String> choices = new ArrayList<>(List.of(phrases.text("ask_human", lang)));
        if (offered != null) {
            replies.add(new Reply.Text(phrases.text(OFFER_INSTEAD + offered, lang)));
            choices.add(phrases.list("journeys_menu", lang).get(Intents.JOURNEYS.indexOf(offered)));
        }
        replies.add(new Reply.QuickReplies(choices));
        return new Turn(replies, intent, List.of(), true, conversation.status());
    }
}
