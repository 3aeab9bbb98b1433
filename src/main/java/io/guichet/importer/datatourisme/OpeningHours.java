package io.guichet.importer.datatourisme;

import static io.guichet.importer.datatourisme.ItemMapper.words;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Opening hours as a person reads them, from schema.org's {@code openingHoursSpecification}: one
 * line per season, the days that share their hours together ("lundi, jeudi : 12:00–14:00, 19:00–20:30"),
 * then the producer's own remark. The flux gives no time zone: times are the place's local time.
 */
final class OpeningHours {
    private OpeningHours() {
    }

    static List<String> describe(List<JsonNode> specifications, String lang) {
        // season (from, through) → day → time ranges, each sorted so that the text never depends on the record's order
        Map<String, Map<DayOfWeek, Set<String>>> seasons = new TreeMap<>();
        Set<String> remarks = new LinkedHashSet<>();
        for (JsonNode specification : specifications) {
            Optional<String> opens = JsonLd.text(specification, "schema:opens").map(OpeningHours::time);
            Optional<String> closes = JsonLd.text(specification, "schema:closes").map(OpeningHours::time);
            ItemMapper.localized(specification, "additionalInformation", lang).ifPresent(remarks::add);
            if (opens.isEmpty()) {
                continue;
            }
            String range = opens.get() + closes.map(c -> "–" + c).orElse("");
            String season = date(specification, "schema:validFrom") + "|" + date(specification, "schema:validThrough");
            for (String day : JsonLd.ids(specification, "schema:dayOfWeek")) {
                try {
                    DayOfWeek dayOfWeek = DayOfWeek.valueOf(JsonLd.localName(day).toUpperCase(java.util.Locale.ROOT));
                    seasons.computeIfAbsent(season, s -> new TreeMap<>())
                            .computeIfAbsent(dayOfWeek, d -> new TreeSet<>()).add(range);
                } catch (IllegalArgumentException e) {
                    // "PublicHolidays" and the like: the remark says what applies then
                }
            }
        }
        List<String> lines = new ArrayList<>();
        seasons.forEach((season, days) -> {
            Map<Set<String>, List<String>> daysByHours = new LinkedHashMap<>();
            days.forEach((day, ranges) -> daysByHours.computeIfAbsent(ranges, r -> new ArrayList<>())
                    .add(ItemMapper.dayName(day, lang)));
            List<String> parts = new ArrayList<>();
            daysByHours.forEach((ranges, names) -> parts.add(String.join(", ", names) + " " + String.join(", ", ranges)));
            lines.add(seasonWords(season, lang) + String.join(" ; ", parts));
        });
        remarks.forEach(remark -> lines.add(remark.replace('\n', ' ')));
        return lines;
    }

    private static String seasonWords(String season, String lang) {
        String[] ends = season.split("\\|", -1);
        if (ends[0].isEmpty() || ends[1].isEmpty()) {
            return "";
        }
        return words(lang, "du ", "from ") + ItemMapper.day(LocalDate.parse(ends[0]), lang)
                + words(lang, " au ", " to ") + ItemMapper.day(LocalDate.parse(ends[1]), lang) + words(lang, " : ", ": ");
    }

    private static String date(JsonNode specification, String key) {
        return JsonLd.text(specification, key).filter(d -> d.length() >= 10).map(d -> d.substring(0, 10))
                .filter(d -> {
                    try {
                        LocalDate.parse(d);
                        return true;
                    } catch (DateTimeParseException e) {
                        return false;
                    }
                }).orElse("");
    }

    /** "12:00:00" → "12:00". */
    static String time(String value) {
        return value.length() >= 5 ? value.substring(0, 5) : value;
    }
}
