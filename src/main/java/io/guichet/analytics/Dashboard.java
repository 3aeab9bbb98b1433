package io.guichet.analytics;

import io.guichet.kb.KbDocument;
import io.guichet.kb.KnowledgeBase;
import io.guichet.kb.SearchHit;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the marketing team reads: the store's figures, with what only the knowledge base knows
 * (the pages never quoted, those quoted but old, the page nearest to each missing topic). Every
 * method blocks on the store: call it on a worker.
 */
public final class Dashboard {
    /** Distinct unanswered questions read for the content gaps, those asked most recently. */
    static final int GAP_QUESTIONS = 5_000;
    private static final int GAP_EXAMPLES = 3;

    /** The groups of the last question lists, per filter read (whole, one channel, one journey…). */
    private static final int GROUPINGS_KEPT = 8;

    private final AnalyticsStore store;
    private final Map<List<ContentGaps.Question>, List<ContentGaps.Gap>> lastGrouped = new LinkedHashMap<>(16, 0.75f,
            true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<ContentGaps.Question>, List<ContentGaps.Gap>> eldest) {
            return size() > GROUPINGS_KEPT;
        }
    };
    private final GapStatuses gapStatuses;
    private final ContentGaps gaps;
    private final KnowledgeBase knowledge;
    private final Clock clock;
    private final Period outdatedAfter;
    private final Function<String, String> language;

    /** @param language the language ("fr" or "en") a text is written in */
    public Dashboard(AnalyticsStore store, GapStatuses gapStatuses, ContentGaps gaps, KnowledgeBase knowledge,
                     Function<String, String> language, Clock clock, Period outdatedAfter) {
        this.store = store;
        this.gapStatuses = gapStatuses;
        this.language = language;
        this.gaps = gaps;
        this.knowledge = knowledge;
        this.clock = clock;
        this.outdatedAfter = outdatedAfter;
    }

    public AnalyticsStore.Overview overview(Filter filter) {
        return store.overview(filter);
    }

    public List<AnalyticsStore.Funnel> funnels(Filter filter) {
        return store.funnels(filter);
    }

    public AnalyticsStore.Handoffs handoffs(Filter filter) {
        return store.handoffs(filter);
    }

    /** The ratings and thumbs; the comments with their e-mails and phone numbers masked. */
    public AnalyticsStore.Satisfaction satisfaction(Filter filter) {
        AnalyticsStore.Satisfaction read = store.satisfaction(filter);
        return new AnalyticsStore.Satisfaction(read.ratings(), read.average(), read.distribution(), read.days(),
                read.journeys(), read.teams(), read.comments().stream().map(comment -> new AnalyticsStore.Comment(
                        comment.at(), comment.score(), comment.team(), comment.journey(),
                        ContentGaps.mask(comment.text()))).toList(),
                read.useful(), read.notUseful(), read.pages());
    }

    public AnalyticsStore.Deliveries deliveries(Filter filter, int failures) {
        return store.deliveries(filter, failures);
    }

    /** A page of the knowledge base as the dashboard lists it. */
    public record Page(String id, String title, String url, String updated, long quoted) {
    }

    /**
     * @param quoted      the pages answers quoted, most first
     * @param neverQuoted the pages no answer quoted over the period
     * @param outdated    the pages quoted though not updated for longer than the configured age
     */
    public record Answers(List<Page> quoted, List<Page> neverQuoted, List<Page> outdated) {
    }

    public Answers answers(Filter filter) {
        Map<String, KbDocument> pages = knowledge.documents().stream()
                .collect(Collectors.toMap(KbDocument::id, Function.identity(), (a, b) -> a));
        List<Page> quoted = store.pagesQuoted(filter).stream()
                .map(count -> page(pages.get(count.key()), count.key(), count.count())).toList();
        Set<String> used = quoted.stream().map(Page::id).collect(Collectors.toSet());
        List<Page> never = knowledge.documents().stream().filter(page -> !used.contains(page.id()))
                .map(page -> page(page, page.id(), 0)).toList();
        LocalDate oldest = LocalDate.now(clock).minus(outdatedAfter);
        List<Page> outdated = quoted.stream().filter(page -> Optional.ofNullable(pages.get(page.id()))
                .flatMap(KbDocument::updatedOn).filter(oldest::isAfter).isPresent()).toList();
        return new Answers(quoted, never, outdated);
    }

    private static Page page(KbDocument document, String id, long quoted) {
        return document == null ? new Page(id, id, null, null, quoted)
                : new Page(id, document.title(), document.url(), document.updated(), quoted);
    }

    /**
     * One missing topic and the page that comes nearest to it (to extend, or to learn that
     * people do not find it), when one comes near at all; what the team decided about it and
     * since when; whether the pages now answer it, read again at each call (after a page was
     * written, or whatever changed in the knowledge base); and whether it was asked again after
     * the team's decision.
     */
    public record Gap(int count, String representative, List<String> examples, String lastAsked, Page nearest,
                      double nearness, GapStatuses.Status status, String statusSince, boolean answeredNow,
                      boolean askedSince) {
    }

    /** The topics the pages miss, most asked first: the list of pages to write next. */
    public List<Gap> gaps(Filter filter, int limit) {
        Map<String, GapStatuses.Marked> statuses = gapStatuses.all();
        return grouped(store.unanswered(filter, GAP_QUESTIONS)).stream().limit(limit).map(gap -> {
            Optional<SearchHit> nearest = knowledge.search(gap.representative(), 1,
                    language.apply(gap.representative())).stream().findFirst();
            Optional<GapStatuses.Marked> marked = gap.keys().stream().map(statuses::get).filter(Objects::nonNull)
                    .max(Comparator.comparing(GapStatuses.Marked::at));
            return new Gap(gap.count(), gap.representative(), gap.examples(), gap.lastAsked().toString(),
                    nearest.map(hit -> page(hit.document(), hit.id(), 0)).orElse(null),
                    nearest.map(SearchHit::score).orElse(0.0),
                    marked.map(GapStatuses.Marked::status).orElse(GapStatuses.Status.OPEN),
                    marked.map(m -> m.at().toString()).orElse(null),
                    nearest.filter(hit -> hit.score() >= KnowledgeBase.TRUSTED).isPresent(),
                    marked.filter(m -> gap.lastAsked().isAfter(m.at())).isPresent());
        }).toList();
    }

    /**
     * The questions grouped, as last time when they are the same questions (the same texts, asked as
     * often, last at the same times): grouping 3,000 wordings takes most of a second, and a
     * dashboard is read again and again between two new questions.
     */
    private List<ContentGaps.Gap> grouped(List<ContentGaps.Question> questions) {
        synchronized (lastGrouped) {
            List<ContentGaps.Gap> known = lastGrouped.get(questions);
            if (known != null) {
                return known;
            }
        }
        List<ContentGaps.Gap> grouped = gaps.group(questions, GAP_EXAMPLES);
        synchronized (lastGrouped) {
            lastGrouped.put(questions, grouped);
        }
        return grouped;
    }

    /**
     * Gives {@code status} to the gap these wordings belong to (its typical wording and examples, as
     * the dashboard shows them): kept under each wording, it follows the gap when its group is made
     * again.
     */
    public void mark(List<String> wordings, GapStatuses.Status status) {
        gapStatuses.mark(wordings.stream().map(ContentGaps::key).distinct().toList(), status, clock.instant());
    }
}
