package io.guichet.dialogue;

import io.guichet.conversation.JourneyState;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * How the journeys' slots are put to the person: a slot's question, in a second wording when it
 * is asked again (an example, the choices to tap), with its quick replies; a value as a person
 * reads it ("du 12 au 14 mars 2027", "8 000 €"); a summary of the request; the reason a
 * value is refused.
 */
final class SlotWording {
    private final Phrases phrases;

    SlotWording(Phrases phrases) {
        this.phrases = phrases;
    }

    /**
     * The slot's question and its quick replies (the choices, yes or no, "skip" for an optional
     * slot); {@code again} words it differently, so that a question asked once more never reads
     * the same.
     */
    List<Reply> question(Slot slot, String lang, boolean again) {
        List<String> options = new ArrayList<>();
        if (slot.type() == Slot.Type.CHOICE) {
            slot.choices().forEach(c -> options.add(c.label(lang)));
        } else if (slot.type() == Slot.Type.YES_NO) {
            options.addAll(phrases.list("yes_no", lang));
        }
        if (!slot.required()) {
            options.add(phrases.text("skip", lang));
        }
        List<Reply> replies = new ArrayList<>();
        replies.add(new Reply.Text(again ? askedAgain(slot, lang) : slot.question(lang)));
        if (!options.isEmpty()) {
            replies.add(new Reply.QuickReplies(options));
        }
        return replies;
    }

    private String askedAgain(Slot slot, String lang) {
        Map<String, String> label = Map.of("label", slot.label(lang));
        return switch (slot.type()) {
            case CHOICE -> phrases.text("ask_again_choice", lang, label);
            case YES_NO -> phrases.text("ask_again_yes_no", lang, label);
            case TEXT -> phrases.text("ask_again_text", lang, label);
            default -> phrases.text("ask_again_value", lang, Map.of("label", slot.label(lang), "example",
                    Optional.ofNullable(slot.example(lang))
                            .orElseGet(() -> phrases.text("example_" + slot.type().entityType(), lang))));
        };
    }

    /** "« Participants » : il faut au moins 2.", and the like. */
    String refusal(SlotFiller.Refusal refusal, String lang) {
        Slot slot = refusal.slot();
        Double bound = refusal.reason().equals("too_small") ? slot.min() : slot.max();
        return phrases.text("refused_" + refusal.reason(), lang, Map.of("label", slot.label(lang),
                "bound", bound == null ? "" : NumberFormat.getIntegerInstance(locale(lang)).format(bound)));
    }

    /** "Participants : 40, Dates : du 12 mars 2027 au 14 mars 2027, …", in the slots' order. */
    String summary(Journey journey, JourneyState state, String lang) {
        return summary(journey, state.slots(), lang, slot -> true);
    }

    /**
     * What is asked for in words, as the summary words it: the choices, the yeses and free text,
     * without counts, dates or amounts. A no is left out: "Avec enfants : non" would rank the
     * family outings first for a couple.
     */
    String wanted(Journey journey, Map<String, Object> values, String lang) {
        Map<String, Object> wanted = new LinkedHashMap<>(values);
        wanted.values().removeIf(Boolean.FALSE::equals);
        return summary(journey, wanted, lang, slot -> slot.type().entityType() == null);
    }

    /** The slots of {@code values} that {@code included} keeps, as the summary words them. */
    String summary(Journey journey, Map<String, Object> values, String lang, Predicate<Slot> included) {
        List<String> parts = new ArrayList<>();
        String separator = "fr".equals(lang) ? " : " : ": ";
        for (Slot slot : journey.slots()) {
            Object value = values.get(slot.name());
            if (value != null && included.test(slot)) {
                parts.add(slot.label(lang) + separator + display(slot, value, lang));
            }
        }
        return String.join(", ", parts);
    }

    /** "4 juillet 2026", "1er mars 2027", "4 July 2026". */
    static String day(LocalDate day, String lang) {
        return firstOfMonth(DateTimeFormatter.ofPattern("d MMMM yyyy", locale(lang)).format(day), lang);
    }

    /** French writes the first of the month "1er mars". */
    private static String firstOfMonth(String written, String lang) {
        return "fr".equals(lang) && (written.equals("1") || written.startsWith("1 ")) ? "1er" + written.substring(1)
                : written;
    }

    /** "du 12 au 13 juin 2027", "du 30 avril au 2 mai 2027", "12 to 13 June 2027": the year and month said once. */
    static String period(LocalDate start, LocalDate end, String lang) {
        if (start.equals(end)) {
            return day(start, lang);
        }
        String first = firstOfMonth(DateTimeFormatter.ofPattern(start.getYear() != end.getYear() ? "d MMMM yyyy"
                : start.getMonth() != end.getMonth() ? "d MMMM" : "d", locale(lang)).format(start), lang);
        return "fr".equals(lang) ? "du " + first + " au " + day(end, lang) : first + " to " + day(end, lang);
    }

    private String display(Slot slot, Object value, String lang) {
        Locale locale = locale(lang);
        if (value instanceof Map<?, ?> range) {
            return period(LocalDate.parse((String) range.get("start")), LocalDate.parse((String) range.get("end")), lang);
        }
        if (value instanceof Boolean yes) {
            return phrases.text(yes ? "value_yes" : "value_no", lang);
        }
        if (slot.type() == Slot.Type.CHOICE) {
            return slot.choices().stream().filter(c -> c.value().equals(value)).findFirst()
                    .map(c -> c.label(lang)).orElse(String.valueOf(value));
        }
        if (value instanceof Number number) {
            String amount = NumberFormat.getIntegerInstance(locale).format(number.doubleValue());
            return switch (slot.type()) {
                case BUDGET_EUR -> amount + " €";
                case SURFACE_M2 -> amount + " m²";
                default -> amount;
            };
        }
        return String.valueOf(value);
    }

    private static Locale locale(String lang) {
        return "en".equals(lang) ? Locale.UK : Locale.FRANCE;
    }
}
