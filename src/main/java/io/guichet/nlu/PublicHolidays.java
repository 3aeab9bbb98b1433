package io.guichet.nlu;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * France's public holidays (metropolitan), computed by the Code du travail's rules, for any year:
 * eight fixed days, and Easter Monday, Ascension Thursday and Whit Monday from Easter Sunday.
 */
public final class PublicHolidays {
    /** The fixed holidays, by the words that name them (folded). */
    static final Map<String, MonthDay> FIXED = Map.ofEntries(
            Map.entry("1er janvier", MonthDay.of(1, 1)), Map.entry("jour de l'an", MonthDay.of(1, 1)),
            Map.entry("1er mai", MonthDay.of(5, 1)), Map.entry("premier mai", MonthDay.of(5, 1)),
            Map.entry("8 mai", MonthDay.of(5, 8)), Map.entry("14 juillet", MonthDay.of(7, 14)),
            Map.entry("15 aout", MonthDay.of(8, 15)), Map.entry("assomption", MonthDay.of(8, 15)),
            Map.entry("1er novembre", MonthDay.of(11, 1)), Map.entry("toussaint", MonthDay.of(11, 1)),
            Map.entry("11 novembre", MonthDay.of(11, 11)), Map.entry("noel", MonthDay.of(12, 25)),
            Map.entry("25 decembre", MonthDay.of(12, 25)));

    private PublicHolidays() {
    }

    /** Easter Sunday of {@code year} (the anonymous Gregorian algorithm). */
    public static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    public static LocalDate ascension(int year) {
        return easter(year).plusDays(39);
    }

    public static LocalDate whitMonday(int year) {
        return easter(year).plusDays(50);
    }

    /** The public holidays of {@code year}: eleven days, ten when Ascension falls on 1 or 8 May. */
    public static Set<LocalDate> of(int year) {
        Set<LocalDate> days = new TreeSet<>();
        FIXED.values().forEach(day -> days.add(day.atYear(year)));
        days.add(easter(year).plusDays(1));
        days.add(ascension(year));
        days.add(whitMonday(year));
        return days;
    }

    /**
     * The days off that a holiday makes with its weekend, "le pont": on a Tuesday, Saturday to
     * Tuesday; on a Thursday, Thursday to Sunday; on a Monday, Saturday to Monday; on a Friday,
     * Friday to Sunday; on a Saturday or a Sunday, that weekend; on a Wednesday, the day alone.
     */
    static DateRange bridge(LocalDate holiday) {
        DayOfWeek day = holiday.getDayOfWeek();
        return switch (day) {
            case TUESDAY -> new DateRange(holiday.minusDays(3), holiday);
            case THURSDAY -> new DateRange(holiday, holiday.plusDays(3));
            case MONDAY -> new DateRange(holiday.minusDays(2), holiday);
            case FRIDAY -> new DateRange(holiday, holiday.plusDays(2));
            case SATURDAY -> new DateRange(holiday, holiday.plusDays(1));
            case SUNDAY -> new DateRange(holiday.minusDays(1), holiday);
            default -> new DateRange(holiday, holiday);
        };
    }
}
