package io.guichet.dialogue;

import io.guichet.conversation.JourneyState;
import io.guichet.kb.KbDocument;
import io.guichet.kb.KnowledgeBase;
import io.guichet.kb.SearchHit;
import io.guichet.nlu.DateRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The documents to recommend once a journey's questions are answered: the journey's own pages,
 * ranked against what the person asked, without those whose structured facts rule them out (a
 * venue whose {@code capacity} is below the group, a plot smaller than the surface sought, a
 * price above the whole budget, counted for the nights or people asked when the page says what its
 * price is for). A document that states no such fact is not ruled out.
 */
final class Recommender {
    static final int MOST = 5;
    /** Events of the journey's dates among the recommendations, at most. */
    static final int EVENTS = 2;

    private final KnowledgeBase knowledge;

    Recommender(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * The journey's pages that fit, with the events that take place at the journey's dates first
     * (at most {@link #EVENTS} of them, the soonest first): an event at other dates, or when no
     * date is known, is no recommendation.
     */
    List<SearchHit> recommend(Journey journey, JourneyState state, String request, String lang) {
        List<SearchHit> recommended = new ArrayList<>();
        DateRange dates = SlotFiller.range(state.slots().get("date"));
        if (dates != null) {
            knowledge.search(request, EVENTS, lang, d -> d.serves(journey.name()) && fits(d, state.slots())
                            && Events.takesPlace(d, dates.start(), dates.end())).stream()
                    .sorted(Comparator.comparing(SearchHit::document, Events.soonestFirst(dates.start(), dates.end())))
                    .forEach(recommended::add);
        }
        recommended.addAll(knowledge.search(request, MOST - recommended.size(), lang,
                d -> d.serves(journey.name()) && d.periods().isEmpty() && fits(d, state.slots())));
        return recommended;
    }

    static boolean fits(KbDocument document, Map<String, Object> slots) {
        Double people = number(slots.get("people_count"));
        Double surface = number(slots.get("surface_m2"));
        Double budget = number(slots.get("budget_eur"));
        return atLeast(document.number("capacity"), people) && atMost(document.number("capacity_min"), people)
                && atLeast(document.number("surface_m2"), surface) && atMost(document.number("surface_min_m2"), surface)
                && atMost(priceFor(document, slots), budget);
    }

    /**
     * The page's lowest price for what the person asks, to compare with their budget for the whole:
     * a price per night times the nights, per person times the people, per week times the weeks,
     * when the request says how many; a price for the stay, or of no stated unit, as it is.
     */
    static Double priceFor(KbDocument document, Map<String, Object> slots) {
        Double price = document.number("price_from_eur");
        if (price == null || !(document.facts().get("price_unit") instanceof String unit)) {
            return price;
        }
        Double nights = number(slots.get("nights"));
        Double people = number(slots.get("people_count"));
        return switch (unit) {
            case "night" -> nights == null ? price : price * Math.max(1, nights);
            case "person" -> people == null ? price : price * people;
            case "week" -> nights == null ? price : price * Math.max(1, Math.ceil(nights / 7));
            default -> price;
        };
    }

    /** The document's upper bound, if any, is at least the need. */
    private static boolean atLeast(Double bound, Double need) {
        return bound == null || need == null || bound >= need;
    }

    /** The document's lower bound, if any, is at most the need. */
    private static boolean atMost(Double bound, Double need) {
        return bound == null || need == null || bound <= need;
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
