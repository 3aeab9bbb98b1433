package io.guichet.importer.datatourisme;

import static io.guichet.importer.datatourisme.JsonLd.all;
import static io.guichet.importer.datatourisme.JsonLd.ids;
import static io.guichet.importer.datatourisme.JsonLd.localName;
import static io.guichet.importer.datatourisme.JsonLd.number;
import static io.guichet.importer.datatourisme.JsonLd.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns one DATAtourisme item (a JSON-LD object of the flux) into its knowledge-base pages, one
 * per language the item is written in (French, English). Pure: the same record always gives the
 * same pages.
 */
final class ItemMapper {
    static final List<String> LANGUAGES = List.of("fr", "en");
    /** How many of an event's periods the page lists for a reader; the front matter keeps them all. */
    static final int PERIODS_SHOWN = 12;

    private static final Pattern UUID_LIKE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{7,}");
    private static final Set<String> LODGING = Set.of("Accommodation", "LodgingBusiness", "HotelTrade", "Hotel",
            "CampingAndCaravanning", "Camping", "RentalAccommodation", "SelfCateringAccommodation",
            "CollectiveAccommodation", "HolidayResort", "Guesthouse", "BedAndBreakfast");
    private static final Set<String> THINGS_TO_DO = Set.of("PlaceOfInterest", "EntertainmentAndEvent", "Event",
            "FoodEstablishment", "Restaurant", "Tour", "CulturalSite", "SportsAndLeisurePlace", "NaturalHeritage");
    private static final Set<String> VENUES = Set.of("ConventionCentre", "BusinessPlace");
    /** Types every item or most have, which say nothing of what it is. */
    private static final Set<String> GENERIC_TYPES = Set.of("PointOfInterest", "PlaceOfInterest", "LocalBusiness",
            "Thing");
    private static final Pattern MEETING_ROOM = Pattern.compile(".*(MeetingRoom|SeminarRoom|ConferenceRoom).*");
    /** Facts the page's capacity line states; other features are listed as amenities. */
    private static final Set<String> COUNTED_FEATURES = Set.of("Bedroom", "Covers");

    private ItemMapper() {
    }

    /** A record that cannot make a page: no id, no name. The reason names no content of the record. */
    static final class MalformedRecord extends Exception {
        MalformedRecord(String reason) {
            super(reason);
        }
    }

    /** A text in one language, and whether DATAtourisme flags it as a machine translation. */
    record Text(String value, boolean machineTranslated) {
    }

    /** The item's identifier, the last segment of its DATAtourisme URI. */
    static String itemId(JsonNode item) throws MalformedRecord {
        if (item == null || !item.isObject()) {
            throw new MalformedRecord("not a JSON object");
        }
        String uri = text(item, "@id").orElseThrow(() -> new MalformedRecord("no @id"));
        String id = uri.substring(uri.lastIndexOf('/') + 1);
        if (!UUID_LIKE.matcher(id).matches()) {
            throw new MalformedRecord("@id does not end with an identifier");
        }
        return id;
    }

    static List<KbPage> pages(JsonNode item) throws MalformedRecord {
        String itemId = itemId(item);
        if (all(item, "rdfs:label").stream().noneMatch(JsonNode::isObject)
                || LANGUAGES.stream().allMatch(lang -> label(item, lang).isEmpty())) {
            throw new MalformedRecord("no name in French or English (rdfs:label)");
        }
        List<KbPage> pages = new ArrayList<>();
        for (String lang : LANGUAGES) {
            Optional<Text> description = description(item, lang);
            if (label(item, lang).isPresent() || description.isPresent()) {
                pages.add(page(item, itemId, lang, description));
            }
        }
        return pages;
    }

    private static KbPage page(JsonNode item, String itemId, String lang, Optional<Text> description) {
        Set<String> types = types(item);
        List<Feature> features = features(item);
        boolean lodging = types.stream().anyMatch(LODGING::contains);
        boolean venue = types.stream().anyMatch(VENUES::contains)
                || features.stream().anyMatch(f -> MEETING_ROOM.matcher(f.name()).matches());
        // A convention centre is also a "place of interest" to DATAtourisme, but no weekend outing.
        boolean weekend = lodging || (types.stream().anyMatch(THINGS_TO_DO::contains)
                && types.stream().noneMatch(VENUES::contains));
        List<String> journeys = new ArrayList<>();
        List<String> audience = new ArrayList<>();
        if (weekend) {
            journeys.add("weekend_stay");
            audience.add("visitor");
        }
        if (venue) {
            journeys.add("seminar_planning");
            audience.add("event_planner");
        }
        if (audience.isEmpty()) {
            audience.add("visitor");
        }
        String title = label(item, lang).orElseGet(() -> originalLabel(item));
        Address address = address(item);
        List<String> tags = new ArrayList<>(kinds(item));
        if (address.town() != null && !tags.contains(address.town())) {
            tags.add(address.town());
        }

        Map<String, Object> facts = new LinkedHashMap<>();
        Optional<BigDecimal> allowedPersons = number(item, "allowedPersons");
        Optional<BigDecimal> bedrooms = featureValue(features, "Bedroom");
        Optional<BigDecimal> covers = featureValue(features, "Covers");
        allowedPersons.or(() -> covers).ifPresent(n -> facts.put("capacity", n));
        bedrooms.ifPresent(n -> facts.put("rooms", n));
        covers.ifPresent(n -> facts.put("covers", n));
        List<Price> prices = prices(item, lodging, lang);
        prices.stream().min(Comparator.comparing(Price::from)).ifPresent(lowest -> {
            facts.put("price_from_eur", lowest.from());
            facts.put("price_unit", lowest.unit());
        });
        List<Period> periods = periods(item);
        if (!periods.isEmpty()) {
            facts.put("periods", periods.stream().map(p -> Map.of("start", p.start().toString(), "end",
                    p.end().toString())).toList());
        }
        boolean translated = description.map(Text::machineTranslated).orElse(false);
        if (translated) {
            facts.put("machine_translated", true);
        }

        StringBuilder body = new StringBuilder("# ").append(title).append("\n\n");
        description.ifPresent(d -> body.append(d.value()).append("\n\n"));
        if (translated) {
            body.append(words(lang, "_Texte traduit automatiquement._", "_Machine translation._")).append("\n\n");
        }
        List<String> facts2 = new ArrayList<>();
        if (address.line() != null) {
            facts2.add(words(lang, "Adresse : ", "Address: ") + address.line());
        }
        List<String> capacity = new ArrayList<>();
        allowedPersons.ifPresent(n -> capacity.add(plain(n) + words(lang, " personnes", " people")));
        bedrooms.ifPresent(n -> capacity.add(plain(n) + words(lang, " chambres", " bedrooms")));
        covers.ifPresent(n -> capacity.add(plain(n) + words(lang, " couverts", " covers")));
        if (!capacity.isEmpty()) {
            facts2.add(words(lang, "Capacité : ", "Capacity: ") + String.join(", ", capacity));
        }
        List<String> amenities = features.stream().filter(f -> !COUNTED_FEATURES.contains(f.name()))
                .map(f -> f.label(lang)).filter(l -> l != null).distinct().toList();
        if (!amenities.isEmpty()) {
            facts2.add(words(lang, "Équipements : ", "Amenities: ") + String.join(", ", amenities));
        }
        facts2.forEach(line -> body.append("- ").append(line).append('\n'));
        if (!facts2.isEmpty()) {
            body.append('\n');
        }
        section(body, words(lang, "Horaires", "Opening hours"), OpeningHours.describe(openingHours(item), lang));
        section(body, "Dates", eventDates(item, periods, lang));
        section(body, words(lang, "Tarifs", "Prices"), prices.stream().map(p -> p.describe(lang)).toList());
        section(body, "Contact", contacts(item, lang));
        return new KbPage("dt-" + itemId + "-" + lang, lang, title, List.copyOf(audience), List.copyOf(journeys),
                url(item), List.copyOf(tags), updated(item), facts, body.toString().stripTrailing() + "\n");
    }

    static String words(String lang, String fr, String en) {
        return lang.equals("fr") ? fr : en;
    }

    private static void section(StringBuilder body, String heading, List<String> lines) {
        if (!lines.isEmpty()) {
            body.append("## ").append(heading).append("\n\n");
            lines.forEach(line -> body.append("- ").append(line).append('\n'));
            body.append('\n');
        }
    }

    // --- names and descriptions -------------------------------------------------------------

    /** The item's name in {@code lang}, unless it is only a machine translation. */
    private static Optional<String> label(JsonNode item, String lang) {
        if (JsonLd.machineTranslated(item, "rdfs:label").contains(lang)) {
            return Optional.empty();
        }
        return all(item, "rdfs:label").stream().map(l -> JsonLd.inLanguage(l, lang)).flatMap(Optional::stream)
                .findFirst();
    }

    /** The name as its producer wrote it: French first, else any language not machine-translated. */
    private static String originalLabel(JsonNode item) {
        Set<String> translated = JsonLd.machineTranslated(item, "rdfs:label");
        TreeMap<String, String> byLanguage = new TreeMap<>();
        for (JsonNode labels : all(item, "rdfs:label")) {
            labels.fieldNames().forEachRemaining(lang -> JsonLd.inLanguage(labels, lang)
                    .ifPresent(text -> byLanguage.putIfAbsent(lang, text)));
        }
        return Optional.ofNullable(byLanguage.get("fr"))
                .or(() -> byLanguage.entrySet().stream().filter(e -> !translated.contains(e.getKey()))
                        .map(Map.Entry::getValue).findFirst())
                .orElseGet(() -> byLanguage.firstEntry().getValue());
    }

    /**
     * The description in {@code lang}: the long one, the short one, then the comment, preferring
     * any written by the producer to a machine translation.
     */
    static Optional<Text> description(JsonNode item, String lang) {
        List<Map.Entry<JsonNode, String>> candidates = new ArrayList<>();
        for (JsonNode description : all(item, "hasDescription")) {
            candidates.add(Map.entry(description, "dc:description"));
            candidates.add(Map.entry(description, "shortDescription"));
        }
        candidates.add(Map.entry(item, "rdfs:comment"));
        return preferOriginal(candidates, lang);
    }

    /** The first original text among the candidates (owner, property), else the first machine translation. */
    static Optional<Text> preferOriginal(List<Map.Entry<JsonNode, String>> candidates, String lang) {
        Text translation = null;
        for (Map.Entry<JsonNode, String> candidate : candidates) {
            for (JsonNode map : all(candidate.getKey(), candidate.getValue())) {
                Optional<String> value = JsonLd.inLanguage(map, lang);
                if (value.isEmpty()) {
                    continue;
                }
                if (!JsonLd.machineTranslated(candidate.getKey(), candidate.getValue()).contains(lang)) {
                    return Optional.of(new Text(value.get(), false));
                }
                if (translation == null) {
                    translation = new Text(value.get(), true);
                }
            }
        }
        return Optional.ofNullable(translation);
    }

    /** A text of {@code owner} in {@code lang}, else in French: a price's name is often French only. */
    static Optional<String> localized(JsonNode owner, String property, String lang) {
        return preferOriginal(List.of(Map.entry(owner, property)), lang).map(Text::value)
                .or(() -> preferOriginal(List.of(Map.entry(owner, property)), "fr").map(Text::value));
    }

    // --- what it is -------------------------------------------------------------------------

    static Set<String> types(JsonNode item) {
        Set<String> types = new LinkedHashSet<>();
        all(item, "@type").forEach(t -> types.add(localName(t.asText())));
        return types;
    }

    /** The item's kinds as tags ({@code convention-centre}, {@code exhibition}), most specific first. */
    private static List<String> kinds(JsonNode item) {
        return types(item).stream().filter(t -> !GENERIC_TYPES.contains(t))
                .map(t -> t.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT)).distinct().toList();
    }

    record Feature(String name, BigDecimal value, JsonNode labels) {
        String label(String lang) {
            return JsonLd.inLanguage(labels, lang).or(() -> JsonLd.inLanguage(labels, "fr")).orElse(null);
        }
    }

    private static List<Feature> features(JsonNode item) {
        List<Feature> features = new ArrayList<>();
        List<JsonNode> specifications = new ArrayList<>(all(item, "hasFeature"));
        all(item, "isLocatedAt").forEach(place -> specifications.addAll(all(place, "hasFeature")));
        for (JsonNode specification : specifications) {
            BigDecimal value = number(specification, "schema:value").orElse(null);
            for (JsonNode feature : all(specification, "features")) {
                text(feature, "@id").ifPresent(id -> features.add(new Feature(localName(id), value,
                        feature.get("rdfs:label"))));
            }
        }
        return features;
    }

    private static Optional<BigDecimal> featureValue(List<Feature> features, String name) {
        return features.stream().filter(f -> f.name().equals(name) && f.value() != null).map(Feature::value)
                .findFirst();
    }

    /** 12.50 → "12.5", 40.0 → "40": the same number always written the same way. */
    static String plain(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    // --- where and whom to ask --------------------------------------------------------------

    record Address(String line, String town) {
    }

    private static Address address(JsonNode item) {
        List<JsonNode> addresses = new ArrayList<>();
        all(item, "isLocatedAt").forEach(place -> addresses.addAll(all(place, "schema:address")));
        all(item, "hasContact").forEach(contact -> addresses.addAll(all(contact, "schema:address")));
        for (JsonNode address : addresses) {
            String town = text(address, "schema:addressLocality").orElseGet(() -> all(address, "hasAddressCity")
                    .stream().map(city -> city.get("rdfs:label")).map(l -> JsonLd.inLanguage(l, "fr"))
                    .flatMap(Optional::stream).findFirst().orElse(null));
            if (town == null) {
                continue;
            }
            List<String> parts = new ArrayList<>(all(address, "schema:streetAddress").stream()
                    .map(JsonNode::asText).map(String::strip).filter(s -> !s.isEmpty()).toList());
            parts.add(text(address, "schema:postalCode").map(code -> code + " " + town).orElse(town));
            return new Address(String.join(", ", parts), town);
        }
        return new Address(null, null);
    }

    private static List<String> contacts(JsonNode item, String lang) {
        Set<String> phones = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        Set<String> sites = new LinkedHashSet<>();
        List<JsonNode> agents = new ArrayList<>(all(item, "hasContact"));
        agents.addAll(all(item, "hasBookingContact"));
        for (JsonNode agent : agents) {
            all(agent, "schema:telephone").forEach(t -> phones.add(t.asText().strip()));
            all(agent, "schema:email").forEach(e -> emails.add(e.asText().strip()));
            all(agent, "foaf:homepage").forEach(h -> sites.add(h.asText().strip()));
        }
        List<String> lines = new ArrayList<>();
        phones.stream().filter(s -> !s.isEmpty()).forEach(p -> lines.add(words(lang, "Téléphone : ", "Phone: ") + p));
        emails.stream().filter(s -> !s.isEmpty()).forEach(e -> lines.add("E-mail" + words(lang, " : ", ": ") + e));
        sites.stream().filter(s -> !s.isEmpty()).forEach(s -> lines.add(words(lang, "Site : ", "Website: ") + s));
        return lines;
    }

    /** The item's own site: a contact's homepage, one that is not the booking agent's first; else its DATAtourisme URI. */
    static String url(JsonNode item) {
        Set<String> booking = new LinkedHashSet<>(ids(item, "hasBookingContact"));
        List<JsonNode> contacts = all(item, "hasContact");
        Optional<String> homepage = contacts.stream()
                .filter(contact -> !booking.contains(text(contact, "@id").orElse("")))
                .map(contact -> text(contact, "foaf:homepage")).flatMap(Optional::stream).findFirst()
                .or(() -> contacts.stream().map(contact -> text(contact, "foaf:homepage")).flatMap(Optional::stream)
                        .findFirst());
        return homepage.or(() -> text(item, "@id")).orElseThrow();
    }

    private static String updated(JsonNode item) {
        return text(item, "lastUpdate").or(() -> text(item, "lastUpdateDatatourisme"))
                .filter(d -> d.length() >= 10).map(d -> d.substring(0, 10)).filter(ItemMapper::isDate).orElse(null);
    }

    // --- when and how much ------------------------------------------------------------------

    private static List<JsonNode> openingHours(JsonNode item) {
        List<JsonNode> specifications = new ArrayList<>(all(item, "schema:openingHoursSpecification"));
        all(item, "isLocatedAt").forEach(place -> specifications.addAll(all(place,
                "schema:openingHoursSpecification")));
        return specifications;
    }

    record Period(LocalDate start, LocalDate end) {
    }

    /** The event's days, sorted, contiguous or overlapping periods merged; empty for anything else. */
    static List<Period> periods(JsonNode item) {
        List<Period> raw = new ArrayList<>();
        for (JsonNode period : all(item, "takesPlaceAt")) {
            date(period, "startDate").ifPresent(start -> raw.add(new Period(start,
                    date(period, "endDate").filter(end -> !end.isBefore(start)).orElse(start))));
        }
        if (raw.isEmpty()) {
            date(item, "schema:startDate").ifPresent(start -> raw.add(new Period(start,
                    date(item, "schema:endDate").filter(end -> !end.isBefore(start)).orElse(start))));
        }
        raw.sort(Comparator.comparing(Period::start).thenComparing(Period::end));
        List<Period> merged = new ArrayList<>();
        for (Period period : raw) {
            Period last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !period.start().isAfter(last.end().plusDays(1))) {
                merged.set(merged.size() - 1, new Period(last.start(),
                        period.end().isAfter(last.end()) ? period.end() : last.end()));
            } else {
                merged.add(period);
            }
        }
        return merged;
    }

    private static List<String> eventDates(JsonNode item, List<Period> periods, String lang) {
        List<String> lines = new ArrayList<>();
        for (Period period : periods.subList(0, Math.min(PERIODS_SHOWN, periods.size()))) {
            lines.add(period.start().equals(period.end())
                    ? words(lang, "le ", "on ") + day(period.start(), lang)
                    : words(lang, "du ", "from ") + day(period.start(), lang) + words(lang, " au ", " to ")
                            + day(period.end(), lang));
        }
        if (periods.size() > PERIODS_SHOWN) {
            lines.add(words(lang, "et " + (periods.size() - PERIODS_SHOWN) + " autres périodes",
                    "and " + (periods.size() - PERIODS_SHOWN) + " more periods"));
        }
        Set<String> times = new LinkedHashSet<>();
        for (JsonNode period : all(item, "takesPlaceAt")) {
            Optional<String> from = text(period, "startTime").map(OpeningHours::time);
            Optional<String> to = text(period, "endTime").map(OpeningHours::time);
            if (from.isPresent()) {
                times.add(to.map(t -> words(lang, "de " + from.get() + " à " + t, "from " + from.get() + " to " + t))
                        .orElse(words(lang, "à partir de ", "from ") + from.get()));
            }
        }
        if (times.size() == 1) {
            lines.add(words(lang, "Horaires : ", "Times: ") + times.iterator().next());
        }
        return lines;
    }

    static String day(LocalDate date, String lang) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag(lang)));
    }

    static String dayName(DayOfWeek day, String lang) {
        return day.getDisplayName(TextStyle.FULL, Locale.forLanguageTag(lang));
    }

    private static Optional<LocalDate> date(JsonNode node, String key) {
        return text(node, key).filter(d -> d.length() >= 10).map(d -> d.substring(0, 10)).filter(ItemMapper::isDate)
                .map(LocalDate::parse);
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** One priced offer: from how much, for what unit. */
    record Price(BigDecimal from, BigDecimal to, String unit, String name, String information) {
        String describe(String lang) {
            String amount = plain(from) + (to != null && to.compareTo(from) > 0 ? "–" + plain(to) : "") + " €";
            String line = (name == null ? "" : name + words(lang, " : ", ": ")) + amount + " " + unitWords(unit, lang);
            return information == null ? line : line + " (" + information.replace('\n', ' ') + ")";
        }
    }

    static String unitWords(String unit, String lang) {
        return switch (unit) {
            case "night" -> words(lang, "la nuit", "a night");
            case "week" -> words(lang, "la semaine", "a week");
            case "stay" -> words(lang, "le séjour", "per stay");
            default -> words(lang, "par personne", "per person");
        };
    }

    private static List<Price> prices(JsonNode item, boolean lodging, String lang) {
        List<Price> prices = new ArrayList<>();
        for (JsonNode offer : all(item, "offers")) {
            for (JsonNode specification : all(offer, "schema:priceSpecification")) {
                Optional<BigDecimal> from = number(specification, "schema:minPrice")
                        .or(() -> number(specification, "schema:price"));
                if (from.isEmpty() || from.get().signum() < 0) {
                    continue;
                }
                BigDecimal to = number(specification, "schema:maxPrice").orElse(null);
                String unit = unit(ids(specification, "hasPricingMode"), lodging);
                prices.add(new Price(from.get(), to, unit, localized(specification, "name", lang).orElse(null),
                        localized(specification, "additionalInformation", lang).orElse(null)));
            }
        }
        return prices;
    }

    /**
     * What a price is for, from its pricing modes ({@code kb:PerNight}, {@code kb:PerWeek},
     * {@code kb:Weekend}, {@code kb:PerPerson}…); a price that says nothing is a night in a lodging
     * and a person anywhere else (a meal, a ticket).
     */
    static String unit(List<String> modes, boolean lodging) {
        for (String mode : modes.stream().map(JsonLd::localName).toList()) {
            if (mode.contains("Night")) {
                return "night";
            }
            if (mode.contains("Weekend") || mode.contains("Stay") || mode.contains("Package")) {
                return "stay";
            }
            if (mode.contains("Week")) {
                return "week";
            }
            if (mode.contains("Person") || mode.contains("Adult") || mode.contains("Child")) {
                return "person";
            }
        }
        return lodging ? "night" : "person";
    }
}
