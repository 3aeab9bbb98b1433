package io.guichet.dialogue;

import io.guichet.conversation.JourneyState;
import io.guichet.nlu.DateRange;
import io.guichet.nlu.Entity;
import io.guichet.nlu.EntityExtractor;
import io.guichet.nlu.IntentScore;
import io.guichet.nlu.Intents;
import io.guichet.nlu.Parse;
import io.guichet.nlu.TextNormalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What one message says for a journey's slots, whatever was asked. Each entity fills the slot of
 * its type, anywhere in the journey, and the last one stated wins ("finalement on sera 60", "pas
 * le 14 : le 21"); choices are recognised by their words and yes/no slots by their cues, wherever
 * they come in the message; a number implies another slot's answer where the journey says so
 * (nights on site imply lodging). Only what is left, a bare answer ("45", "oui", "je ne sais
 * pas"), is read against the question just asked. Dates are read against the conversation: "la
 * semaine du 12" after "en avril" is in April, "le 21" after "le 14 mai" is 21 May. Values out of a
 * slot's bounds are refused, with the reason.
 */
final class SlotFiller {
    /** What follows an amount that is each one's share: "200 € par personne", "80 € per head and per day". */
    private static final Pattern PER_PERSON = Pattern.compile("^\\s*(?:€|e|eur|euros?)?\\s*(?:par personne|par pers"
            + "|par participant|par tete|per person|per head|a head|each|pp)(?![\\w])(?:\\s*(?:et |and )?(?:par|per|a) "
            + "(?<per>jour|nuit|day|night)(?![\\w]))?");
    private static final Pattern BARE_NUMBER = Pattern.compile("^\\D{0,12}?(\\d[\\d  .,]*)\\D{0,12}$");
    /** A day of the month alone, "le 21", "the 21st": a date only where the journey expects one. */
    private static final Pattern DAY_ALONE = Pattern.compile("(?iu)\\b(?:le|the|on the)\\s+(\\d{1,2})(?:er|e|st|nd|rd"
            + "|th)?\\b(?!\\s*(?:h\\b|heures?|hours?|personnes?|pers|participants?|people|nuits?|nights?|€|eur|euros?"
            + "|m2|m²|%|ans|years?|[/.-]\\d))");
    /** What comes just before a value the person takes back: "pas le 14", "non pas 40", "not the 14th". */
    private static final Pattern NEGATION = Pattern.compile("(?iu)\\b(?:pas|not|non)\\s+(?:le |la |les |the |on "
            + "the |de |du )?$");
    /** A number as people type it, "3", "3 000", "3k": for a slot the message names. */
    private static final Pattern NAMED_NUMBER = Pattern.compile("(?i)(?<![\\w.,])(\\d[\\d  ]*(?:[.,]\\d+)?)\\s*(k)?(?![\\w])");
    private static final EntityExtractor DATES = new EntityExtractor();
    /** A number alone after words that take back what was said: "en fait plutôt 60", "non, 40", "actually 12". Folded. */
    private static final Pattern CORRECTION = Pattern.compile(" (?:(?:non|nan|pardon|oups|en fait|enfin|finalement"
            + "|plutot|disons|ou plutot|je veux dire|no|sorry|oops|actually|rather|or rather|make it|i mean) )+(\\d{1,6}) ");
    /** A number alone before the words that take back what was said: "could be 45 actually", "50 finalement". Folded. */
    private static final Pattern CORRECTION_AFTER = Pattern.compile(" (?:(?:could be|maybe|perhaps|peut etre|ca sera"
            + "|ce sera|it ll be|more like|plutot) )?(\\d{1,6}) (?:(?:en fait|finalement|plutot|actually|rather|instead"
            + "|then|alors) )+");
    /**
     * A stay or an event said in days, folded: "un séminaire de 2 jours", "three days", one night
     * fewer than days. Not a day that comes ("dans 3 jours", "in 2 days") nor a rhythm ("2 jours
     * par semaine").
     */
    private static final Pattern DAYS_LONG = Pattern.compile("(?<! (?:dans|in|within|ici|y a|tous les|every)) "
            + "(\\d{1,2}|deux|trois|quatre|cinq|six|sept|two|three|four|five|seven) (?:jours?|journees?|days?) "
            + "(?!(?:par|per|a week|a month|of the week|de la semaine|plus tard|later|avant|before|apres|after|ago"
            + "|de plus) )");
    /** An event said to take a day: no night on site. Folded. */
    private static final Pattern ONE_DAY = Pattern.compile(" (?:(?:une|1|la|sur la|demi) journee|1 jour|1 day|one day"
            + "|single day|day trip|half day|full day) ");
    private static final Map<String, Integer> DAY_COUNTS = Map.ofEntries(Map.entry("deux", 2), Map.entry("two", 2),
            Map.entry("trois", 3), Map.entry("three", 3), Map.entry("quatre", 4), Map.entry("four", 4),
            Map.entry("cinq", 5), Map.entry("five", 5), Map.entry("six", 6), Map.entry("sept", 7),
            Map.entry("seven", 7));
    private static final String PEOPLE = Slot.Type.PEOPLE_COUNT.entityType();
    /**
     * What joins people added to a head count: "2, plus un bébé", "2 and a baby". Not "avec": "nous
     * sommes 4 avec 2 enfants" is as often four in all.
     */
    private static final Pattern ADDED = Pattern.compile("(?iu)[\\s,;]*(?:\\+|plus|et|and|as well as|ainsi que)\\s*");
    /** A count of children and nothing else, folded: "2 enfants", "trois petits enfants", "3 kids". */
    private static final Pattern CHILDREN_ALONE = Pattern.compile("\\S+ (?:petits? |jeunes |young )?(?:enfants?|kids?"
            + "|children|child|ados?|adolescents?|bebes?|babies|baby|teenagers?|teens?)");
    private static final Set<Slot.Type> NUMBERED = EnumSet.of(Slot.Type.PEOPLE_COUNT, Slot.Type.NIGHTS,
            Slot.Type.BUDGET_EUR, Slot.Type.SURFACE_M2);
    /** Other people counted beside a count said in words: "et nos 2 enfants", "plus 3 kids". */
    private static final Pattern MORE_PEOPLE = Pattern.compile(" (?:\\d+|un|une|deux|trois|quatre|cinq|one|two|three"
            + "|four|five) (?:petits? |jeunes |young )?(?:enfants?|kids?|children|child|personnes?|adultes?|ados|bebes?"
            + "|babies|baby|people) ");
    private static final Pattern MONTH_NAME = Pattern.compile("\\b(?:janv|fevr?|mars|avr|mai|juin|juil|aout|sept|oct|nov"
            + "|dec|jan|feb|mar|apr|may|jun|jul|aug|sep)");
    private static final Set<String> CONTACTS = Set.of("email", "phone");

    /**
     * The outcome: values to set, the slots passed (not known yet), refusals to explain, and the
     * slots whose values were read from other words than their own ({@code reckoned}: nights from
     * days, a choice from a sentence), which are said back even when they answer the question asked.
     */
    record Filling(Map<String, Object> values, Set<String> skipped, List<Refusal> refusals, Set<String> reckoned) {
        /** A message that says nothing for the journey. */
        static final Filling NOTHING = new Filling(Map.of(), Set.of(), List.of());

        Filling(Map<String, Object> values, Set<String> skipped, List<Refusal> refusals) {
            this(values, skipped, refusals, Set.of());
        }

        /** Whether the message said anything for the journey: a value, a slot passed, or a value refused. */
        boolean said() {
            return !values.isEmpty() || !skipped.isEmpty() || !refusals.isEmpty();
        }

        /**
         * The filling of a question: a question names what it asks about, which changes no choice
         * nor yes or no already made ("c'est quoi les horaires du musée ?" after "en famille" asks
         * about the museum; it is no wish for culture instead).
         */
        Filling asked(Journey journey, JourneyState state) {
            Map<String, Object> kept = new LinkedHashMap<>(values);
            kept.entrySet().removeIf(value -> state.slots().containsKey(value.getKey())
                    && !value.getValue().equals(state.slots().get(value.getKey()))
                    && journey.slot(value.getKey()).map(slot -> slot.type() == Slot.Type.CHOICE
                            || slot.type() == Slot.Type.YES_NO).orElse(false));
            return new Filling(kept, skipped, refusals, reckoned);
        }
    }

    /** A value given for a slot that the slot cannot take. */
    record Refusal(Slot slot, String reason) {
    }

    private SlotFiller() {
    }

    /**
     * A budget said per person ("200 € par personne", "80 € par personne et par jour") counted for
     * the whole party and stay when their size is known: the pages' prices are compared with the
     * whole budget. A stay of n nights lasts n + 1 days.
     */
    private static void wholeBudget(Journey journey, JourneyState state, Parse parse, LocalDate now,
                                    Map<String, Object> values, List<Refusal> refusals) {
        Optional<Slot> budget = journey.slots().stream().filter(slot -> slot.type() == Slot.Type.BUDGET_EUR).findFirst();
        Object people = values.getOrDefault("people_count", state.slots().get("people_count"));
        Object nights = values.getOrDefault("nights", state.slots().get("nights"));
        if (budget.isEmpty() || !(people instanceof Number party)) {
            return;
        }
        for (Entity share : parse.entities()) {
            if (!share.type().equals(budget.get().type().entityType())) {
                continue;
            }
            Matcher each = PER_PERSON.matcher(TextNormalizer.fold(parse.text().substring(share.end())));
            if (!each.find()) {
                continue;
            }
            String per = each.group("per");
            if (per != null && !(nights instanceof Number)) {
                return; // a share per day of a stay of unknown length is left as said
            }
            double times = party.doubleValue() * (per == null ? 1 : per.equals("nuit") || per.equals("night")
                    ? Math.max(1, ((Number) nights).doubleValue()) : ((Number) nights).doubleValue() + 1);
            double whole = ((Number) share.value()).doubleValue() * times;
            // Whole euros as the entities give them: a long, as "5000 €" said so would be.
            accept(budget.get(), whole == Math.rint(whole) ? (Object) (long) whole : (Object) whole, now, values, refusals);
            return;
        }
    }

    static Filling fill(Journey journey, JourneyState state, Parse parse, LocalDate now) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Refusal> refusals = new ArrayList<>();
        Set<String> reckoned = new LinkedHashSet<>();
        String text = parse.text();
        // Thanks and goodbyes set no journey fact ("that's all for today").
        boolean closing = JourneyFlow.closes(parse);
        boolean asking = JourneyFlow.isQuestion(parse);
        int explicit = parse.entities().stream().filter(e -> e.value() instanceof DateRange)
                .mapToInt(SlotFiller::explicitness).max().orElse(0);
        for (Entity entity : withPeopleAdded(parse)) {
            if (negated(text, entity.start()) || childrenAlone(entity, parse)) {
                continue;
            }
            if (entity.value() instanceof DateRange && (closing || explicitness(entity) < explicit)) {
                // "Merci, c'est tout pour aujourd'hui" sets no date; "le 27/02, on arrive le samedi" keeps the 27th.
                continue;
            }
            if (entity.value() instanceof DateRange && explicitness(entity) == 0 && asking
                    && journey.slots().stream().anyMatch(s -> s.type() == Slot.Type.DATE
                    && state.slots().containsKey(s.name()))) {
                // "et il y a un marché le samedi ?" asks about a day of the stay, it does not move the stay.
                continue;
            }
            journey.slots().stream().filter(slot -> entity.type().equals(slot.type().entityType())).findFirst()
                    .ifPresent(slot -> accept(slot, value(slot, entity, state, now), now, values, refusals));
        }
        wholeBudget(journey, state, parse, now, values, refusals);
        Optional<Slot> dateSlot = journey.slots().stream().filter(s -> s.type() == Slot.Type.DATE).findFirst();
        if (dateSlot.isPresent() && !values.containsKey(dateSlot.get().name())
                && (dateSlot.get().name().equals(state.awaiting()) || state.slots().containsKey(dateSlot.get().name()))) {
            dayAlone(text, held(state, dateSlot.get()), now)
                    .ifPresent(day -> accept(dateSlot.get(), day, now, values, refusals));
        }
        if (dateSlot.isPresent() && !values.containsKey(dateSlot.get().name()) && !closing
                && !(asking && state.slots().containsKey(dateSlot.get().name()))) {
            // "on démarre début 2028", "cet été": a year or a season, a date where the journey expects one.
            DATES.horizon(text, now).filter(span -> refusal(dateSlot.get(), dateValue(span), now) == null)
                    .ifPresent(span -> {
                        values.put(dateSlot.get().name(), dateValue(span));
                        reckoned.add(dateSlot.get().name());
                    });
        }
        String folded = " " + String.join(" ", TextNormalizer.tokens(text)) + " ";
        for (Slot slot : journey.slots()) {
            if (slot.type() == Slot.Type.CHOICE) {
                SlotWords.chosen(slot, folded).ifPresent(value -> {
                    values.put(slot.name(), value);
                    if (!SlotWords.saysOnly(slot, value, folded)) {
                        reckoned.add(slot.name());
                    }
                });
            } else if (slot.type() == Slot.Type.YES_NO) {
                SlotWords.cued(slot, folded).ifPresent(value -> values.put(slot.name(), value));
            } else if (!slot.counted().isEmpty() && !values.containsKey(slot.name())
                    && !MORE_PEOPLE.matcher(folded).find()) {
                // "Mon épouse et moi" is 2, but "avec ma femme et nos 2 enfants" is more than its phrase says.
                SlotWords.counted(slot, folded).ifPresent(value -> accept(slot, value, now, values, refusals));
            }
        }
        named(journey, parse, folded, values, now, refusals);
        // Nights read from days are the bot's reckoning, not the person's words: kept only where the slot takes them
        // (a day trip is no weekend of no nights).
        journey.slots().stream().filter(slot -> slot.type() == Slot.Type.NIGHTS && !values.containsKey(slot.name()))
                .findFirst().ifPresent(nights -> nightsOfDays(folded)
                        .filter(count -> refusal(nights, count, now) == null)
                        .ifPresent(count -> {
                            values.put(nights.name(), count);
                            reckoned.add(nights.name());
                        }));
        takenBackHere(journey, folded, values, now);
        Set<String> skipped = new LinkedHashSet<>();
        Slot awaited = state.awaiting() == null ? null : journey.slot(state.awaiting()).orElse(null);
        boolean awaitedAnswered = awaited == null || values.containsKey(awaited.name())
                || refusals.stream().anyMatch(r -> r.slot().equals(awaited));
        if (SlotWords.notKnownYet(folded)) {
            // "Pour le budget je ne sais pas encore": the slot it names, else the question just asked.
            Optional<Slot> named = journey.slots().stream()
                    .filter(slot -> !values.containsKey(slot.name()) && SlotWords.names(folded, slot)).findFirst();
            if (named.isPresent()) {
                skipped.add(named.get().name());
            } else if (!awaitedAnswered) {
                skipped.add(awaited.name());
            }
        } else if (!awaitedAnswered && parse.entities().stream().noneMatch(e -> CONTACTS.contains(e.type()))) {
            // A message with an e-mail or a phone answers for the lead, not the question ("Oui, rappelez-moi au 06…").
            Optional<Double> takenBack = correction(folded);
            Optional<Slot> corrected = takenBack.flatMap(number -> correctedSlot(journey, state, awaited, number, now));
            if (corrected.isPresent()) {
                values.put(corrected.get().name(), number(corrected.get(), takenBack.get()));
            } else {
                Object value = bareAnswer(awaited, withoutEntities(parse), folded.strip(), asking);
                if (value != null) {
                    accept(awaited, value, now, values, refusals);
                } else if (awaited.type() == Slot.Type.CHOICE || awaited.type() == Slot.Type.YES_NO) {
                    // "2" to "with children?" may count the children: a yes or no is never read from a head count.
                    bareNumber(withoutEntities(parse)).filter(number -> awaited.type() == Slot.Type.CHOICE
                            || !countsPeople(journey, number, now)).ifPresent(number -> onlyOpenSlotFor(journey,
                            state, values, number, now).ifPresent(slot -> {
                                values.put(slot.name(), number(slot, number));
                                reckoned.add(slot.name());
                            }));
                }
            }
        }
        implied(journey, state, values, reckoned, now);
        return new Filling(values, skipped, refusals, reckoned);
    }

    /**
     * The message's entities, a head count followed by people added to it counted as one: "on est
     * 2, plus un bébé" is 3, "nous sommes 4, plus 2 enfants" is 6 (the entity extractor sums "2
     * adultes et 2 enfants" itself, but not a count said in two goes).
     */
    private static List<Entity> withPeopleAdded(Parse parse) {
        List<Entity> entities = new ArrayList<>();
        for (Entity entity : parse.entities()) {
            Entity before = entities.isEmpty() ? null : entities.get(entities.size() - 1);
            if (before != null && PEOPLE.equals(before.type()) && PEOPLE.equals(entity.type())
                    && before.value() instanceof Integer counted && entity.value() instanceof Integer added
                    && entity.start() >= before.end() && ADDED.matcher(parse.text().substring(before.end(),
                    entity.start())).matches()) {
                entities.set(entities.size() - 1, new Entity(PEOPLE, counted + added, before.start(), entity.end(),
                        parse.text().substring(before.start(), entity.end())));
            } else {
                entities.add(entity);
            }
        }
        return entities;
    }

    /**
     * Whether the count is of children alone, said by someone who comes with them ("j'ai 2 enfants
     * de 5 et 8 ans", "we have 3 kids"): not the whole party, which is left to ask rather than
     * set to the children's number.
     */
    private static boolean childrenAlone(Entity entity, Parse parse) {
        return PEOPLE.equals(entity.type()) && CHILDREN_ALONE.matcher(TextNormalizer.fold(entity.text())).matches()
                && JourneyFlow.speaksOfThemselves(parse);
    }

    /** {@code folded} without the length of a stay or an event said in days, a fact of the project: "2 jours". */
    static String withoutLengthInDays(String folded) {
        return ONE_DAY.matcher(DAYS_LONG.matcher(folded).replaceAll(" ")).replaceAll(" ");
    }

    /** The nights of a stay or an event said in days: one fewer than its days, none for a day. */
    private static Optional<Integer> nightsOfDays(String folded) {
        Matcher days = DAYS_LONG.matcher(folded);
        if (days.find()) {
            String count = days.group(1);
            return Optional.of(DAY_COUNTS.getOrDefault(count, count.chars().allMatch(Character::isDigit)
                    ? Integer.parseInt(count) : 1) - 1);
        }
        return ONE_DAY.matcher(folded).find() ? Optional.of(0) : Optional.empty();
    }

    /**
     * The values a model proposed for the journey's slots ({@code proposed}, by slot name, as
     * text), each read by the rules as the answer to its slot's question, alone: a number out of
     * its slot's bounds, an option the slot does not have or a date in the past is not kept, as
     * when the person writes it. Refusals are not explained: the person did not say those values.
     */
    static Filling proposed(Journey journey, JourneyState state, Map<String, String> proposed, LocalDate now) {
        Map<String, Object> values = new LinkedHashMap<>();
        proposed.forEach((name, text) -> journey.slot(name).ifPresent(slot -> {
            JourneyState asked = new JourneyState(journey.name());
            asked.slots().putAll(state.slots());
            asked.slots().remove(slot.name());
            asked.ask(slot.name());
            Parse alone = new Parse(text, null, new IntentScore(Intents.NONE, 0), List.of(), DATES.extract(text, now));
            Object value = fill(journey, asked, alone, now).values().get(slot.name());
            if (value != null) {
                values.put(slot.name(), value);
            }
        }));
        return new Filling(values, Set.of(), List.of());
    }

    /**
     * What earlier messages of the conversation said for a journey that starts now: facts given
     * before it was chosen ("on est 18 collègues", then "on voudrait un séminaire"), or said in
     * another journey that fit this one under another name. Oldest first, so the latest wins.
     */
    static Map<String, Object> recall(Journey journey, List<String> earlier, LocalDate now) {
        JourneyState recalled = new JourneyState(journey.name());
        for (String text : earlier) {
            Parse parse = new Parse(text, null, new IntentScore(Intents.NONE, 0), List.of(), DATES.extract(text, now));
            recalled.slots().putAll(fill(journey, recalled, parse, now).values());
        }
        return recalled.slots();
    }

    /**
     * A number that the message gives with the name of its slot, but in no form the entities
     * know: "3k max pour le budget", "nuits : 2".
     */
    private static void named(Journey journey, Parse parse, String folded, Map<String, Object> values, LocalDate now,
                              List<Refusal> refusals) {
        Matcher number = NAMED_NUMBER.matcher(withoutEntities(parse));
        if (!number.find()) {
            return;
        }
        for (Slot slot : journey.slots()) {
            if (slot.type().numeric() && !values.containsKey(slot.name()) && SlotWords.names(folded, slot)) {
                double value = Double.parseDouble(number.group(1).replaceAll("[  .]", "").replace(',', '.'))
                        * (number.group(2) != null ? 1000 : 1);
                accept(slot, slot.type() == Slot.Type.PEOPLE_COUNT || slot.type() == Slot.Type.NIGHTS
                        ? (Object) (int) value : (Object) value, now, values, refusals);
                return;
            }
        }
    }

    /** How precisely a date is said: with digits (a day), with a month's name, or only by a word ("samedi", "today"). */
    private static int explicitness(Entity date) {
        if (date.text().chars().anyMatch(Character::isDigit)) {
            return 2;
        }
        return MONTH_NAME.matcher(TextNormalizer.fold(date.text())).find() ? 1 : 0;
    }

    /** Whether the value starting at {@code start} is one the person takes back ("pas le 14"). */
    private static boolean negated(String text, int start) {
        return NEGATION.matcher(text.substring(Math.max(0, start - 12), start)).find();
    }

    /** The slot's value as the journey stores it: dates become {@code {"start", "end"}}, read in context. */
    private static Object value(Slot slot, Entity entity, JourneyState state, LocalDate now) {
        if (!(entity.value() instanceof DateRange range)) {
            return entity.value();
        }
        DateRange held = held(state, slot);
        if (held != null && lasts(held) > 7 && !within(range, held)) {
            // "la semaine du 12" after "en avril": read from the start of what was said before.
            for (Entity reread : DATES.extract(entity.text(), held.start())) {
                if (reread.value() instanceof DateRange inContext && within(inContext, held)) {
                    return dateValue(inContext);
                }
            }
        }
        return dateValue(range);
    }

    /**
     * "le 21": in the month of the date held when there is one (its length kept), else the next
     * 21st. Of several days, the last one that is not taken back, and that is not the day held:
     * "pas le 14 : le 21, le 14 on est pris" moves to the 21st.
     */
    private static Optional<Object> dayAlone(String text, DateRange held, LocalDate now) {
        Matcher day = DAY_ALONE.matcher(text);
        Integer last = null;
        while (day.find()) {
            int said = Integer.parseInt(day.group(1));
            if (!negated(text, day.start()) && (last == null || held == null || said != held.start().getDayOfMonth())) {
                last = said;
            }
        }
        if (last == null || last < 1 || last > 31) {
            return Optional.empty();
        }
        LocalDate from = held != null ? held.start().withDayOfMonth(1) : now;
        for (int month = 0; month < 12; month++) {
            LocalDate candidate = from.plusMonths(month);
            if (last <= candidate.lengthOfMonth()) {
                LocalDate start = candidate.withDayOfMonth(last);
                if (!start.isBefore(now) && !start.isBefore(from)) {
                    long length = held != null && lasts(held) <= 7 ? lasts(held) - 1 : 0;
                    return Optional.of(dateValue(new DateRange(start, start.plusDays(length))));
                }
            }
        }
        return Optional.empty();
    }

    private static DateRange held(JourneyState state, Slot slot) {
        return range(state.slots().get(slot.name()));
    }

    /** A date slot's value as the journey stores it, {@code {"start", "end"}}, read back; null for any other value. */
    static DateRange range(Object value) {
        if (value instanceof Map<?, ?> range && range.get("start") instanceof String start
                && range.get("end") instanceof String end) {
            return new DateRange(LocalDate.parse(start), LocalDate.parse(end));
        }
        return null;
    }

    private static long lasts(DateRange range) {
        return range.end().toEpochDay() - range.start().toEpochDay() + 1;
    }

    private static boolean within(DateRange inner, DateRange outer) {
        return !inner.start().isBefore(outer.start()) && !inner.end().isAfter(outer.end());
    }

    private static Map<String, String> dateValue(DateRange range) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("start", range.start().toString());
        out.put("end", range.end().toString());
        return out;
    }

    /**
     * A yes/no slot that another slot's number answers, when this message gives that number and
     * nothing else said it; and the other way round, a no to "above 0" answers the number: no
     * accommodation ("sans nuit", "sur une journée") is no night on site.
     */
    private static void implied(Journey journey, JourneyState state, Map<String, Object> values, Set<String> reckoned,
                                LocalDate now) {
        for (Slot slot : journey.slots()) {
            Slot.Implied implied = slot.implied();
            if (implied == null) {
                continue;
            }
            DateRange date = range(values.get(implied.slot()));
            if (slot.type() == Slot.Type.CHOICE && date != null && !values.containsKey(slot.name())
                    && !state.slots().containsKey(slot.name())) {
                // "début 2028" is a year and a few months ahead: the delay is said with the date.
                LocalDate middle = date.start().plusDays(lasts(date) / 2);
                long ahead = ChronoUnit.MONTHS.between(now, middle);
                slot.choices().stream().filter(choice -> choice.months() != null && choice.months().hold(ahead))
                        .findFirst().ifPresent(choice -> {
                            values.put(slot.name(), choice.value());
                            reckoned.add(slot.name());
                        });
                continue;
            }
            if (!values.containsKey(slot.name()) && !state.slots().containsKey(slot.name())
                    && values.get(implied.slot()) instanceof Number number) {
                values.put(slot.name(), number.doubleValue() > implied.above());
            } else if (implied.above() == 0 && Boolean.FALSE.equals(values.get(slot.name()))
                    && !values.containsKey(implied.slot()) && !state.slots().containsKey(implied.slot())) {
                values.put(implied.slot(), 0);
            }
        }
    }

    /**
     * The slot a number given as a change of mind corrects ("en fait plutôt 60", "non, 40"): the
     * question asked when the number fits it, else the last number already given that it fits. A
     * bare number that fits neither is left to the question asked, which explains its bounds.
     */
    private static Optional<Slot> correctedSlot(Journey journey, JourneyState state, Slot awaited, double number,
                                                LocalDate now) {
        if (NUMBERED.contains(awaited.type()) && refusal(awaited, number, now) == null) {
            return Optional.of(awaited);
        }
        List<Slot> given = state.slots().keySet().stream().map(journey::slot).flatMap(Optional::stream)
                .filter(slot -> NUMBERED.contains(slot.type())).collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(given);
        return given.stream().filter(slot -> refusal(slot, number, now) == null).findFirst();
    }

    /** The number of a message that only takes a number back: "en fait plutôt 60", "sorry, make it 12", "45 actually". */
    private static Optional<Double> correction(String folded) {
        for (Pattern taking : List.of(CORRECTION, CORRECTION_AFTER)) {
            Matcher matcher = taking.matcher(folded);
            if (matcher.matches()) {
                return Optional.of(Double.parseDouble(matcher.group(1)));
            }
        }
        return Optional.empty();
    }

    /**
     * A number taken back in the message that gave it ("40 personnes, enfin plutôt 45", "2 nuits,
     * non 3"): it replaces the last number given that it fits.
     */
    private static void takenBackHere(Journey journey, String folded, Map<String, Object> values, LocalDate now) {
        Matcher takenBack = CORRECTION.matcher(folded);
        if (!takenBack.find()) {
            return;
        }
        double number = Double.parseDouble(takenBack.group(1));
        values.keySet().stream().map(journey::slot).flatMap(Optional::stream)
                .filter(slot -> NUMBERED.contains(slot.type()) && refusal(slot, number(slot, number), now) == null)
                .reduce((first, last) -> last).ifPresent(slot -> values.put(slot.name(), number(slot, number)));
    }

    /** The message without the entities it holds: what may be a bare answer once the facts are taken. */
    private static String withoutEntities(Parse parse) {
        StringBuilder rest = new StringBuilder(parse.text());
        List<Entity> entities = new ArrayList<>(parse.entities());
        entities.sort((a, b) -> Integer.compare(b.start(), a.start()));
        for (Entity entity : entities) {
            rest.replace(entity.start(), entity.end(), " ");
        }
        return rest.toString().strip();
    }

    /** The answer to the awaited question when it is given alone: "40", "oui", "à Lyon". */
    private static Object bareAnswer(Slot slot, String text, String folded, boolean asking) {
        switch (slot.type()) {
            case YES_NO:
                return SlotWords.yesOrNo(folded, asking);
            case TEXT:
                return text.isEmpty() ? null : text;
            case PEOPLE_COUNT, NIGHTS, BUDGET_EUR, SURFACE_M2:
                return bareNumber(text).map(number -> number(slot, number)).orElse(null);
            default:
                return null;
        }
    }

    /** The number a message is, give or take a few words: "2", "maybe 600", "environ 1 200 €". */
    private static Optional<Double> bareNumber(String text) {
        Matcher number = BARE_NUMBER.matcher(text);
        if (!number.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(number.group(1).replaceAll("[  .]", "").replace(',', '.')));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The one slot still open that takes {@code number}, when the question asked takes no number:
     * "maybe 600" to "with children?" is the budget the person was thinking of, as no count of
     * travellers is 600.
     */
    private static Optional<Slot> onlyOpenSlotFor(Journey journey, JourneyState state, Map<String, Object> values,
                                                  double number, LocalDate now) {
        List<Slot> fits = journey.slots().stream().filter(slot -> NUMBERED.contains(slot.type())
                        && !state.slots().containsKey(slot.name()) && !values.containsKey(slot.name())
                        && refusal(slot, number(slot, number), now) == null).toList();
        return fits.size() == 1 ? Optional.of(fits.get(0)) : Optional.empty();
    }

    /** Whether {@code number} may count the people of the journey. */
    private static boolean countsPeople(Journey journey, double number, LocalDate now) {
        return journey.slots().stream().anyMatch(slot -> slot.type() == Slot.Type.PEOPLE_COUNT
                && refusal(slot, number(slot, number), now) == null);
    }

    /** A number as its slot keeps it: whole people and nights, euros and square metres as given. */
    private static Object number(Slot slot, double value) {
        return slot.type() == Slot.Type.PEOPLE_COUNT || slot.type() == Slot.Type.NIGHTS ? (Object) (int) value
                : (Object) value;
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
}
