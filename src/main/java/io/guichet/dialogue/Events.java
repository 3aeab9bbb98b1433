package io.guichet.dialogue;

import io.guichet.kb.KbDocument;
import io.guichet.kb.KnowledgeBase;
import io.guichet.kb.SearchHit;
import io.guichet.nlu.DateRange;
import io.guichet.nlu.EntityExtractor;
import io.guichet.nlu.Parse;
import io.guichet.nlu.TextNormalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What is on at the dates a person asks about: the knowledge base's events (pages that state
 * their {@code periods}) that take place then, the soonest first. A question that asks what there
 * is to do ("que faire ce week-end ?", "what's on next Saturday?") gets them all; one that names
 * a kind of thing ("des concerts samedi ?") gets those the search finds near it.
 */
final class Events {
    /** Events listed in one answer. */
    static final int MOST = 5;
    /** Folded words of a question about what is on, whatever it is ("what's on" folds to "what s on"). */
    private static final Set<String> WHATS_ON = Set.of("faire", "on fait", "fait quoi", "fait on", "faisons",
            "sortir", "sortie", "sorties", "evenement", "evenements", "evenementiel", "agenda", "programme",
            "manifestation", "manifestations", "animation", "animations", "se passe", "prevu", "prevus", "activite",
            "activites", "what s on", "whats on", "happening", "going on", "event", "events", "activities",
            "things to do", "what to do", "can we do", "could we do", "can i do");
    /** Reads a season or a year asked about ("cet été", "in the spring"), which are no entities of a message. */
    private static final EntityExtractor HORIZONS = new EntityExtractor();

    private final KnowledgeBase knowledge;

    Events(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * The date a question asks about, when it gives one: a day or a span among its entities, else
     * a season or a year ("que faire cet été ?"), which are no entities of a message.
     */
    static Optional<DateRange> asked(Parse parse, LocalDate today) {
        return parse.entities().stream().map(entity -> entity.value()).filter(DateRange.class::isInstance)
                .map(DateRange.class::cast).findFirst().or(() -> HORIZONS.horizon(parse.text(), today));
    }

    /** Whether {@code text} asks what is on, whatever it is: "que faire ?", "on fait quoi ?", "what's on?". */
    static boolean asksWhatIsOn(String text) {
        String words = " " + String.join(" ", TextNormalizer.tokens(text)) + " ";
        return WHATS_ON.stream().anyMatch(asked -> words.contains(" " + asked + " "));
    }

    /** The events the question asks for at {@code dates}, the soonest first; empty when none fits. */
    List<KbDocument> askedFor(Parse parse, DateRange dates) {
        if (asksWhatIsOn(parse.text())) {
            return during(dates.start(), dates.end()).stream().limit(MOST).toList();
        }
        // A kind of event named ("des concerts") must be what the page speaks of, not merely near it.
        List<KbDocument> on = knowledge.search(parse.text(), MOST, parse.lang(),
                        page -> takesPlace(page, dates.start(), dates.end()))
                .stream().filter(hit -> hit.score() >= Answers.NEIGHBOURHOOD)
                .filter(hit -> knowledge.mentions(hit.document(), parse.text(), parse.lang()))
                .map(SearchHit::document).toList();
        if (on.isEmpty() || knowledge.search(parse.text(), 1, parse.lang()).stream()
                .noneMatch(best -> takesPlace(best.document(), dates.start(), dates.end())
                        || lists(best.document(), on))) {
            // The day named is when the person means to do what the page first found speaks of: "visiter
            // la cathédrale le dimanche" asks about the cathedral, though its square holds a market then.
            // A page that lists the events found (the year's agenda) speaks of them, whatever it dates.
            // Searched only when an event was found: most dated messages name no event at all.
            return List.of();
        }
        return soonestFirst(on, dates.start(), dates.end()).stream().limit(MOST).toList();
    }

    /** Whether {@code page} names one of {@code events} by its title: a list of what is on. */
    private static boolean lists(KbDocument page, List<KbDocument> events) {
        return events.stream().anyMatch(event -> page.body().contains(event.title()));
    }

    /** Whether the pages hold an agenda at all: some state the periods they take place. */
    boolean keepsAnAgenda() {
        return knowledge.documents().stream().anyMatch(page -> !page.periods().isEmpty());
    }

    /**
     * Whether a page is of the journey most of the agenda's events belong to: the things to do
     * (the weekend's pages where the festivals are), not the business parks or the schools.
     */
    Predicate<KbDocument> ofTheAgendasJourney() {
        Optional<String> journey = knowledge.documents().stream().filter(page -> !page.periods().isEmpty())
                .map(KbDocument::journey).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        return page -> journey.map(j -> j.equals(page.journey())).orElse(true);
    }

    /** Every event that takes place between {@code from} and {@code to}, the soonest first. */
    List<KbDocument> during(LocalDate from, LocalDate to) {
        return soonestFirst(knowledge.documents().stream().filter(page -> takesPlace(page, from, to)).toList(), from, to);
    }

    static boolean takesPlace(KbDocument page, LocalDate from, LocalDate to) {
        return page.periods().stream().anyMatch(period -> period.overlaps(from, to));
    }

    /**
     * By the first day each takes place within the dates; on the same day, the shorter first (a
     * concert that night before a month-long market), then by title.
     */
    private static List<KbDocument> soonestFirst(List<KbDocument> events, LocalDate from, LocalDate to) {
        return events.stream().sorted(soonestFirst(from, to)).toList();
    }

    static Comparator<KbDocument> soonestFirst(LocalDate from, LocalDate to) {
        return Comparator.comparing((KbDocument page) -> firstDay(page, from, to))
                .thenComparingLong(page -> length(page, from, to)).thenComparing(KbDocument::title);
    }

    /** The days of the event's first period within the dates. */
    private static long length(KbDocument event, LocalDate from, LocalDate to) {
        return event.periods().stream().filter(period -> period.overlaps(from, to)).findFirst()
                .map(period -> ChronoUnit.DAYS.between(period.start(), period.end())).orElse(0L);
    }

    /** The first day the event takes place between {@code from} and {@code to}. */
    private static LocalDate firstDay(KbDocument event, LocalDate from, LocalDate to) {
        return event.periods().stream().filter(period -> period.overlaps(from, to))
                .map(period -> period.start().isBefore(from) ? from : period.start()).min(Comparator.naturalOrder())
                .orElse(to);
    }

    /** The dates asked, after "what is on": "le 5 décembre 2026", "du 5 au 6 décembre 2026", "from 5 to 6 December 2026". */
    static String span(LocalDate from, LocalDate to, String lang) {
        String written = SlotWording.period(from, to, lang);
        if (from.equals(to)) {
            return ("fr".equals(lang) ? "le " : "on ") + written;
        }
        return "fr".equals(lang) ? written : "from " + written;
    }

    /** When the event takes place within the dates, as a person reads it: "du 5 au 7 décembre 2026". */
    static String when(KbDocument event, LocalDate from, LocalDate to, String lang) {
        return event.periods().stream().filter(period -> period.overlaps(from, to)).findFirst()
                .map(period -> SlotWording.period(period.start(), period.end(), lang)).orElse("");
    }
}
