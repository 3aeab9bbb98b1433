package io.guichet.dialogue;

import io.guichet.kb.KnowledgeBase;
import io.guichet.kb.SearchHit;
import io.guichet.nlu.Parse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers an information question by quoting the knowledge base, when its best passage is trusted. */
final class Answers {
    /** An extractive answer quotes at most this much of the best passage. */
    private static final int ANSWER_CHARS = 600;
    /**
     * An answer this confident is given even before a journey's first question, when the message
     * stated a project rather than asking: well above {@link KnowledgeBase#TRUSTED}, where the
     * facts of a project no longer match a page by their common words alone.
     */
    static final double CLEAR = 0.6;

    private final KnowledgeBase knowledge;
    private final Phrases phrases;

    Answers(KnowledgeBase knowledge, Phrases phrases) {
        this.knowledge = knowledge;
        this.phrases = phrases;
    }

    /** The answer's replies and its source, or empty when nothing in the base answers well enough. */
    Optional<Answer> answer(Parse parse) {
        List<SearchHit> hits = knowledge.search(parse.text(), 3, parse.lang());
        if (hits.isEmpty() || hits.get(0).score() < KnowledgeBase.TRUSTED) {
            return Optional.empty();
        }
        SearchHit best = hits.get(0);
        Reply.Card card = card(best);
        return Optional.of(new Answer(List.of(
                new Reply.Text(phrases.text("answer_intro", parse.lang(), Map.of("title", best.document().title()))),
                new Reply.Text(quote(best.passage())),
                new Reply.Cards(List.of(card))), card, best.document().journey(), best.score()));
    }

    /** The replies that quote the answer, its source, the journey its page belongs to (or null), its confidence. */
    record Answer(List<Reply> replies, Reply.Card source, String journey, double score) {
    }

    static Reply.Card card(SearchHit hit) {
        return new Reply.Card(hit.document().title(), hit.document().url(), hit.id());
    }

    /** The passage up to {@link #ANSWER_CHARS}, cut after a whole sentence or line where possible. */
    static String quote(String passage) {
        if (passage.length() <= ANSWER_CHARS) {
            return passage;
        }
        String head = passage.substring(0, ANSWER_CHARS);
        int cut = Math.max(head.lastIndexOf(". "), head.lastIndexOf('\n'));
        return cut > ANSWER_CHARS / 3 ? head.substring(0, cut + 1).strip() : head.strip() + "…";
    }
}
