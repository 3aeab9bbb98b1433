package io.guichet.dialogue;

import io.guichet.conversation.Conversation;
import io.guichet.generation.GroundedAnswers;
import io.guichet.generation.PlantedInstructions;
import io.guichet.kb.KbDocument;
import io.guichet.kb.KnowledgeBase;
import io.guichet.kb.SearchHit;
import io.guichet.nlu.DateRange;
import io.guichet.nlu.Parse;
import io.guichet.nlu.TextNormalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers an information question by quoting the knowledge base, when its best passage is trusted. */
final class Answers {
    /** An extractive answer quotes at most this much of the best passage. */
    private static final int ANSWER_CHARS = 600;
    /** The passages a model writes its answer from: the best hits, trusted or not, as it may combine them. */
    private static final int GENERATION_PASSAGES = 3;
    /** How many of the first pages found may answer for the field of the journey under way. */
    private static final int FIELD_CANDIDATES = 3;
    /** The conversation's lines sent with the question, for what it refers to. */
    private static final int CONTEXT_LINES = 6;
    /** A page this short is sent whole to the model rather than by its best passage. */
    private static final int WHOLE_PAGE_CHARS = 2000;
    /** The id of passage n as the model cites it: "p1". */
    private static final String PASSAGE_ID = "p";
    /** How an event listed for the dates asked begins its line, before its title and its dates. */
    private static final String EVENT_LISTED = "• ";
    /** How many questions back the subject of a question that leans on them is looked for. */
    private static final int SUBJECT_LOOKBACK = 3;
    /** The first words of a question that points back at what was just said. Folded, spaced. */
    private static final Pattern LEANING = Pattern.compile(" (?:et|mais|and|but|what about|how about) ");
    /**
     * Pronouns that stand for what was just talked of ("il y a", "il faut" stand for nothing; "ils"
     * and "elles" always stand for someone: "ils acceptent les chiens ?"). Folded, spaced.
     */
    private static final Pattern POINTING_BACK = Pattern.compile(" (?:c est|ca|cela|il est|elle est|ils|elles"
            + "|it|its|they|them) ");
    /**
     * What one can, may or must do before a pronoun: "on peut faire ça à vélo ?" asks of what was
     * talked of. Left out here only: dropped from every query, "qui peut m'aider à monter mon
     * projet ?" became a question on the aids. Folded, spaced.
     */
    private static final Pattern MODAL = Pattern.compile("(?<= )(?:peut|peuvent|pouvons|pourrait|pourrions|doit"
            + "|doivent|devons|faut)(?= )");
    /**
     * "c'est quoi" before what it asks about: the words after it name the subject ("c'est quoi le
     * mieux pour un resto romantique ?"), which may or may not be the page before's ("c'est quoi
     * les horaires ?"). Folded, spaced.
     */
    private static final Pattern WHAT_IS_NAMED = Pattern.compile(" c est (?:quoi|qui) \\S");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    /** A page this close to an unanswered question, three quarters of trusted, tells which team is most likely to know. */
    static final double NEIGHBOURHOOD = 0.75 * KnowledgeBase.TRUSTED;

    /** By default, a page not updated for longer than this is quoted with a warning that it may be out of date. */
    public static final Period OUTDATED_AFTER = Period.ofYears(1);

    private static final Logger LOG = LoggerFactory.getLogger(Answers.class);

    private final KnowledgeBase knowledge;
    private final Events events;
    private final Phrases phrases;
    private final Clock clock;
    private volatile Period outdatedAfter = OUTDATED_AFTER;
    /** The model that writes answers from the passages, or null: the passages are quoted. */
    private volatile GroundedAnswers generated;
    /** Who is told the model's answer while it is written. */
    private volatile Drafts drafts = Drafts.NONE;

    Answers(KnowledgeBase knowledge, Phrases phrases, Clock clock) {
        this.knowledge = knowledge;
        this.events = new Events(knowledge);
        this.phrases = phrases;
        this.clock = clock;
    }

    /** A page not updated for longer than {@code age} is quoted with a warning that it may be out of date. */
    void warnOfPagesOlderThan(Period age) {
        this.outdatedAfter = age;
    }

    /** Answers to questions are written by {@code generated} from the passages, when a page is trusted. */
    void generateWith(GroundedAnswers generated) {
        this.generated = generated;
    }

    /** The model's answers are told to {@code drafts} while they are written. */
    void draftTo(Drafts drafts) {
        this.drafts = drafts;
    }

    /** The answer's replies and its source, or empty when nothing in the base answers well enough. */
    Optional<Answer> answer(Parse parse) {
        return consult(parse).answer();
    }

    /**
     * {@code found}, the quote that answers {@code parse}, as the person is to read it: written
     * by the model from the best passages when one is set (empty when it finds they do not
     * answer), quoted otherwise.
     */
    Optional<Answer> inWords(Answer found, Parse parse, Conversation conversation) {
        return generated == null || found.worded() ? Optional.of(found) : consult(parse, conversation).answer();
    }

    /**
     * What the pages say to a question: the answer when one is trusted, and the journey of the
     * nearest page; {@code followsUp} when the answer is the page before, read with the questions
     * before ("c'est combien par mois ?"), which the intent engine, reading the message alone, may
     * have taken for a request out of scope.
     */
    record Consulted(Optional<Answer> answer, Optional<String> nearestJourney, boolean followsUp) {
        Consulted(Optional<Answer> answer, Optional<String> nearestJourney) {
            this(answer, nearestJourney, false);
        }
    }

    /**
     * Whether the message asks about a thing the pages name ("adresse du conservatoire" where a page
     * lists the conservatoire): a question to this desk, though no page may answer it.
     */
    boolean asksAboutWhatThePagesName(Parse parse) {
        return knowledge.namesWhatIsAskedAbout(parse.text(), parse.lang());
    }

    /** The answer to {@code parse}, and, for an "I don't know", whose field the question is nearest to. */
    Consulted consult(Parse parse) {
        return consult(parse, null);
    }

    /**
     * The answer to {@code parse}, and, for an "I don't know", whose field the question is nearest
     * to; written by the model from the best passages when one is trusted and a model is set,
     * with {@code conversation}'s last lines for context (none: the passages are quoted).
     */
    Consulted consult(Parse parse, Conversation conversation) {
        Consulted found = consulted(parse, conversation);
        // Read with the conversation, the answer is as the person is to read it: the model, when one is
        // set, has written it or declined to.
        return conversation == null ? found
                : new Consulted(found.answer().map(Answer::asWorded), found.nearestJourney(), found.followsUp());
    }

    private Consulted consulted(Parse parse, Conversation conversation) {
        Optional<DateRange> dates = Events.asked(parse, LocalDate.now(clock));
        List<KbDocument> on = dates.map(asked -> events.askedFor(parse, asked)).orElse(List.of());
        if (!on.isEmpty()) {
            return new Consulted(Optional.of(eventsOn(on, dates.get(), parse.lang())),
                    Optional.ofNullable(on.get(0).journey()));
        }
        // A request out of the desk's scope is answered only when the pages answer it clearly: the
        // quote does, and a model's answer to it would mostly be thrown away, at a cost.
        GroundedAnswers model = conversation == null || parse.outOfScope() ? null : generated;
        int wanted = model == null ? 1 : GENERATION_PASSAGES;
        // Asked what is on when nothing is, a person hears so, then of the things to do: the pages of
        // the agenda's journey ("we're visiting next month, what's on?" is no question on the
        // business park's "visites sur rendez-vous").
        boolean nothingOn = dates.isPresent() && Events.asksWhatIsOn(parse.text()) && events.keepsAnAgenda();
        Predicate<KbDocument> answering = nothingOn ? events.ofTheAgendasJourney() : page -> true;
        String underWay = conversation == null || conversation.journey() == null || !conversation.journey().active()
                ? null : conversation.journey().name();
        List<SearchHit> hits = knowledge.search(parse.text(), underWay == null ? wanted
                : Math.max(wanted, FIELD_CANDIDATES), parse.lang(), answering);
        Optional<String> nearest = nearestJourney(hits);
        boolean foundAlone = trusted(hits).isPresent();
        // Only a question follows up: "merci, c'est parfait" is no question on the page before.
        boolean question = conversation != null && JourneyFlow.isQuestion(parse);
        boolean namesWhatItAsks = question && WHAT_IS_NAMED.matcher(folded(parse.text())).find();
        boolean pointsBack = question && !namesWhatItAsks && pointsBack(parse.text(), parse.lang());
        boolean leaning = namesWhatItAsks || question && leans(parse.text());
        Optional<List<SearchHit>> followed = question && (!foundAlone || pointsBack || leaning)
                ? onThePageBefore(parse, conversation, wanted, foundAlone, pointsBack) : Optional.empty();
        if (followed.isEmpty() && leaning && !foundAlone) {
            followed = withTheQuestionsBefore(parse, conversation, wanted);
        }
        if (foundAlone && followed.isPresent() && !pointsBack && saysMoreOf(hits.get(0), followed.get(), parse)) {
            // "and healthcare, is it easy to find a GP who speaks English?" after the schools' page, which
            // speaks English too: the page the question finds alone states more of it. A pronoun that
            // stands for the page before makes it the subject, whatever else the question names.
            followed = Optional.empty();
        }
        if (followed.isPresent()) {
            hits = followed.get();
        } else if (underWay != null) {
            hits = ofTheFieldUnderWay(hits, underWay, parse);
        }
        Optional<SearchHit> trusted = trusted(hits);
        if (trusted.isEmpty()) {
            // That nothing is on is an answer of its own: the person need not ask again.
            Optional<Answer> agendaAlone = nothingOn ? Optional.of(new Answer(
                    List.of(saidOf("events_none", dates.get(), parse.lang())), List.of(), null, 1.0)) : Optional.empty();
            return new Consulted(agendaAlone, nearest);
        }
        if (model != null) {
            Drafts told = drafts;
            GroundedAnswers.Outcome outcome = model.answer(parse.text(), parse.lang(), lastLines(conversation),
                    passages(hits), told == Drafts.NONE ? null : piece -> told.drafted(conversation.id(), piece));
            if (outcome instanceof GroundedAnswers.Outcome.Answered written) {
                return new Consulted(Optional.of(notOnThoseDates(generatedAnswer(written, hits, trusted.get().score(),
                        parse.lang()), dates, nothingOn, parse.lang())), nearest, followed.isPresent());
            }
            if (outcome instanceof GroundedAnswers.Outcome.NotAnswered) {
                // The model read the passages and found no answer: an honest "I don't know" beats a quote beside the point.
                return new Consulted(Optional.empty(), nearest);
            }
        }
        return new Consulted(Optional.of(notOnThoseDates(quoted(trusted.get(), parse), dates, nothingOn,
                parse.lang())), nearest, followed.isPresent());
    }

    /**
     * The answer, first saying that the event its page describes is not on at the dates asked:
     * "un concert samedi soir ?" answered from the summer jazz festival's page would otherwise
     * read as a concert on Saturday. A question on what is on then ("que faire le 20 janvier à la
     * piscine ?"), asked of an agenda that holds nothing at those dates, hears so first too.
     */
    private Answer notOnThoseDates(Answer found, Optional<DateRange> dates, boolean nothingOn, String lang) {
        KbDocument page = found.page();
        if (dates.isEmpty()) {
            return found;
        }
        boolean eventElsewhen = !page.periods().isEmpty()
                && !Events.takesPlace(page, dates.get().start(), dates.get().end());
        if (!eventElsewhen && !nothingOn) {
            return found;
        }
        List<Reply> replies = new ArrayList<>(List.of(saidOf(eventElsewhen ? "events_not_on" : "events_none",
                dates.get(), lang)));
        replies.addAll(found.replies());
        return new Answer(replies, found.sources(), page, found.score());
    }

    /** The phrase {@code key} said of {@code dates}: "Je ne vois rien au programme le 20 janvier 2027." */
    private Reply saidOf(String key, DateRange dates, String lang) {
        return new Reply.Text(phrases.text(key, lang, Map.of("dates", Events.span(dates.start(), dates.end(), lang))));
    }

    /** The answer that quotes {@code best}, introduced with its page's title and date. */
    private Answer quoted(SearchHit best, Parse parse) {
        Reply.Card card = card(best);
        String lang = parse.lang();
        KbDocument page = best.document();
        LocalDate updated = card.updated();
        Map<String, String> values = Map.of("title", page.title(),
                "date", updated == null ? "" : SlotWording.day(updated, lang));
        // Every word of the bot in the person's language; the quote as written, said to be in the other one.
        String intro = (page.lang().equals(lang) ? "answer_intro" : "answer_intro_other_language")
                + (updated == null ? "" : "_dated");
        List<Reply> replies = new ArrayList<>(List.of(new Reply.Text(phrases.text(intro, lang, values)),
                new Reply.Text(quote(withoutPlantedInstructions(best.passage(), page), parse.text(), page.title(),
                        knowledge.statedShare(parse.text(), lang, page)))));
        outdatedWarning(page, lang).ifPresent(replies::add);
        replies.add(new Reply.Cards(List.of(card)));
        return new Answer(replies, List.of(card), page, best.score());
    }

    /**
     * The passages sent to the model, "p1" the best: a short page whole (its best passage may be its
     * introduction while its hours are two lines below), a long one by its best passage. Their texts
     * are masked on the way out.
     */
    private static List<GroundedAnswers.Passage> passages(List<SearchHit> hits) {
        List<GroundedAnswers.Passage> passages = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            KbDocument page = hits.get(i).document();
            String text = page.body().length() <= WHOLE_PAGE_CHARS ? page.body().strip() : hits.get(i).passage();
            passages.add(new GroundedAnswers.Passage(PASSAGE_ID + (i + 1), page.title(), page.updatedOn().orElse(null),
                    withoutPlantedInstructions(text, page)));
        }
        return passages;
    }

    /**
     * {@code text} of {@code page} without the sentences it addresses to a language model, which
     * are neither sent to one nor quoted; the content team is told of them in the log.
     */
    private static String withoutPlantedInstructions(String text, KbDocument page) {
        String kept = PlantedInstructions.without(text);
        if (kept.length() != text.length()) {
            LOG.warn("page {} speaks to a language model (\"ignore your instructions\"…): those sentences are "
                    + "left out of its answers; check who edited it", page.id());
        }
        return kept;
    }

    /**
     * {@code hits}, led by the first trusted page of the field of {@code journey}, the journey under
     * way, that states as much of the question as the first page found: on the way of a week-end,
     * "et pour dormir ?" asks for a room, not a flat to rent. A page of another field that states
     * more ("is the old town accessible with a wheelchair?") still answers.
     */
    private List<SearchHit> ofTheFieldUnderWay(List<SearchHit> hits, String journey, Parse parse) {
        if (hits.isEmpty() || journey.equals(hits.get(0).document().journey())) {
            return hits;
        }
        for (SearchHit hit : hits.subList(1, hits.size())) {
            if (journey.equals(hit.document().journey()) && hit.score() >= KnowledgeBase.TRUSTED
                    && knowledge.shareStated(hit.document(), parse.text(), parse.lang())
                    >= knowledge.shareStated(hits.get(0).document(), parse.text(), parse.lang())) {
                List<SearchHit> led = new ArrayList<>(List.of(hit));
                hits.stream().filter(other -> other != hit).forEach(led::add);
                return led;
            }
        }
        return hits;
    }

    /** Whether {@code alone}'s page states more of the question than the first of {@code followed}, another page. */
    private boolean saysMoreOf(SearchHit alone, List<SearchHit> followed, Parse parse) {
        if (followed.isEmpty() || followed.get(0).id().equals(alone.id())) {
            return false;
        }
        return knowledge.shareStated(alone.document(), parse.text(), parse.lang())
                > knowledge.shareStated(followed.get(0).document(), parse.text(), parse.lang());
    }

    /**
     * The hits for a question that leans on the answer before it ("c'est combien par mois ?" after
     * the coworking spaces were quoted): the page last quoted (or the events last listed), searched
     * with the question and the ones just before it, when it answers them well enough to be trusted.
     * The page must state some of the question, unless the question only asks ("how much is it?")
     * or, found nowhere on its own, points back with a pronoun ("where does it stop?"): a question
     * on something else ("et une patinoire ?", "c'est quoi les aides ?") is not answered from it.
     * A question whose pronoun stands for what was talked of, and that the page before does not
     * answer, is searched with it among all pages ("c'est loin de la gare ?" after the museum asks
     * how far the museum is): its hits, trusted or not, replace those of its words alone, which
     * would be a page about anything.
     */
    private Optional<List<SearchHit>> onThePageBefore(Parse parse, Conversation conversation, int wanted,
                                                      boolean foundAlone, boolean pointsBack) {
        List<KbDocument> before = lastQuoted(conversation);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        boolean aboutAnyOfThem = !foundAlone && pointsBack || knowledge.onlyAsks(parse.text(), parse.lang());
        List<KbDocument> pages = before.stream()
                .filter(page -> aboutAnyOfThem || knowledge.mentions(page, parse.text(), parse.lang())).toList();
        if (pages.isEmpty() && !pointsBack) {
            return Optional.empty();
        }
        // The bot's answer named the pages by their titles ("qu'est-ce qu'il y a le 12 ?" names no concert,
        // the list of events did).
        String said = questionsBefore(conversation);
        List<KbDocument> subject = pages.isEmpty() ? before : pages;
        String named = subject.stream().map(KbDocument::title).collect(Collectors.joining("\n"));
        Set<String> ids = pages.stream().map(KbDocument::id).collect(Collectors.toSet());
        List<SearchHit> onThem = knowledge.search(said + "\n" + named + "\n" + parse.text(), wanted, parse.lang(),
                document -> ids.isEmpty() || ids.contains(document.id()));
        if (pages.isEmpty()) {
            // The page before, which the pronoun stands for, is quoted where it answers the questions
            // together ("c'est loin de la gare ?" of the museum: its address); another page ("and if it
            // rains?" after the week-end's events) where it answers the question.
            return Optional.of(onThem.isEmpty() || before.contains(onThem.get(0).document()) ? onThem
                    : quotingFor(parse, onThem));
        }
        return trusted(onThem).map(hit -> quotingFor(parse, onThem));
    }

    /**
     * {@code hits}, the first quoting the passage of its page that answers the question alone:
     * searched with the questions before it, a follow-up finds the page they speak of, and the
     * passage that answers them ("et ils ouvrent le dimanche ?" after the tourist office's
     * number would quote the number again).
     */
    private List<SearchHit> quotingFor(Parse parse, List<SearchHit> hits) {
        SearchHit first = hits.get(0);
        List<SearchHit> alone = knowledge.search(parse.text(), 1, parse.lang(),
                page -> page.id().equals(first.id()));
        if (alone.isEmpty()) {
            return hits;
        }
        List<SearchHit> quoting = new ArrayList<>(hits);
        quoting.set(0, new SearchHit(first.document(), first.score(), alone.get(0).passage(), alone.get(0).snippet()));
        return quoting;
    }

    /**
     * The hits for a question that leans on the questions before it and not on the page before
     * ("et s'il pleut ?" after "qu'est-ce qu'on peut faire avec des ados ?", which listed the
     * week-end's events): searched with those questions among all pages, when the first page
     * found is trusted and states some of the question itself; "et un golf ?" after the pools is
     * not answered by the pools.
     */
    private Optional<List<SearchHit>> withTheQuestionsBefore(Parse parse, Conversation conversation, int wanted) {
        String before = questionsBefore(conversation);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        List<SearchHit> hits = knowledge.search(before + "\n" + parse.text(), wanted, parse.lang(), page -> true);
        return trusted(hits).filter(first -> knowledge.mentions(first.document(), parse.text(), parse.lang()))
                .map(first -> quotingFor(parse, hits));
    }

    /** The person's last {@link #SUBJECT_LOOKBACK} messages before this one, one a line. */
    private static String questionsBefore(Conversation conversation) {
        // The conversation holds the messages before this one.
        List<String> asked = conversation.messages().stream().filter(message -> message.from().equals("user"))
                .map(io.guichet.conversation.Message::text).toList();
        return String.join("\n", asked.subList(Math.max(0, asked.size() - SUBJECT_LOOKBACK), asked.size()));
    }

    /**
     * The pages the bot quoted or listed in its latest answer among those to the last {@link
     * #SUBJECT_LOOKBACK} questions: a quote is introduced by its page's title between quotation
     * marks, and each event listed for the dates asked begins its line with its page's title.
     */
    private List<KbDocument> lastQuoted(Conversation conversation) {
        List<io.guichet.conversation.Message> messages = conversation.messages();
        int questions = 0;
        for (int m = messages.size() - 1; m >= 0 && questions < SUBJECT_LOOKBACK; m--) {
            io.guichet.conversation.Message message = messages.get(m);
            if (message.from().equals("user")) {
                questions++;
            } else if (message.from().equals("bot")) {
                List<KbDocument> named = knowledge.documents().stream()
                        .filter(page -> message.text().contains("« " + page.title() + " »")
                                || message.text().contains("“" + page.title() + "”")
                                || message.text().contains(EVENT_LISTED + page.title() + " ("))
                        .toList();
                if (!named.isEmpty()) {
                    return named;
                }
            }
        }
        return List.of();
    }

    /**
     * Whether a question begins by leaning on what was just said ("et le parking ?", "and how
     * much?"): like one that points back with a pronoun ("c'est loin du centre ?", "is it open on
     * Sundays?"), it is read with the question before first, even when it finds a page on its own,
     * which would be a page about anything.
     */
    private static boolean leans(String text) {
        return LEANING.matcher(folded(text)).lookingAt();
    }

    /**
     * Whether a pronoun of the question stands for what was just talked of: "c'est", "ça", "it",
     * "they", with nothing named before it. In "ah et on a un chien, c'est possible ?", "c'est"
     * stands for the dog.
     */
    private boolean pointsBack(String text, String lang) {
        String folded = folded(text);
        Matcher pronoun = POINTING_BACK.matcher(folded);
        return pronoun.find()
                && knowledge.onlyAsks(MODAL.matcher(folded.substring(0, pronoun.start() + 1)).replaceAll(" "), lang);
    }

    private static String folded(String text) {
        return " " + String.join(" ", TextNormalizer.tokens(text)) + " ";
    }

    /** The person's and the bot's last lines, oldest first: "et le dimanche ?" reads against them. */
    static List<GroundedAnswers.Line> lastLines(Conversation conversation) {
        List<GroundedAnswers.Line> lines = conversation.messages().stream()
                .filter(message -> message.from().equals("user") || message.from().equals("bot"))
                .map(message -> new GroundedAnswers.Line(message.from(), message.text())).toList();
        return lines.subList(Math.max(0, lines.size() - CONTEXT_LINES), lines.size());
    }

    /**
     * The model's answer, then the cards of the pages it cites, the first cited being the answer's
     * page; with the warning that it may be out of date when that page is old.
     */
    private Answer generatedAnswer(GroundedAnswers.Outcome.Answered written, List<SearchHit> hits, double score,
                                   String lang) {
        List<KbDocument> cited = written.cited().stream()
                .map(id -> hits.get(Integer.parseInt(id.substring(PASSAGE_ID.length())) - 1).document())
                .distinct().toList();
        List<Reply.Card> cards = cited.stream().map(Answers::card).toList();
        List<Reply> replies = new ArrayList<>(List.of(new Reply.Text(written.text())));
        outdatedWarning(cited.get(0), lang).ifPresent(replies::add);
        replies.add(new Reply.Cards(cards));
        return new Answer(replies, cards, cited.get(0), score);
    }

    /** The warning that {@code page} may be out of date, when it was updated longer ago than the age allowed. */
    private Optional<Reply> outdatedWarning(KbDocument page, String lang) {
        return page.updatedOn().filter(updated -> updated.plus(outdatedAfter).isBefore(LocalDate.now(clock)))
                .map(updated -> new Reply.Text(phrases.text("answer_outdated", lang,
                        Map.of("title", page.title(), "date", SlotWording.day(updated, lang)))));
    }

    /**
     * The events that take place at the dates asked, the soonest first, each with its days, before
     * any evergreen page: "que faire ce week-end ?" is asked of the agenda, not of the guide.
     */
    private Answer eventsOn(List<KbDocument> on, DateRange dates, String lang) {
        StringBuilder list = new StringBuilder();
        for (KbDocument event : on) {
            list.append(list.isEmpty() ? "" : "\n").append(EVENT_LISTED).append(event.title()).append(" (")
                    .append(Events.when(event, dates.start(), dates.end(), lang)).append(')');
        }
        List<Reply.Card> cards = on.stream().map(Answers::card).toList();
        return new Answer(List.of(new Reply.Text(phrases.text("events_on", lang,
                Map.of("dates", Events.span(dates.start(), dates.end(), lang)))), new Reply.Text(list.toString()),
                new Reply.Cards(cards)), cards, on.get(0), 1.0);
    }

    /**
     * The journey of the page nearest to a question the base does not answer, when it comes near
     * enough to tell whose field the question is in: "les horaires de la déchetterie" comes
     * nearest to the tourist office's page, not to the incubator's.
     */
    Optional<String> nearestJourney(String question, String lang) {
        return nearestJourney(knowledge.search(question, 1, lang));
    }

    private static Optional<String> nearestJourney(List<SearchHit> hits) {
        return hits.stream().findFirst().filter(hit -> hit.score() >= NEIGHBOURHOOD)
                .map(hit -> hit.document().journey());
    }

    /**
     * The replies that quote the answer, its source cards (the page quoted first) and page, its
     * confidence; no page when the agenda's word that nothing is on is the whole answer.
     */
    record Answer(List<Reply> replies, List<Reply.Card> sources, KbDocument page, double score, boolean worded) {
        /** A quote that a model, when one is set, may still write in words. */
        Answer(List<Reply> replies, List<Reply.Card> sources, KbDocument page, double score) {
            this(replies, sources, page, score, false);
        }

        /** This answer as the person is to read it: no model is asked to write it again. */
        Answer asWorded() {
            return new Answer(replies, sources, page, score, true);
        }

        /** The journey the quoted page belongs to, or null. */
        String journey() {
            return page == null ? null : page.journey();
        }
    }

    /**
     * Whether the page of {@code found} is also the trusted answer to {@code question}; searched
     * only when the page states some of it, as otherwise it cannot answer it.
     */
    boolean alsoAnswers(Answer found, Parse question) {
        return found.page() != null && knowledge.mentions(found.page(), question.text(), question.lang())
                && trusted(knowledge.search(question.text(), 1, question.lang()))
                .filter(hit -> hit.id().equals(found.page().id())).isPresent();
    }

    /** The best hit, when it answers well enough to be quoted. */
    private static Optional<SearchHit> trusted(List<SearchHit> hits) {
        return hits.stream().findFirst().filter(hit -> hit.score() >= KnowledgeBase.TRUSTED);
    }

    static Reply.Card card(SearchHit hit) {
        return card(hit.document());
    }

    static Reply.Card card(KbDocument page) {
        return new Reply.Card(page.title(), page.url(), page.id(), page.updatedOn().orElse(null));
    }

    /**
     * The passage, or when it is longer than {@link #ANSWER_CHARS} the run of its sentences or
     * lines that fits and states the most of the question (the row of a table, the sentence that
     * gives the hours) rather than its first lines: first by {@code statedShare}, the question's
     * information as the search weighs it, then by the words it shares with the question, then
     * the shortest. The words of the page's {@code title} are said by every run: "le musée" in a
     * sentence makes it no likelier to give the museum's hours.
     */
    static String quote(String passage, String question, String title, ToDoubleFunction<List<String>> statedShare) {
        if (passage.length() <= ANSWER_CHARS) {
            return passage;
        }
        // Each sentence's span. A run holds whole lines, unless a line is too long to quote whole: a list
        // item's later sentence has lost its name ("Fermé le dimanche soir et le lundi." says nothing
        // without "Le Cellier Saint-Aubin, 8 rue du Chapitre"), and its first may leave out what follows
        // ("Plein tarif 8 €." without "Gratuit pour les moins de 26 ans").
        List<int[]> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(passage);
        int from = 0;
        while (end.find()) {
            sentences.add(new int[] {from, end.start()});
            from = end.end();
        }
        sentences.add(new int[] {from, passage.length()});
        Set<String> asked = keys(question);
        asked.removeAll(keys(title));
        List<Set<String>> shared = new ArrayList<>();
        for (int[] sentence : sentences) {
            Set<String> said = keys(passage.substring(sentence[0], sentence[1]));
            said.retainAll(asked);
            shared.add(said);
        }
        // What every run states (the page's title): a run that states no more says nothing of the question.
        double titleShare = statedShare.applyAsDouble(List.of());
        int bestStart = -1;
        int bestEnd = -1;
        double bestShare = -1;
        int bestShared = -1;
        for (int first = 0; first < sentences.size(); first++) {
            if (!wholeLines(passage, sentences.get(first)[0])) {
                continue;
            }
            Set<String> window = new HashSet<>();
            List<String> run = new ArrayList<>();
            for (int last = first; last < sentences.size()
                    && sentences.get(last)[1] - sentences.get(first)[0] <= ANSWER_CHARS; last++) {
                window.addAll(shared.get(last));
                run.add(passage.substring(sentences.get(last)[0], sentences.get(last)[1]));
                int start = sentences.get(first)[0];
                int stop = sentences.get(last)[1];
                if (!wholeLines(passage, stop)) {
                    continue;
                }
                double share = statedShare.applyAsDouble(run);
                // Of runs that state as much, the shortest; of runs that state nothing, the passage's head.
                boolean tied = share == bestShare && window.size() == bestShared
                        && (share > titleShare || bestShared > 0);
                if (share > bestShare || (share == bestShare && window.size() > bestShared)
                        || (tied && stop - start < bestEnd - bestStart)) {
                    bestShare = share;
                    bestShared = window.size();
                    bestStart = start;
                    bestEnd = stop;
                }
            }
        }
        if (bestShared < 0) {
            // A single sentence longer than the limit: its head.
            String head = passage.substring(0, ANSWER_CHARS);
            int cut = head.lastIndexOf(' ');
            return (cut > ANSWER_CHARS / 2 ? head.substring(0, cut) : head).strip() + "…";
        }
        return (bestStart > 0 ? "… " : "") + passage.substring(bestStart, bestEnd).strip()
                + (bestEnd < passage.length() ? " …" : "");
    }

    /**
     * Whether a run may begin or end at {@code at}: at a line's start or end, or anywhere within a
     * line longer than a quote.
     */
    private static boolean wholeLines(String passage, int at) {
        int lineStart = passage.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = passage.indexOf('\n', at);
        int stop = lineEnd < 0 ? passage.length() : lineEnd;
        return at == lineStart || passage.substring(at, stop).isBlank() || stop - lineStart > ANSWER_CHARS;
    }

    /** The words of at least four letters, cut to their first five: "ouverte" and "ouvert" meet. */
    private static Set<String> keys(String text) {
        Set<String> keys = new HashSet<>();
        for (String token : TextNormalizer.tokens(text)) {
            if (token.length() >= 4) {
                keys.add(token.substring(0, Math.min(5, token.length())));
            }
        }
        return keys;
    }
}
