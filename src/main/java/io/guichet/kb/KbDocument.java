package io.guichet.kb;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One knowledge-base document: its contract front matter, its optional structured facts
 * (numbers such as {@code capacity}, {@code surface_m2}, {@code price_from_eur}) and its body.
 */
public record KbDocument(String id, String title, String lang, List<String> audience, String journey, String url,
                         List<String> tags, String updated, Map<String, Object> facts, String body) {

    /** The day the page was last updated, or empty when it does not say or says it unreadably. */
    public Optional<LocalDate> updatedOn() {
        try {
            return updated == null ? Optional.empty() : Optional.of(LocalDate.parse(updated.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A numeric fact, or null when the document does not state it. */
    public Double number(String key) {
        return facts.get(key) instanceof Number n ? n.doubleValue() : null;
    }
}
