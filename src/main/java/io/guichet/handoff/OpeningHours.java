package io.guichet.handoff;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a team answers, as its configuration writes it: {@code "mon-fri 09:00-18:00, sat 10:00-12:30"}
 * in the territory's time zone. A day may have several ranges ({@code "mon 09:00-12:00, mon 14:00-17:00"}).
 */
public final class OpeningHours {
    private static final Pattern RANGE = Pattern.compile(
            "\\s*(mon|tue|wed|thu|fri|sat|sun)(?:-(mon|tue|wed|thu|fri|sat|sun))?\\s+(\\d{1,2}:\\d{2})-(\\d{1,2}:\\d{2})\\s*");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private record Range(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    }

    private final List<Range> ranges;
    private final ZoneId zone;

    private OpeningHours(List<Range> ranges, ZoneId zone) {
        this.ranges = ranges;
        this.zone = zone;
    }

    /** @throws IllegalArgumentException on anything but comma-separated {@code day[-day] HH:MM-HH:MM} ranges */
    public static OpeningHours parse(String text, ZoneId zone) {
        List<Range> ranges = new ArrayList<>();
        for (String part : text.toLowerCase(Locale.ROOT).split(",")) {
            Matcher m = RANGE.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("opening hours '" + part.strip()
                        + "' should read like 'mon-fri 09:00-18:00'");
            }
            int first = DAYS.indexOf(m.group(1));
            int last = m.group(2) == null ? first : DAYS.indexOf(m.group(2));
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (int day = first; day != (last + 1) % 7; day = (day + 1) % 7) {
                days.add(DayOfWeek.of(day + 1));
            }
            LocalTime from = time(m.group(3), part);
            LocalTime to = time(m.group(4), part);
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("opening hours '" + part.strip() + "' close before they open");
            }
            ranges.add(new Range(days, from, to));
        }
        return new OpeningHours(List.copyOf(ranges), zone);
    }

    public boolean openAt(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return ranges.stream().anyMatch(r -> r.days().contains(local.getDayOfWeek())
                && !time.isBefore(r.from()) && time.isBefore(r.to()));
    }

    private static LocalTime time(String text, String part) {
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("opening hours '" + part.strip() + "': no such time " + text);
        }
    }
}
