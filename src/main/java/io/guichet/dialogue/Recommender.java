package io.guichet.dialogue;

import io.guichet.conversation.JourneyState;
import io.guichet.kb.KbDocument;
import io.guichet.kb.KnowledgeBase;
import io.guichet.kb.SearchHit;
import java.util.List;
import java.util.Map;

/**
 * The documents to recommend once a journey's questions are answered: the journey's own pages,
 * ranked against what the person asked, without those whose structured facts rule them out (a
 * venue whose {@code capacity} is below the group, a plot smaller than the surface sought, a
 * price above the whole budget). A document that states no such fact is not ruled out.
 */
final class Recommender {
    static final int MOST = 5;

    private final KnowledgeBase knowledge;

    Recommender(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    List<SearchHit> recommend(Journey journey, JourneyState state, String request, String lang) {
        return knowledge.search(request, MOST, lang, d -> d.serves(journey.name()) && fits(d, state.slots()));
    }

    static boolean fits(KbDocument document, Map<String, Object> slots) {
        Double people = number(slots.get("people_count"));
        Double surface = number(slots.get("surface_m2"));
        Double budget = number(slots.get("budget_eur"));
        return atLeast(document.number("capacity"), people) && atMost(document.number("capacity_min"), people)
                && atLeast(document.number("surface_m2"), surface) && atMost(document.number("surface_min_m2"), surface)
                && atMost(document.number("price_from_eur"), budget);
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
