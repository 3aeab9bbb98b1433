package io.guichet.nlu;

import static io.guichet.nlu.EntityNumbers.NOT_AFTER;
import static io.guichet.nlu.EntityNumbers.WORDNUM;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Dates and date ranges, found in folded text and resolved against today. */
final class DateExpressions {
    private DateExpressions() {
    }

    private static final String WD = "(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
            + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\\w])";
    private static final String FULL_MONTHS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre"
            + "|octobre|novembre|decembre|january|february|march|april|may|june|july|august|september|october"
            + "|november|december";
    private static final String M_FULL = "(?:" + FULL_MONTHS + ")(?![\\w])";
    private static final String M_ANY = "(?:" + FULL_MONTHS
            + "|janv|jan|fevr|fev|feb|avr|apr|juil|jul|jun|aug|sept|sep|oct|nov|dec)(?![\\w])";
    private static final String M_EN = "(?:january|february|march|april|may|june|july|august|september|october"
            + "|november|december|jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?![\\w])";
    private static final String YEAR = "(?:19|20)\\d{2}(?![\\w])";
    /** Left boundary for a pattern that starts with a word or digits. */
    private static final String LB = "(?<![\\w.,/:+-])";
    private static final String DAYX = "(?:3[01]|[12]\\d|0?[1-9])(?:er|ere|re|eme|e|st|nd|rd|th)?(?![\\w])";
    private static final Pattern BARE_MONTH = Pattern.compile("janvier|fevrier|mars|avril|mai|juin|juillet|aout"
            + "|septembre|octobre|novembre|decembre|january|february|july|september|october|november|december");
    /** Week-end as typed, with the chat's slips and shortenings: "weeknd", "wkend", "wknd", "wekend". */
    private static final String WE = "(?:wee?k-?ends?|week ends?|weeknds?|wk-?ends?|wknds?)";
    /**
     * French chat shortens week-end to "we" or "w-e" ("on vient le we prochain", "ce we"): read so
     * only after a French word, since "we" is also the English pronoun.
     */
    private static final String WE_FR = "(?:" + WE + "|we|w-e)";
    /** The first words {@link #WE} can begin with, for the rules' quick test. */
    private static final String WE_STARTS = "week|weekend|weekends|wekend|wekends|weeknd|weeknds|wk|wkend|wkends|wknd|wknds";

    /** The rank of a week-end or a week in its month: first to fourth, or the last. */
    private static final String NTH = "premier|premiere|1er|1ere|first|1st|deuxieme|2e|2eme|second|seconde|2nd"
            + "|troisieme|3e|3eme|third|3rd|quatrieme|4e|4eme|fourth|4th|dernier|derniere|last";

    private static String day(String name) {
        return "(?:(?<" + name + ">3[01]|[12]\\d|0?[1-9])(?:er|ere|re|eme|e|st|nd|rd|th)?(?![\\w])"
                + "|(?<" + name + "w>premier|first)(?![\\w]))";
    }

    /** Marks a match shaped like a date that does not exist. */
    private static final DateRange INVALID = new DateRange(LocalDate.MIN, LocalDate.MIN);

    @FunctionalInterface
    private interface Resolver {
        DateRange resolve(Groups g, LocalDate now);
    }

    /** Named groups of a match; absent names read as null. */
    private record Groups(Matcher m, Set<String> names) {
        String get(String name) {
            return names.contains(name) ? m.group(name) : null;
        }

        Integer day(String name) {
            String digits = get(name);
            if (digits != null) {
                return Integer.parseInt(digits);
            }
            return get(name + "w") != null ? 1 : null;
        }

        Integer month(String name) {
            String s = get(name);
            return s == null ? null : monthOf(s);
        }

        Integer year(String name) {
            String s = get(name);
            if (s == null) {
                return null;
            }
            int y = Integer.parseInt(s);
            return s.length() == 2 ? 2000 + y : y;
        }
    }

    private record Rule(Pattern pattern, Set<String> names, Set<String> starts, boolean digits,
            Predicate<EntityScan> gate, Resolver resolver) {
        static Rule of(String regex, Set<String> starts, boolean digits, Predicate<EntityScan> gate,
                Resolver resolver) {
            Set<String> names = new HashSet<>();
            Matcher m = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>").matcher(regex);
            while (m.find()) {
                names.add(m.group(1));
            }
            return new Rule(Pattern.compile(regex), Set.copyOf(names), starts, digits, gate, resolver);
        }
    }

    private static final String WD_WORDS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
            + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday";
    private static final Set<String> WEEKDAYS = EntityScan.words(WD_WORDS);
    private static final Set<String> MONTHS = EntityScan.words(FULL_MONTHS,
            "janv|jan|fevr|fev|feb|avr|apr|juil|jul|jun|aug|sept|sep|oct|nov|dec");
    private static final Set<String> FULL_MONTH_WORDS = EntityScan.words(FULL_MONTHS);
    private static final Set<String> EN_MONTHS = EntityScan.words("january|february|march|april|may|june|july"
            + "|august|september|october|november|december|jan|feb|apr|jun|jul|aug|sept|sep|oct|nov|dec");
    private static final Predicate<EntityScan> ALWAYS = s -> true;
    private static final Set<String> HOLIDAY_WORDS = EntityScan.words("paques|ascension|pentecote|pont|easter|whitsun"
            + "|pentecost");
    private static final Set<String> SCHOOL_HOLIDAY_WORDS = EntityScan.words("vacances|holidays|holiday");
    private static final Set<String> SEASON_WORDS = EntityScan.words("printemps|ete|automne|hiver|spring|summer|autumn"
            + "|fall|winter|rentree");
    /** How far ahead a year alone is read as a project's horizon ("en 2028"); further off, it is a figure. */
    private static final int YEARS_AHEAD = 10;
    private static final Predicate<EntityScan> HAS_MONTH = s -> s.hasAny(MONTHS);
    private static final Predicate<EntityScan> HAS_EN_MONTH = s -> s.hasAny(EN_MONTHS);
    private static final Predicate<EntityScan> HAS_WEEKDAY = s -> s.hasAny(WEEKDAYS);

    @SafeVarargs
    private static Set<String> starts(String words, Set<String>... more) {
        Set<String> out = new HashSet<>(EntityScan.words(words));
        for (Set<String> m : more) {
            out.addAll(m);
        }
        return Set.copyOf(out);
    }

    private static final String DD = "(?:3[01]|[12]\\d|0?[1-9])";
    private static final String MM = "(?:1[0-2]|0?[1-9])";
    private static final String YY = "(?:(?:19|20)\\d{2}|\\d{2})";
    /** What may not follow a numeric date: more digits, another separator and digits. */
    private static final String NUM_END = "(?![\\w/]|[.,-]\\d)";

    private static final List<Rule> RULES = List.of(
            // le week-end de l'Ascension, le pont du 8 mai, le week-end de Pâques, à Pâques, Easter weekend,
            // a long weekend at Easter
            Rule.of("\\b(?:(?:a |the )?(?:long )?week-?end (?:a|at|over|for|pour) (?<at>paques|easter|pentecote"
                    + "|whitsun|pentecost|ascension)"
                    + "|(?:le |au |pour le |ce |un )?(?<kind>long week-?end|week-?end|pont) (?:de la |de l'|du |de |d')?"
                    + "(?<h>paques|ascension|pentecote|1er mai|premier mai|8 mai|14 juillet|15 aout|assomption"
                    + "|toussaint|1er novembre|11 novembre|noel|jour de l'an)|(?:the )?(?<en>easter|whitsun|pentecost"
                    + "|ascension)(?: long)? (?:weekend|week-end|bank holiday weekend)|(?:a |pour |at )(?<day>paques"
                    + "|easter))(?![\\w])",
                    starts("le|au|pour|ce|un|long|week|weekend|pont|the|easter|whitsun|pentecost|ascension|a|at"), false,
                    s -> s.hasAny(HOLIDAY_WORDS), DateExpressions::publicHoliday),
            // pendant les vacances de la Toussaint, vacances de février zone A, the Christmas holidays
            Rule.of("\\b(?:(?:pendant |durant |pour |during |over |in )?(?:les |the )?)?(?:vacances (?:scolaires )?"
                    + "(?:de la |de |d')?(?<v>toussaint|noel|fevrier|hiver|printemps|paques|ete)|(?<g>grandes) vacances"
                    + "|(?<e>christmas|easter|summer|february|winter|spring|autumn) (?:school )?holidays?)"
                    + "(?:,? (?:en |in |de la |for )?zone (?<z>[abc]))?(?![\\w])",
                    starts("pendant|durant|pour|during|over|in|les|the|vacances|grandes|christmas|easter|summer|february"
                            + "|winter|spring|autumn"), false, s -> s.hasAny(SCHOOL_HOLIDAY_WORDS),
                    DateExpressions::schoolHoliday),
            // la Saint-Valentin, le week-end de la Saint-Valentin, Valentine's weekend: the 14th of February
            Rule.of("\\b(?:(?<we>(?:le |ce |un )?" + WE_FR + " (?:de la |de |pour la |for |of )?)|(?:pour |for |on )?"
                    + "(?:la )?)(?:saint[- ]valentin|st[- ]valentin|valentine'?s?(?: day)?)(?<we2> " + WE + ")?(?![\\w])",
                    starts("le|ce|un|pour|for|on|la|saint|st|valentine|valentines|we|w|" + WE_STARTS), false,
                    s -> s.contains("valentin"), DateExpressions::valentine),
            // le week-end du 12 juin, the weekend of 12 June: the Saturday and Sunday of that day, from its Friday
            Rule.of("\\b(?:(?:le |ce |un )" + WE_FR + " du|" + WE + " du|(?:the )?" + WE + " of(?: the)?) " + day("d")
                    + "(?:(?: of)? (?<m>" + M_ANY + ")(?:,? (?<y>" + YEAR + "))?)?(?!" + NOT_AFTER + ")",
                    starts("le|ce|un|the|" + WE_STARTS), false, s -> s.contains(" du ") || s.contains(" of "),
                    DateExpressions::weekendOf),
            // the weekend of March 13th: the month first, as American English writes it
            Rule.of("\\b(?:the )?" + WE + " of (?<m>" + M_ANY + ") " + day("d") + "(?:,? (?<y>" + YEAR + "))?(?!"
                    + NOT_AFTER + ")", starts("the|" + WE_STARTS), false, s -> s.contains(" of "),
                    DateExpressions::weekendOf),
            // le deuxième week-end de mai, the last weekend of August, la première semaine d'août
            Rule.of("\\b(?:(?:le |la |the )?(?<nth>" + NTH + ") (?:(?<we>" + WE_FR + ")|semaine|week))"
                    + " (?:du mois de |du mois d'|de |d'|of |in )(?<m>" + M_FULL + ")(?: (?<y>" + YEAR + "))?",
                    starts("le|la|the|" + NTH), true, HAS_MONTH, DateExpressions::nthOfMonth),
            // la semaine du 12 avril, la semaine du 12, the week of 20 September: seven days from that day
            Rule.of("\\b(?:(?:la |une |cette )?semaine du|(?:the )?week of(?: the)?) " + day("d")
                    + "(?:(?: of)? (?<m>" + M_ANY + ")(?:,? (?<y>" + YEAR + "))?)?(?!" + NOT_AFTER + ")",
                    starts("la|une|cette|semaine|the|week"), false, s -> s.contains("semaine du") || s.contains("week of"),
                    DateExpressions::weekOf),
            // du 12 au 14 mars, du 30 avril au 2 mai, 3-7 March, les 12 et 13 mars, entre le 2 et le 6 février
            Rule.of(LB + "(?:(?<pre>du|from|entre|between) (?:le |the )?)?(?:" + WD + ",? )?" + day("d1")
                    + "(?:(?: of)? (?<m1>" + M_ANY + ")(?:,? (?<y1>" + YEAR + "))?)?(?:, ?" + DAYX + "){0,5}"
                    + "(?: ?- ?| (?<conn>au|to|until|till|through|thru|jusqu'au|et|and|&) )(?:le |the )?"
                    + "(?:" + WD + ",? )?" + day("d2") + "(?: of)? (?<m2>" + M_ANY + ")(?:,? (?<y2>" + YEAR + "))?",
                    starts("du|from|entre|between|premier|first", WEEKDAYS), true, HAS_MONTH,
                    DateExpressions::dayFirstRange),
            // from March 3rd to 7th, March 3-7, between March 2 and 6, March 12 and 13
            Rule.of(LB + "(?:(?<pre>from|between) (?:the )?)?(?:" + WD + ",? )?(?<m1>" + M_EN + ") (?:the )?"
                    + day("d1") + "(?:,? (?<y1>" + YEAR + "))?(?: ?- ?| (?<conn>to|until|till|through|thru|and|&) )"
                    + "(?:the )?(?:(?:" + WD + ",? )?(?<m2>" + M_ANY + ") (?:the )?)?" + day("d2")
                    + "(?:,? (?<y2>" + YEAR + ")|(?!" + NOT_AFTER + "))",
                    starts("from|between", WEEKDAYS, EN_MONTHS), false, HAS_EN_MONTH,
                    DateExpressions::monthFirstRange),
            // 12 mars, 1er mars 2027, vendredi 4 décembre, the 12th of March
            Rule.of(LB + "(?:(?<wd>" + WD + "),? (?:the )?)?" + day("d") + "(?: of)? (?<m>" + M_ANY + ")"
                    + "(?:,? (?<y>" + YEAR + "))?",
                    starts("premier|first", WEEKDAYS), true, HAS_MONTH,
                    DateExpressions::dayMonth),
            // March 12, March 1st, 2027, Friday, December 4th
            Rule.of(LB + "(?:(?<wd>" + WD + "),? )?(?<m>" + M_EN + ") (?:the )?" + day("d")
                    + "(?:,? (?<y>" + YEAR + ")|(?!" + NOT_AFTER + "))",
                    starts("", WEEKDAYS, EN_MONTHS), false, HAS_EN_MONTH,
                    DateExpressions::dayMonth),
            // du 12/03 au 14/03, 28/12/2026 - 03/01/2027
            Rule.of(LB + "(?:(?<pre>du|from|entre|between) (?:le |the )?)?(?<d1>" + DD + ")/(?<m1>" + MM + ")"
                    + "(?:/(?<y1>" + YY + "))?(?: ?- ?| (?:au|to|until|till|through|jusqu'au|et|and) (?:le |the )?)"
                    + "(?<d2>" + DD + ")/(?<m2>" + MM + ")(?:/(?<y2>" + YY + "))?" + NUM_END,
                    starts("du|from|entre|between"), true, s -> s.contains("/"),
                    DateExpressions::numericRange),
            // 15/01/2027, 15.01.27, 15-01-2027
            Rule.of(LB + "(?:(?<wd>" + WD + ") )?(?<d>" + DD + ")(?<sep>[/.-])(?<m>" + MM + ")\\k<sep>(?<y>" + YY + ")"
                    + "(?![\\w]|[.,/-]\\d)",
                    WEEKDAYS, true, s -> s.digitCount >= 4,
                    DateExpressions::numeric),
            // 2027-03-12
            Rule.of(LB + "(?<y>(?:19|20)\\d{2})-(?<m>1[0-2]|0[1-9])-(?<d>3[01]|[12]\\d|0[1-9])(?![\\w]|[.,/-]\\d)",
                    Set.of(), true, s -> s.digitCount >= 8 && s.contains("-"),
                    DateExpressions::numeric),
            // le 3/04, 12/03
            Rule.of("(?:(?<pre>\\b(?:le|du|au|the|on|from|until|to|jusqu'au|avant le|apres le|before|after|des le"
                    + "|a partir du|a compter du|starting) )?)"
                    + "(?<span>(?:(?<wd>" + WD + ") )?" + LB + "(?<d>" + DD + ")/(?<m>" + MM + "))" + NUM_END,
                    starts("le|du|au|the|on|from|until|to|jusqu|avant|apres|before|after|des|a|starting", WEEKDAYS),
                    true, s -> s.contains("/"),
                    DateExpressions::numericDayMonth),
            // en janvier, au mois de mai, in June 2027, juin 2027
            Rule.of("(?:\\b(?<pre>au mois de|mois de|month of|tout le mois de|ce mois de|beginning of|middle of|end of"
                    + "|en|in|de|debut|fin|mi"
                    + "|courant|during|early|late|mid|for|pour|des|until|till|jusqu'en|jusqu'a|a partir de|since"
                    + "|depuis|avant|apres|before|after|by|throughout|through|this|next|of) "
                    + "|(?<pre2>\\b(?:d'|mi-|mid-|au mois d'|mois d'|a partir d'|jusqu'a fin|fin d'|debut d')))?"
                    + "(?<span>(?<m>" + M_FULL + ")(?: (?<y>" + YEAR + "))?)",
                    starts("au|mois|month|tout|ce|beginning|middle|end|en|in|de|debut|fin|mi|courant|during|early|late"
                            + "|mid|for|pour|des"
                            + "|until|till|jusqu|a|since|depuis|avant|apres|before|after|by|throughout|through"
                            + "|this|next|of|d", FULL_MONTH_WORDS), false, s -> s.hasAny(FULL_MONTH_WORDS),
                    DateExpressions::monthAlone),
            // mardi 12
            Rule.of(LB + "(?<wd>" + WD + ") (?:le |the )?" + day("d") + "(?! (?:of )?" + M_ANY + ")"
                    + "(?!" + NOT_AFTER + ")",
                    WEEKDAYS, false, HAS_WEEKDAY,
                    DateExpressions::weekdayAndDay),
            // vendredi, ce vendredi, lundi prochain, next Monday, this Friday
            Rule.of("\\b(?:(?<pre>ce|cette|this coming|this|coming|next|last) )?(?<wd>" + WD + ")"
                    + "(?<post> (?:prochain|prochaine|qui vient|dernier|derniere|next|d'apres))?(?![\\w])",
                    starts("ce|cette|this|coming|next|last", WEEKDAYS), false, HAS_WEEKDAY,
                    DateExpressions::weekday),
            Rule.of("\\b(?:aujourd'hui|aujourd hui|aujourdhui|today|tonight|ce soir|this evening|ce matin"
                    + "|this morning|cet apres-midi|this afternoon)(?![\\w])",
                    starts("aujourd|aujourdhui|today|tonight|ce|this|cet"), false, ALWAYS,
                    (g, now) -> day(now)),
            Rule.of("\\b(?:apres-demain|apres demain|(?:the )?day after tomorrow)(?![\\w])",
                    starts("apres|the|day"), false, ALWAYS,
                    (g, now) -> day(now.plusDays(2))),
            Rule.of("\\b(?:demain|tomorrow)(?![\\w])",
                    starts("demain|tomorrow"), false, ALWAYS,
                    (g, now) -> day(now.plusDays(1))),
            Rule.of("\\b(?:avant-hier|avant hier|(?:the )?day before yesterday)(?![\\w])",
                    starts("avant|the|day"), false, ALWAYS,
                    (g, now) -> day(now.minusDays(2))),
            Rule.of("\\b(?:hier|yesterday)(?![\\w])",
                    starts("hier|yesterday"), false, ALWAYS,
                    (g, now) -> day(now.minusDays(1))),
            Rule.of("\\b(?:semaine prochaine|next week|semaine suivante|semaine d'apres|following week)(?![\\w-])"
                    + "(?! ?-? ?end)",
                    starts("semaine|next|following"), false, ALWAYS,
                    (g, now) -> {
                        LocalDate monday = now.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                        return new DateRange(monday, monday.plusDays(6));
                    }),
            Rule.of("\\b(?:cette semaine|this week)(?:-ci| ci)?(?![\\w-])(?! ?-? ?end)",
                    starts("cette|this"), false, ALWAYS,
                    (g, now) -> new DateRange(now, now.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)))),
            Rule.of("\\b(?:prochain " + WE_FR + "|next " + WE + "|following " + WE + "|" + WE_FR + " prochain"
                    + "|" + WE_FR + " d'apres|" + WE_FR + " suivant)(?![\\w])",
                    starts("prochain|next|following|we|w|" + WE_STARTS), false, ALWAYS,
                    (g, now) -> {
                        DateRange w = weekend(now);
                        return new DateRange(w.start().plusDays(7), w.end().plusDays(7));
                    }),
            Rule.of("\\b(?:ce " + WE_FR + "|(?:this|this coming) " + WE + "|cette fin de semaine)(?![\\w])",
                    starts("ce|this|cette"), false, ALWAYS,
                    (g, now) -> weekend(now)),
            Rule.of("\\b(?:mois prochain|next month|mois suivant|following month)(?![\\w])",
                    starts("mois|next|following"), false, ALWAYS,
                    (g, now) -> month(YearMonth.from(now).plusMonths(1))),
            Rule.of("\\b(?:ce mois-ci|ce mois ci|ce mois|this month)(?![\\w])(?! d[e'])",
                    starts("ce|this"), false, ALWAYS,
                    (g, now) -> new DateRange(now, YearMonth.from(now).atEndOfMonth())),
            Rule.of("\\b(?:annee prochaine|next year|an prochain)(?![\\w])",
                    starts("annee|next|an"), false, ALWAYS,
                    (g, now) -> {
                        LocalDate first = LocalDate.of(now.getYear() + 1, 1, 1);
                        return new DateRange(first, first.withDayOfYear(first.lengthOfYear()));
                    }),
            Rule.of("\\b(?:cette annee|this year)(?![\\w])",
                    starts("cette|this"), false, ALWAYS,
                    (g, now) -> new DateRange(now, now.withDayOfYear(now.lengthOfYear()))),
            // dans 3 jours, in two weeks, dans un mois
            Rule.of("\\b(?:dans|in) (?<n>" + WORDNUM + "|\\d{1,3}(?![\\w.,])|a|an) (?<u>jours?|days?|semaines?"
                    + "|weeks?|mois|months?|ans?|annees?|years?)(?![\\w])",
                    starts("dans|in"), false, ALWAYS,
                    DateExpressions::inSome),
            // 3 days from now
            Rule.of("(?<![\\w])(?<n>" + WORDNUM + "|\\d{1,3}|a|an) (?<u>days?|weeks?|months?|years?) from"
                    + " (?:now|today)(?![\\w])",
                    starts("an", EntityNumbers.NUMERAL_STARTS), true,
                    s -> s.contains(" from now") || s.contains(" from today"),
                    DateExpressions::inSome));

    /**
     * A year or a season said as when a project happens ("début 2028", "cet été"): no date the
     * message states (a year or a season is a span, not a day or a month), but a date where a
     * journey expects one.
     */
    private static final List<Rule> HORIZONS = List.of(
            // en 2028, début 2028, fin 2027, early 2028: a project's horizon, never a year gone by
            Rule.of("\\b(?<pre>en|in|courant|during|pour|for|debut|fin|mi|early|late|mid|beginning of|end of"
                    + "|middle of|(?:au )?debut de l'annee|(?:a la )?fin de l'annee)(?: -?|-)(?<y>20\\d{2})(?![\\w])",
                    starts("en|in|courant|during|pour|for|debut|fin|mi|early|late|mid|beginning|end|middle|au|a"),
                    true, ALWAYS, DateExpressions::yearAhead),
            // au printemps, cet été, next summer, à l'automne 2027, à la rentrée
            // A season is said with its article or preposition: "été" alone is also "été" of "a été".
            Rule.of("\\b(?:au |a l'|en |cet |cette |ce |l'|le |la |a la |in the |in |this |next |over the |during the "
                    + "|for the |the )(?:(?<season>printemps|ete|automne|hiver|spring|summer|autumn|fall|winter)"
                    + "(?: (?<next>prochain|prochaine))?(?: (?<y>20\\d{2}))?|(?<rentree>rentree(?: de septembre)?))"
                    + "(?![\\w])",
                    starts("au|a|en|cet|cette|ce|l|le|in|this|next|over|during|for|the|printemps|ete|automne|hiver"
                            + "|spring|summer|autumn|fall|winter|rentree"),
                    false, s -> s.hasAny(SEASON_WORDS), DateExpressions::season));

    static void find(EntityScan scan, LocalDate now, List<EntityCandidate> out) {
        find(RULES, scan, now, out);
    }

    static void findHorizons(EntityScan scan, LocalDate now, List<EntityCandidate> out) {
        find(HORIZONS, scan, now, out);
    }

    private static void find(List<Rule> rules, EntityScan scan, LocalDate now, List<EntityCandidate> out) {
        for (Rule rule : rules) {
            if (!rule.gate().test(scan)) {
                continue;
            }
            scan.each(rule.pattern(), rule.starts(), rule.digits(), m -> {
                DateRange range;
                try {
                    range = rule.resolver().resolve(new Groups(m, rule.names()), now);
                } catch (RuntimeException e) {
                    range = null; // a date that does not exist, e.g. 31 avril
                }
                if (range == INVALID) {
                    // "le 30 février": looks like a date, is none; its span must not yield "février" alone
                    out.add(new EntityCandidate(EntityCandidate.BLOCKED, null, m.start(), m.end()));
                } else if (range != null && !range.end().isBefore(range.start())) {
                    if (rule.names().contains("span")) {
                        out.add(new EntityCandidate("date", range, m.start("span"), m.end("span")));
                    } else {
                        out.add(new EntityCandidate("date", range, m.start(), m.end()));
                    }
                }
            });
        }
    }

    static int monthOf(String s) {
        if (s.startsWith("jan")) {
            return 1;
        }
        if (s.startsWith("fe")) {
            return 2;
        }
        if (s.startsWith("mar")) {
            return 3;
        }
        if (s.startsWith("av") || s.startsWith("ap")) {
            return 4;
        }
        if (s.startsWith("mai") || s.startsWith("may")) {
            return 5;
        }
        if (s.startsWith("juin") || s.startsWith("jun")) {
            return 6;
        }
        if (s.startsWith("juil") || s.startsWith("jul")) {
            return 7;
        }
        if (s.startsWith("ao") || s.startsWith("au")) {
            return 8;
        }
        if (s.startsWith("sep")) {
            return 9;
        }
        if (s.startsWith("oct")) {
            return 10;
        }
        if (s.startsWith("nov")) {
            return 11;
        }
        return 12;
    }

    private static DayOfWeek weekdayOf(String s) {
        return switch (s.substring(0, 2)) {
            case "lu", "mo" -> DayOfWeek.MONDAY;
            case "ma", "tu" -> DayOfWeek.TUESDAY;
            case "me", "we" -> DayOfWeek.WEDNESDAY;
            case "je", "th" -> DayOfWeek.THURSDAY;
            case "ve", "fr" -> DayOfWeek.FRIDAY;
            case "sa" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static DateRange day(LocalDate d) {
        return new DateRange(d, d);
    }

    private static DateRange month(YearMonth ym) {
        return new DateRange(ym.atDay(1), ym.atEndOfMonth());
    }

    static DateRange weekend(LocalDate now) {
        LocalDate saturday = now.getDayOfWeek() == DayOfWeek.SUNDAY
                ? now.minusDays(1)
                : now.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        return new DateRange(saturday, saturday.plusDays(1));
    }

    /** The date, or null when it does not exist (30 février). */
    private static LocalDate date(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The next occurrence of day/month on or after today. */
    private static LocalDate next(int month, int day, LocalDate now) {
        for (int y = now.getYear(); y <= now.getYear() + 8; y++) {
            LocalDate d = date(y, month, day);
            if (d != null && !d.isBefore(now)) {
                return d;
            }
        }
        return null;
    }

    private static DateRange dayMonth(Groups g, LocalDate now) {
        Integer d = g.day("d");
        int m = g.month("m");
        Integer y = g.year("y");
        LocalDate date = y != null ? date(y, m, d) : next(m, d, now);
        return date == null ? INVALID : day(date);
    }

    private static DateRange numeric(Groups g, LocalDate now) {
        LocalDate date = date(g.year("y"), Integer.parseInt(g.get("m")), Integer.parseInt(g.get("d")));
        return date == null ? INVALID : day(date);
    }

    private static DateRange numericDayMonth(Groups g, LocalDate now) {
        String d = g.get("d");
        String m = g.get("m");
        boolean context = g.get("pre") != null || g.get("wd") != null;
        if (!context && d.length() == 1 && m.length() == 1) {
            return null; // "3/4 des participants", "1/2 journée"
        }
        if (!context && (d + "/" + m).matches("24/7|7/7|12/24")) {
            return null;
        }
        LocalDate date = next(Integer.parseInt(m), Integer.parseInt(d), now);
        return date == null ? null : day(date);
    }

    private static DateRange numericRange(Groups g, LocalDate now) {
        return range(g.day("d1"), Integer.parseInt(g.get("m1")), g.year("y1"), g.day("d2"),
                Integer.parseInt(g.get("m2")), g.year("y2"), now);
    }

    private static DateRange dayFirstRange(Groups g, LocalDate now) {
        String conn = g.get("conn");
        String pre = g.get("pre");
        boolean between = "entre".equals(pre) || "between".equals(pre);
        boolean list = conn != null && (conn.equals("et") || conn.equals("and") || conn.equals("&"));
        if (list && !between && g.get("m1") != null) {
            return null; // "le 12 mars et le 13 avril": two dates
        }
        return range(g.day("d1"), g.month("m1"), g.year("y1"), g.day("d2"), g.month("m2"), g.year("y2"), now);
    }

    private static DateRange monthFirstRange(Groups g, LocalDate now) {
        String conn = g.get("conn");
        String pre = g.get("pre");
        boolean list = conn != null && (conn.equals("and") || conn.equals("&"));
        Integer m1 = g.month("m1");
        Integer m2 = g.month("m2");
        if (list && !"between".equals(pre) && m2 != null && !m2.equals(m1)) {
            return null; // "March 12 and April 3": two dates
        }
        return range(g.day("d1"), m1, g.year("y1"), g.day("d2"), m2 != null ? m2 : m1, g.year("y2"), now);
    }

    /**
     * A range; missing start month or year come from the end. Without any year, the range is the first
     * one that has not ended yet (so on 31 December "du 28 décembre au 3 janvier" is the current one).
     */
    static DateRange range(Integer d1, Integer m1, Integer y1, Integer d2, Integer m2, Integer y2, LocalDate now) {
        int startMonth = m1 != null ? m1 : m2;
        if (y2 != null || y1 != null) {
            LocalDate start;
            LocalDate end;
            if (y2 != null) {
                end = date(y2, m2, d2);
                start = date(y1 != null ? y1 : y2, startMonth, d1);
                if (y1 == null && start != null && end != null && start.isAfter(end)) {
                    start = date(y2 - 1, startMonth, d1);
                }
            } else {
                start = date(y1, startMonth, d1);
                end = date(y1, m2, d2);
                if (start != null && end != null && end.isBefore(start)) {
                    end = date(y1 + 1, m2, d2);
                }
            }
            return checked(start, end);
        }
        for (int y = now.getYear() - 1; y <= now.getYear() + 8; y++) {
            LocalDate start = date(y, startMonth, d1);
            if (start == null) {
                continue;
            }
            LocalDate end = date(y, m2, d2);
            if (end != null && end.isBefore(start) || end == null && m2 < startMonth) {
                end = date(y + 1, m2, d2);
            }
            if (end != null && !end.isBefore(now)) {
                return checked(start, end);
            }
        }
        return null;
    }

    private static DateRange checked(LocalDate start, LocalDate end) {
        if (start == null || end == null || end.isBefore(start) || start.plusDays(366).isBefore(end)) {
            return null;
        }
        return new DateRange(start, end);
    }

    /**
     * A public holiday and the days off around it, next on or after today: Easter Sunday alone
     * ("à Pâques"); the Easter and Whitsun weekends, Saturday to Monday; Ascension's, Thursday to
     * Sunday; a fixed holiday's "pont", as {@link PublicHolidays#bridge} makes it.
     */
    private static DateRange publicHoliday(Groups g, LocalDate now) {
        for (int year = now.getYear(); year <= now.getYear() + 1; year++) {
            DateRange range = holidayIn(g, year);
            if (!range.end().isBefore(now)) {
                return range;
            }
        }
        return null;
    }

    private static DateRange holidayIn(Groups g, int year) {
        String named = Stream.of("h", "en", "at", "day").map(g::get).filter(Objects::nonNull).findFirst().orElseThrow();
        LocalDate easter = PublicHolidays.easter(year);
        return switch (named) {
            case "paques", "easter" -> g.get("day") != null ? day(easter)
                    : new DateRange(easter.minusDays(1), easter.plusDays(1));
            case "ascension" -> new DateRange(PublicHolidays.ascension(year), PublicHolidays.ascension(year).plusDays(3));
            case "pentecote", "whitsun", "pentecost" -> new DateRange(PublicHolidays.whitMonday(year).minusDays(2),
                    PublicHolidays.whitMonday(year));
            default -> PublicHolidays.bridge(PublicHolidays.FIXED.get(named).atYear(year));
        };
    }

    /**
     * School holidays from the shipped national calendar, in the zone said or across zones A to
     * C; past the last school year the calendar covers, no date (and "février" alone is not read
     * as the month): the dialogue says the calendar does not reach it.
     */
    private static DateRange schoolHoliday(Groups g, LocalDate now) {
        String said = g.get("v") != null ? g.get("v") : g.get("g") != null ? "ete" : g.get("e");
        String holiday = switch (said) {
            case "toussaint", "autumn" -> "toussaint";
            case "noel", "christmas" -> "noel";
            case "fevrier", "hiver", "february", "winter" -> "hiver";
            case "printemps", "paques", "easter", "spring" -> "printemps";
            default -> "ete";
        };
        return SchoolCalendar.shipped().next(holiday, g.get("z"), now).orElse(INVALID);
    }

    /**
     * The weekend of the day named: that Saturday and Sunday, from the Friday when the Friday is
     * named; a day of the week before it gives the weekend that follows.
     */
    private static DateRange weekendOf(Groups g, LocalDate now) {
        LocalDate named = namedDay(g, now);
        return named == null ? INVALID : weekendOf(named);
    }

    /** Saint Valentine's day, or the week-end of it, on its next occurrence. */
    private static DateRange valentine(Groups g, LocalDate now) {
        LocalDate day = next(2, 14, now);
        return g.get("we") != null || g.get("we2") != null ? weekendOf(day) : day(day);
    }

    /** The Saturday and Sunday of a day, from its Friday; a weekday's is the week-end after it. */
    private static DateRange weekendOf(LocalDate named) {
        LocalDate start = switch (named.getDayOfWeek()) {
            case FRIDAY, SATURDAY -> named;
            case SUNDAY -> named.minusDays(1);
            default -> named.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        };
        return new DateRange(start, start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
    }

    /**
     * The week-end (Saturday and Sunday) of a month's first to fourth or last Saturday; a week is
     * the month's days in sevens (the first is the 1st to the 7th, the last its last seven days). The
     * month is its next occurrence, this one included, unless a year is said.
     */
    private static DateRange nthOfMonth(Groups g, LocalDate now) {
        int m = monthOf(g.get("m"));
        Integer y = g.year("y");
        YearMonth month = YearMonth.of(y != null ? y : m >= now.getMonthValue() ? now.getYear() : now.getYear() + 1, m);
        String nth = g.get("nth");
        boolean last = nth.startsWith("dernier") || nth.equals("last");
        int rank = last ? 0 : Character.isDigit(nth.charAt(0)) ? nth.charAt(0) - '0'
                : nth.startsWith("prem") || nth.equals("first") ? 1
                : nth.startsWith("deux") || nth.startsWith("second") ? 2
                : nth.startsWith("trois") || nth.equals("third") ? 3 : 4;
        if (g.get("we") != null) {
            LocalDate saturday = last ? month.atEndOfMonth().with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY))
                    : month.atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(rank, DayOfWeek.SATURDAY));
            return new DateRange(saturday, saturday.plusDays(1));
        }
        LocalDate first = last ? month.atEndOfMonth().minusDays(6) : month.atDay(1 + 7 * (rank - 1));
        return new DateRange(first, first.plusDays(6));
    }

    /** Seven days from the day named: in its month, or the next such day when no month is said. */
    private static DateRange weekOf(Groups g, LocalDate now) {
        LocalDate start = namedDay(g, now);
        return start == null ? INVALID : new DateRange(start, start.plusDays(6));
    }

    /** Day {@code d} of month {@code m} (of year {@code y}), or the next such day when no month is said; null if none. */
    private static LocalDate namedDay(Groups g, LocalDate now) {
        Integer d = g.day("d");
        Integer m = g.month("m");
        Integer y = g.year("y");
        if (m == null) {
            return nextDayOfMonth(d, now);
        }
        return y != null ? date(y, m, d) : next(m, d, now);
    }

    /** The next date on or after {@code now} that falls on day {@code d} of its month. */
    private static LocalDate nextDayOfMonth(int d, LocalDate now) {
        for (int ahead = 0; ahead < 12; ahead++) {
            YearMonth month = YearMonth.from(now).plusMonths(ahead);
            if (d <= month.lengthOfMonth() && !month.atDay(d).isBefore(now)) {
                return month.atDay(d);
            }
        }
        return null;
    }

    /**
     * The part of the month a prefix names: "début juin", "early June" are the 1st to the 10th,
     * "mi-mars", "mid-March" the 11th to the 20th, "fin juin", "late June", "end of June" the
     * 21st to the last day; any other prefix, the whole month.
     */
    private static DateRange partOf(DateRange month, String pre) {
        String prefix = pre == null ? "" : pre.strip();
        LocalDate first = month.start();
        if (prefix.matches("debut|debut d'|early|beginning of")) {
            return new DateRange(first, first.withDayOfMonth(10));
        }
        if (prefix.matches("mi|mi-|mid|mid-|middle of")) {
            return new DateRange(first.withDayOfMonth(11), first.withDayOfMonth(20));
        }
        if (prefix.matches("fin|fin d'|late|end of")) {
            return new DateRange(first.withDayOfMonth(21), month.end());
        }
        return month;
    }

    /**
     * A year with the word that makes it a time ("en 2028", "fin 2027"): the year, its first or last
     * quarter or its middle, from today when it is this year; null for a year gone by or far off.
     */
    private static DateRange yearAhead(Groups g, LocalDate now) {
        int year = Integer.parseInt(g.get("y"));
        if (year < now.getYear() || year > now.getYear() + YEARS_AHEAD) {
            return null;
        }
        String pre = g.get("pre");
        LocalDate first = LocalDate.of(year, 1, 1);
        DateRange range;
        if (pre.matches("debut|early|beginning of|(?:au )?debut de l'annee")) {
            range = new DateRange(first, LocalDate.of(year, 3, 31));
        } else if (pre.matches("mi|mid|middle of")) {
            range = new DateRange(LocalDate.of(year, 5, 1), LocalDate.of(year, 8, 31));
        } else if (pre.matches("fin|late|end of|(?:a la )?fin de l'annee")) {
            range = new DateRange(LocalDate.of(year, 10, 1), LocalDate.of(year, 12, 31));
        } else {
            range = new DateRange(first, LocalDate.of(year, 12, 31));
        }
        if (range.end().isBefore(now)) {
            return null;
        }
        return range.start().isBefore(now) ? new DateRange(now, range.end()) : range;
    }

    /**
     * A season ("au printemps", "l'été prochain", "autumn 2027") or the rentrée (September): the
     * next one to come, or the one under way, from today; of the year said when there is one.
     */
    private static DateRange season(Groups g, LocalDate now) {
        String name = g.get("season");
        MonthDay from;
        MonthDay to;
        if (g.get("rentree") != null) {
            from = MonthDay.of(9, 1);
            to = MonthDay.of(9, 30);
        } else {
            switch (name) {
                case "printemps", "spring" -> {
                    from = MonthDay.of(3, 20);
                    to = MonthDay.of(6, 20);
                }
                case "ete", "summer" -> {
                    from = MonthDay.of(6, 21);
                    to = MonthDay.of(9, 22);
                }
                case "automne", "autumn", "fall" -> {
                    from = MonthDay.of(9, 23);
                    to = MonthDay.of(12, 20);
                }
                default -> {
                    from = MonthDay.of(12, 21);
                    to = MonthDay.of(3, 19);
                }
            }
        }
        Integer said = g.year("y");
        int year = said != null ? said : now.getYear();
        LocalDate start = from.atYear(year);
        LocalDate end = to.isBefore(from) ? to.atYear(year + 1) : to.atYear(year);
        if (said == null && (end.isBefore(now) || g.get("next") != null && !start.isAfter(now))) {
            start = start.plusYears(1);
            end = end.plusYears(1);
        }
        if (end.isBefore(now)) {
            return null;
        }
        return start.isBefore(now) ? new DateRange(now, end) : new DateRange(start, end);
    }

    private static DateRange monthAlone(Groups g, LocalDate now) {
        String pre = g.get("pre");
        boolean context = pre != null || g.get("pre2") != null;
        Integer y = g.year("y");
        String name = g.get("m");
        if (y == null && !context && !BARE_MONTH.matcher(name).matches()) {
            return null; // "may", "march", "june" alone are too often something else
        }
        if (y == null && name.equals("may") && (pre == null
                || !pre.matches("in|during|early|late|mid|until|till|since|before|after|throughout|through"
                        + "|month of"))) {
            return null; // "this may be", "you may"
        }
        int m = monthOf(name);
        String part = pre != null ? pre : g.get("pre2");
        if (y != null) {
            return partOf(month(YearMonth.of(y, m)), part);
        }
        int year = m >= now.getMonthValue() ? now.getYear() : now.getYear() + 1;
        return partOf(month(YearMonth.of(year, m)), part);
    }

    private static DateRange weekdayAndDay(Groups g, LocalDate now) {
        DayOfWeek wd = weekdayOf(g.get("wd"));
        int d = g.day("d");
        LocalDate first = null;
        LocalDate cursor = now;
        for (int i = 0; i < 24; i++) {
            LocalDate candidate = date(cursor.getYear(), cursor.getMonthValue(), d);
            if (candidate != null && !candidate.isBefore(now)) {
                if (first == null) {
                    first = candidate;
                }
                if (candidate.getDayOfWeek() == wd) {
                    return day(candidate);
                }
            }
            cursor = cursor.withDayOfMonth(1).plusMonths(1);
        }
        return first == null ? null : day(first);
    }

    private static DateRange weekday(Groups g, LocalDate now) {
        DayOfWeek wd = weekdayOf(g.get("wd"));
        String pre = g.get("pre");
        String post = g.get("post");
        if ("last".equals(pre) || post != null && post.startsWith(" dernier")) {
            return day(now.with(TemporalAdjusters.previous(wd)));
        }
        if ("next".equals(pre) || post != null) {
            return day(now.with(TemporalAdjusters.next(wd)));
        }
        return day(now.with(TemporalAdjusters.nextOrSame(wd)));
    }

    private static DateRange inSome(Groups g, LocalDate now) {
        String n = g.get("n");
        long count = n.equals("a") || n.equals("an") ? 1
                : Character.isDigit(n.charAt(0)) ? Long.parseLong(n) : EntityNumbers.wordValue(n);
        if (count < 0 || count > 1000) {
            return null;
        }
        String u = g.get("u");
        LocalDate d;
        if (u.startsWith("j") || u.startsWith("d")) {
            d = now.plusDays(count);
        } else if (u.startsWith("s") || u.startsWith("w")) {
            d = now.plusWeeks(count);
        } else if (u.startsWith("m")) {
            d = now.plusMonths(count);
        } else {
            d = now.plusYears(count);
        }
        return day(d);
    }
}
