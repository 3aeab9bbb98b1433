package io.guichet.nlu;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds people counts, dates, nights, budgets, surfaces, e-mail addresses and phone numbers in a chat
 * message, French or English. Matching is case- and accent-insensitive; offsets are in the original
 * text. Where spans overlap the longest wins. Stateless and thread-safe; never throws.
 */
public final class EntityExtractor {
    private static final Logger LOG = LoggerFactory.getLogger(EntityExtractor.class);

    private static final Comparator<EntityCandidate> LONGEST_FIRST = Comparator
            .comparingInt(EntityCandidate::length).reversed()
            .thenComparingInt(c -> EntityCandidate.priority(c.type()))
            .thenComparingInt(EntityCandidate::start);

    public EntityExtractor() {
    }

    /**
     * @param text a message; null or empty gives no entity
     * @param now  today, to resolve dates; null means the system's today
     * @return entities sorted by start offset
     */
    public List<Entity> extract(String text, LocalDate now) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        try {
            LocalDate today = now != null ? now : LocalDate.now();
            EntityText folded = EntityText.of(text);
            EntityScan s = new EntityScan(folded.folded);
            List<EntityCandidate> candidates = new ArrayList<>();
            isolated("contacts", () -> ContactDetails.find(s, candidates));
            isolated("quantities", () -> QuantityExpressions.find(s, candidates));
            isolated("dates", () -> DateExpressions.find(s, today, candidates));
            return settle(candidates, folded);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("entity extraction failed on a message of {} characters; no entities for it", text.length(), e);
            return List.of();
        }
    }

    /**
     * The year or season a message gives as when something happens ("on démarre début 2028", "cet
     * été", "in the spring"), which is no entity of the message, for a journey that expects a date.
     */
    public Optional<DateRange> horizon(String text, LocalDate now) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        List<EntityCandidate> candidates = new ArrayList<>();
        isolated("horizons", () -> DateExpressions.findHorizons(new EntityScan(EntityText.of(text).folded),
                now != null ? now : LocalDate.now(), candidates));
        return candidates.stream().filter(candidate -> candidate.value() instanceof DateRange)
                .map(candidate -> (DateRange) candidate.value()).findFirst();
    }

    /** A finder that trips on a strange message must cost neither the other finders' entities nor the request. */
    private static void isolated(String finder, Runnable find) {
        try {
            find.run();
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warn("entity finder '{}' failed; its entities are skipped for this message", finder, e);
        }
    }

    private static List<Entity> settle(List<EntityCandidate> candidates, EntityText folded) {
        candidates.sort(LONGEST_FIRST);
        List<EntityCandidate> kept = new ArrayList<>();
        for (EntityCandidate c : candidates) {
            if (c.length() <= 0) {
                continue;
            }
            boolean free = true;
            for (EntityCandidate k : kept) {
                if (k.overlaps(c)) {
                    free = false;
                    break;
                }
            }
            if (free) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(EntityCandidate::start));
        List<Entity> out = new ArrayList<>(kept.size());
        for (EntityCandidate c : kept) {
            if (c.type().equals(EntityCandidate.BLOCKED)) {
                continue;
            }
            int start = folded.originalStart(c.start());
            int end = folded.originalEnd(c.end());
            String span = folded.original.substring(start, end);
            Object value = c.type().equals("email") ? span : c.value();
            out.add(new Entity(c.type(), value, start, end, span));
        }
        return List.copyOf(out);
    }
}
