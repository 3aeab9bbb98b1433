package io.guichet.kb;

/**
 * A document that answers a query: {@code passage} is its best section, {@code snippet} a short
 * quote of it, {@code score} in [0, 1] a calibrated confidence that the document answers (see
 * {@link KnowledgeBase#TRUSTED}).
 */
public record SearchHit(KbDocument document, double score, String passage, String snippet) {
    public String id() {
        return document.id();
    }
}
