package io.guichet.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The national school calendar of metropolitan France, zones A, B and C, from the Ministry of
 * Education's file shipped in the jar ({@code calendrier-scolaire.csv}, the dataset
 * {@code fr-en-calendrier-scolaire} of data.education.gouv.fr, as published). Each row is one
 * holiday of one académie for one school year; its end is the day classes resume, so the last day
 * off is the day before. The file only covers the school years the ministry has published:
 * {@link #lastDay()} says up to when, so that a date past it is said to be unknown rather than
 * guessed. Loaded once, on first use.
 */
public final class SchoolCalendar {
    private static final String FILE = "/io/guichet/nlu/calendrier-scolaire.csv";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<String> ZONES = Set.of("Zone A", "Zone B", "Zone C");
    /** The pupils' holidays: rows for teachers only (their pre-term days) are left out. */
    private static final Set<String> PUPILS = Set.of("-", "Élèves");
    /** Holidays in the words people use (folded), ending with the zone: "vacances de fevrier zone a". */
    static final Pattern MENTION = Pattern.compile("\\b(?:vacances (?:scolaires )?(?:de |d')?(?:la )?"
            + "(?:toussaint|noel|fevrier|hiver|printemps|paques|ete)|grandes vacances|(?:christmas|easter|summer"
            + "|february|winter|spring|autumn) (?:school )?holidays?)");

    /** One holiday period of one zone. */
    private record Period(String holiday, String zone, LocalDate start, LocalDate end) {
    }

    private static volatile SchoolCalendar shipped;

    private final List<Period> periods;
    private final LocalDate lastDay;

    private SchoolCalendar(List<Period> periods) {
        this.periods = periods;
        this.lastDay = periods.stream().map(Period::end).max(LocalDate::compareTo).orElse(LocalDate.MIN);
    }

    /** The calendar shipped in the jar. */
    public static SchoolCalendar shipped() {
        if (shipped == null) {
            synchronized (SchoolCalendar.class) {
                if (shipped == null) {
                    try (InputStream in = SchoolCalendar.class.getResourceAsStream(FILE)) {
                        if (in == null) {
                            throw new IllegalStateException(FILE + " missing from the classpath");
                        }
                        shipped = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return shipped;
    }

    /** Reads the ministry's file: {@code ;}-separated, UTF-8 with a byte-order mark, dates with their UTC offset. */
    static SchoolCalendar read(InputStream in) throws IOException {
        List<Period> periods = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] cells = line.split(";", -1);
                if (cells.length < 7 || !ZONES.contains(cells[5]) || !PUPILS.contains(cells[1])) {
                    continue;
                }
                holiday(cells[0]).ifPresent(holiday -> {
                    LocalDate start = OffsetDateTime.parse(cells[2]).atZoneSameInstant(PARIS).toLocalDate();
                    LocalDate resume = OffsetDateTime.parse(cells[3]).atZoneSameInstant(PARIS).toLocalDate();
                    if (resume.isAfter(start)) {
                        periods.add(new Period(holiday, cells[5].substring(5).toLowerCase(), start,
                                resume.minusDays(1)));
                    }
                });
            }
        }
        return new SchoolCalendar(List.copyOf(periods));
    }

    /** The holiday a row describes, as this class names it; empty for a row of another kind. */
    private static Optional<String> holiday(String description) {
        String folded = TextNormalizer.fold(description);
        if (folded.contains("toussaint")) {
            return Optional.of("toussaint");
        }
        if (folded.contains("noel")) {
            return Optional.of("noel");
        }
        if (folded.contains("hiver") && !folded.contains("austral")) {
            return Optional.of("hiver");
        }
        if (folded.contains("printemps") || folded.contains("paques")) {
            return Optional.of("printemps");
        }
        if (folded.equals("vacances d'ete") || folded.equals("grandes vacances")) {
            return Optional.of("ete");
        }
        return Optional.empty();
    }

    /** The last day the calendar knows: a holiday after it is not known yet. */
    public LocalDate lastDay() {
        return lastDay;
    }

    /** Whether the folded text speaks of school holidays. */
    public static boolean mentions(String text) {
        return MENTION.matcher(TextNormalizer.fold(text)).find();
    }

    /**
     * The next period of the holiday ({@code toussaint}, {@code noel}, {@code hiver},
     * {@code printemps}, {@code ete}) that has not ended by {@code now}: in {@code zone} ("a",
     * "b", "c"), or from the first day of the earliest zone to the last of the latest when no
     * zone is said. Empty when the calendar does not reach it.
     */
    Optional<DateRange> next(String holiday, String zone, LocalDate now) {
        Optional<Period> first = periods.stream().filter(p -> p.holiday().equals(holiday))
                .filter(p -> zone == null || p.zone().equals(zone)).filter(p -> !p.end().isBefore(now))
                .min((a, b) -> a.start().compareTo(b.start()));
        if (first.isEmpty()) {
            return Optional.empty();
        }
        // The same holiday of the same school year in every zone lies within some weeks of the first one's.
        LocalDate season = first.get().start().plusWeeks(8);
        List<Period> same = periods.stream().filter(p -> p.holiday().equals(holiday))
                .filter(p -> zone == null || p.zone().equals(zone))
                .filter(p -> !p.start().isBefore(first.get().start()) && p.start().isBefore(season)).toList();
        return Optional.of(new DateRange(first.get().start(),
                same.stream().map(Period::end).max(LocalDate::compareTo).orElseThrow()));
    }
}
