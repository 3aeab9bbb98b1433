package io.guichet.dialogue;

import io.guichet.conversation.JourneyState;
import io.guichet.nlu.DateRange;
import io.guichet.nlu.Entity;
import io.guichet.nlu.Parse;
import io.guichet.nlu.TextNormalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one message says for a journey's slots. Entities fill the slots of their type, anywhere
 * in the journey (a later value corrects an earlier one: "finalement on sera 60"); choices are
 * recognised by their words; the question just asked also takes a bare answer ("40", "oui",
 * "je ne sais pas"). Values out of a slot's bounds are refused, with the reason.
 */
final class SlotFiller {
    private static final Set<String> YES = Set.of("oui", "ouais", "ok", "d accord", "bien sur", "volontiers",
            "absolument", "exactement", "yes", "yeah", "yep", "sure", "of course", "certainly", "please");
    private static final Set<String> NO = Set.of("non", "nan", "pas du tout", "pas besoin", "aucun", "aucune",
            "no", "nope", "not really", "no thanks", "non merci", "none");
    private static final Set<String> DONT_KNOW = Set.of("je ne sais pas", "je sais pas", "sais pas", "aucune idee",
            "pas d idee", "je ne sais pas encore", "passer", "passe", "on verra", "peu importe", "pas encore",
            "i don t know", "don t know", "dont know", "no idea", "not sure", "skip", "pass", "whatever");
    private static final Pattern BARE_NUMBER = Pattern.compile("^\\D{0,12}?(\\d[\\d  .,]*)\\D{0,12}$");

    /** The outcome: values to set, whether the awaited question was skipped, and refusals to explain. */
    record Filling(Map<String, Object> values, boolean skipped, List<Refusal> refusals) {
        boolean said() {
            return !values.isEmpty() || skipped;
        }
    }

    /** A value given for a slot that the slot cannot take. */
    record Refusal(Slot slot, String reason) {
    }

    private SlotFiller() {
    }

    static Filling fill(Journey journey, JourneyState state, Parse parse, LocalDate now) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Refusal> refusals = new ArrayList<>();
        for (Entity entity : parse.entities()) {
            for (Slot slot : journey.slots()) {
                if (entity.type().equals(slot.type().entityType())) {
                    accept(slot, value(entity), now, values, refusals);
                    break;
                }
            }
        }
        String folded = " " + String.join(" ", TextNormalizer.tokens(parse.text())) + " ";
        for (Slot slot : journey.slots()) {
            if (slot.type() == Slot.Type.CHOICE) {
                chosen(slot, folded).ifPresent(value -> values.put(slot.name(), value));
            }
        }
        boolean skipped = false;
        Slot awaited = state.awaiting() == null ? null : journey.slot(state.awaiting()).orElse(null);
        if (awaited != null && !values.containsKey(awaited.name())
                && refusals.stream().noneMatch(r -> r.slot().equals(awaited))) {
            String answer = folded.strip();
            if (DONT_KNOW.contains(answer)) {
                // Only an optional question can be passed; not knowing a required answer is no answer.
                skipped = !awaited.required();
            } else {
                Object value = bareAnswer(awaited, parse.text(), answer);
                if (value != null) {
                    accept(awaited, value, now, values, refusals);
                }
            }
        }
        return new Filling(values, skipped, refusals);
    }

    /** The answer to the awaited question when it is given alone: "40", "oui", "à Lyon". */
    private static Object bareAnswer(Slot slot, String text, String folded) {
        switch (slot.type()) {
            case YES_NO:
                return yesOrNo(folded);
            case TEXT:
                return text.strip();
            case PEOPLE_COUNT, NIGHTS, BUDGET_EUR, SURFACE_M2:
                Matcher number = BARE_NUMBER.matcher(text.strip());
                if (!number.matches()) {
                    return null;
                }
                String digits = number.group(1).replaceAll("[  .]", "").replace(',', '.');
                try {
                    double value = Double.parseDouble(digits);
                    return slot.type() == Slot.Type.PEOPLE_COUNT || slot.type() == Slot.Type.NIGHTS
                            ? (Object) (int) value : (Object) value;
                } catch (NumberFormatException e) {
                    return null;
                }
            default:
                return null;
        }
    }

    /** True for a yes ("oui", "oui avec plaisir"), false for a no, null for neither. */
    static Boolean yesOrNo(String folded) {
        if (startsWithAny(folded, NO)) {
            return Boolean.FALSE;
        }
        return startsWithAny(folded, YES) ? Boolean.TRUE : null;
    }

    private static boolean startsWithAny(String folded, Set<String> phrases) {
        return phrases.stream().anyMatch(p -> folded.equals(p) || folded.startsWith(p + " "));
    }

    private static java.util.Optional<String> chosen(Slot slot, String folded) {
        Slot.Choice best = null;
        int longest = 0;
        for (Slot.Choice choice : slot.choices()) {
            for (List<String> words : choice.words().values()) {
                for (String word : words) {
                    String phrase = " " + String.join(" ", TextNormalizer.tokens(word)) + " ";
                    if (phrase.length() > longest && folded.contains(phrase)) {
                        best = choice;
                        longest = phrase.length();
                    }
                }
            }
        }
        return java.util.Optional.ofNullable(best).map(Slot.Choice::value);
    }

    private static void accept(Slot slot, Object value, LocalDate now, Map<String, Object> values,
                               List<Refusal> refusals) {
        String reason = refusal(slot, value, now);
        if (reason == null) {
            values.put(slot.name(), value);
            refusals.removeIf(r -> r.slot().equals(slot));
        } else {
            refusals.add(new Refusal(slot, reason));
        }
    }

    /** Why the value does not fit the slot ("too_small", "too_large", "past"), or null when it fits. */
    private static String refusal(Slot slot, Object value, LocalDate now) {
        if (value instanceof Number number) {
            if (slot.min() != null && number.doubleValue() < slot.min()) {
                return "too_small";
            }
            if (slot.max() != null && number.doubleValue() > slot.max()) {
                return "too_large";
            }
        }
        if (value instanceof Map<?, ?> range && range.get("end") instanceof String end
                && LocalDate.parse(end).isBefore(now)) {
            return "past";
        }
        return null;
    }

    /** An entity's value as the journey stores it: dates become {@code {"start", "end"}}. */
    private static Object value(Entity entity) {
        if (entity.value() instanceof DateRange range) {
            Map<String, String> out = new LinkedHashMap<>();
            out.put("start", range.start().toString());
            out.put("end", range.end().toString());
            return out;
        }
        return entity.value();
    }
}
