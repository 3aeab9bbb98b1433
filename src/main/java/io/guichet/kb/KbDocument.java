package io.guichet.kb;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One knowledge-base document: its contract front matter, its optional structured facts
 * (numbers such as {@code capacity}, {@code surface_m2}, {@code price_from_eur}; an event's
 * {@code periods}) and its body. A page may serve several journeys (a hotel with meeting rooms:
 * {@code journey: [weekend_stay, seminar_planning]}); the contract's single value is the one-item case.
 */
public record KbDocument(String id, String title, String lang, List<String> audience, List<String> journeys,
                         String url, List<String> tags, String updated, Map<String, Object> facts, String body) {

    /** When it takes place: one day or a run of days, both ends included. */
    public record DatePeriod(LocalDate start, LocalDate end) {
        public boolean overlaps(LocalDate from, LocalDate to) {
            return !start.isAfter(to) && !end.isBefore(from);
        }
    }

    /** The page's first journey, the contract's single value; null when it serves none. */
    public String journey() {
        return journeys.isEmpty() ? null : journeys.get(0);
    }

    public boolean serves(String journey) {
        return journeys.contains(journey);
    }

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

    /**
     * The days an event takes place, from {@code periods: [{start: 2026-12-05, end: 2026-12-07}, …]}
     * ({@code end} may be left out for one day); empty for a page that is no event. A period
     * written unreadably is left out.
     */
    public List<DatePeriod> periods() {
        if (!(facts.get("periods") instanceof List<?> listed)) {
            return List.of();
        }
        List<DatePeriod> periods = new ArrayList<>();
        for (Object item : listed) {
            if (item instanceof Map<?, ?> period && period.get("start") != null) {
                try {
                    LocalDate start = LocalDate.parse(period.get("start").toString().strip());
                    LocalDate end = period.get("end") == null ? start : LocalDate.parse(period.get("end").toString().strip());
                    if (!end.isBefore(start)) {
                        periods.add(new DatePeriod(start, end));
                    }
                } catch (DateTimeParseException e) {
                    // Left out, as the comment says: one bad period does not hide the others.
                }
            }
        }
        return List.copyOf(periods);
    }
}
