package io.guichet.nlu;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Regex fragments for numbers (digits and French/English words) and their values. */
final class EntityNumbers {
    private EntityNumbers() {
    }

    private static final String FR_ATOMS = "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize"
            + "|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille";
    private static final String EN_ATOMS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
            + "|seventy|eighty|ninety|hundred|thousand";
    /** Tokens that can begin a number in words or a count phrase ("une quarantaine", "a dozen", "half a dozen"). */
    static final Set<String> NUMERAL_STARTS = Set.copyOf(expand(FR_ATOMS, EN_ATOMS, "a|half|dozen|couple"));
    private static final String ATOM = trie(FR_ATOMS, EN_ATOMS) + "(?![\\w'])";

    /** A number in words: "douze", "vingt-cinq", "soixante et onze", "deux mille", "two hundred and fifty". */
    static final String WORDNUM = "(?<![\\w-])" + ATOM
            + "(?:(?:[ -]et[ -](?=un|onze)|(?<=hundred|thousand) and |[ -])" + ATOM + "){0,8}+";

    /** A whole number in digits, thousands grouped or not: "40", "1 200", "12,000". */
    static final String DIGITS_INT = "(?<![\\w.,/])(?:\\d{1,3}(?:[ .,]\\d{3}){1,2}|\\d{1,7})(?!\\d|[.,]\\d)";

    /** An amount in digits, decimal comma or point, thousands grouped by space, point or comma. */
    static final String AMOUNT = "(?<![\\w.,])(?:\\d{1,3}(?:[ .,]\\d{3}){1,4}(?:[.,]\\d{1,2})?(?!\\d)"
            + "|\\d{1,12}(?:[.,]\\d{1,6})?(?!\\d))";

    /** French approximate counts: "une quarantaine". */
    static final String APPROX = "(?:une|a) (?:(?:bonne|petite|grosse|grande) )?"
            + "(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|centaine)"
            + "(?![\\w])";

    /** English set phrases for counts: "a dozen", "a couple of". */
    static final String EN_SET = "(?:half a dozen|(?:a |one )?dozen|a couple of|a couple|couple of)(?![\\w])";

    /** Nouns that say a number counts people. */
    static final String PEOPLE_NOUN = trie("personnes?|pers.|pers|pax|participants?|participantes?|invites?|invitees?"
            + "|convives?|collaborateurs?|collaboratrices?|collegues?|amis?|amies?|copains?|copines?|potes|equipiers?"
            + "|congressistes?|salaries?|salariees?|employes?|employees?"
            + "|adultes?|enfants?|gens|visiteurs?|visiteuses?|membres?|delegues?|deleguees?|stagiaires?"
            + "|etudiants?|etudiantes?|eleves?|jeunes|seniors?|inscrits?|inscrites?|accompagnants?|accompagnateurs?"
            + "|benevoles?|agents?|cadres?|dirigeants?|couverts|intervenants?|conferenciers?|exposants?|clients?"
            + "|bebes?|adolescents?|ados|voyageurs?|touristes?|randonneurs?|cyclistes?|sportifs?|joueurs?"
            + "|people|persons?|guests?|attendees?|delegates?|staff|colleagues?|coworkers?|co-workers?|adults?"
            + "|friends?|mates|buddies|girls|guys"
            + "|children|child|kids?|visitors?|members?|travellers?|travelers?|students?|pupils?|teenagers?|volunteers?"
            + "|executives?|managers?|customers?|speakers?|exhibitors?|babies|baby|infants?|tourists?|hikers?"
            + "|players?|workers?|individuals?|retraites?|retraitees?|lyceens?|lyceennes?|collegiens?|ecoliers?"
            + "|scouts?|pelerins?|chercheurs?|ingenieurs?|medecins?|musiciens?|artistes?|spectateurs?|auditeurs?"
            + "|apprenants?|formateurs?|animateurs?|elus?|partenaires?|developpeurs?|commerciaux|journalistes?"
            + "|retirees?|pensioners?|researchers?|engineers?|doctors?|musicians?|artists?|spectators?|fans"
            + "|trainees?|interns?|partners?|developers?|journalists?|runners?|riders?|cyclists?|pilgrims?"
            + "|dancers?|singers?|athletes?|coureurs?|danseurs?|choristes?|athletes?"
            // The people a company takes on, counted as its jobs: "30 embauches", "12 ETP", "20 new hires".
            + "|emplois?|embauches?|recrutements?|recrues?|postes?|etp|jobs?|hires?|ftes?|ppl") + "(?![\\w])";

    /** What may not follow a bare number taken for a count or a day: units, nouns, currencies, times. */
    static final String NOT_AFTER = "(?: ?(?:" + PEOPLE_NOUN + "|"
            + trie("nuits?|nuitees?|nights?|jours?|days?|semaines?"
            + "|weeks?|mois|months?|ans?|annees?|years?|heures?|hours?|hrs?|h|minutes?|mins?|min|am|pm|euros?|eur"
            + "|etoiles?|stars?|k|m|km|ha|hectares?|fois|times|x|pieces?|chambres?|rooms?|salles?") + "(?![\\w])"
            + "|[ ]?(?:€|\\$|£|%|°|²|[:/.,h]\\d|\\d|-\\d|m2|m²|k€)))";

    /**
     * Function words, adverbs of a correction ("we are 15 now", "on sera 6 finalement"), a verb or
     * punctuation that may follow a count given without a noun ("on est 4 le 12"), or
     * "de" after an approximate count ("nous serons une quarantaine de retraités").
     */
    static final String COUNT_END = "(?:(?<=aine)(?= (?:de |d')(?!" + trie("jours?|journees?|nuits?|nuitees?"
            + "|semaines?|mois|ans|annees?|heures?|minutes?|euros?|kilometres?|km|metres?|kilos?|fois|pages?|places?"
            + "|chambres?|salles?|lits?|tables?|articles?|exemplaires?|dossiers?|entreprises?|societes?|stands?")
            + "(?![\\w])))|(?= ?(?:$|[.,;:!?)(\\]\"»}+&](?!\\d)| \\(|\\p{So}|\\p{Cs}"
            + "|(?:le|la|les|du|des|au|aux|en|dans|ce|cette|ces|this|next|on|in|at|from|the|svp|please|pour|for"
            + "|avec|with|mais|but|donc|so|environ|maximum|max|minimum|au total|in total|total|sur|over|during"
            + "|pendant|durant|chez|par|per|lors|when|quand|qui|who|cet|demain|tomorrow|today|aujourd'hui"
            + "|merci|thanks|thank|je|j'|nous|we|il|ils|i|s'il|a partir|starting|including|dont|between|entre"
            + "|d'ici|by|et|and|now|maintenant|desormais|finalement|finally|actually|instead|plutot|aussi|also|too"
            + "|ensemble|together"
            // A verb whose subject the count is: "a team of 25 looking for…", "un groupe de 30 cherche…".
            + "|looking|searching|coming|visiting|planning|hoping|wanting|needing|interested|cherche|cherchons"
            + "|recherche|recherchons|souhaite|souhaitons|voulons|voudrions|aimerions|prevoit|prevoyons|venons"
            + "|arrivons)"
            + "(?![\\w])|l'|-(?!\\d))))";

    /**
     * A regex matching exactly the given words (alternatives separated by "|"; a trailing "s?" means an
     * optional final s), written as a trie: the engine then tests a first letter once instead of trying
     * a hundred alternatives at every position. Longer words are tried before their prefixes.
     */
    static String trie(String... alternatives) {
        return "(?:" + trieNode(new ArrayList<>(expand(alternatives))) + ")";
    }

    /** The words of "a|bs?|c": a, b, bs, c. */
    static Set<String> expand(String... alternatives) {
        Set<String> words = new TreeSet<>();
        for (String a : alternatives) {
            for (String w : a.split("\\|")) {
                if (w.endsWith("?")) {
                    String stem = w.substring(0, w.length() - 2);
                    words.add(stem);
                    words.add(stem + w.charAt(w.length() - 2));
                } else if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    private static String trieNode(List<String> words) {
        boolean terminal = false;
        Map<Character, List<String>> children = new TreeMap<>();
        for (String w : words) {
            if (w.isEmpty()) {
                terminal = true;
            } else {
                children.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w.substring(1));
            }
        }
        if (children.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Character, List<String>> e : children.entrySet()) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            char c = e.getKey();
            sb.append(Character.isLetterOrDigit(c) || c == ' ' || c == '\'' ? String.valueOf(c) : "\\" + c);
            sb.append(trieNode(e.getValue()));
        }
        if (children.size() == 1 && !terminal) {
            return sb.toString();
        }
        return "(?:" + sb + ")" + (terminal ? "?" : "");
    }

    private static final Map<String, Integer> SMALL = Map.ofEntries(
            Map.entry("un", 1), Map.entry("une", 1), Map.entry("deux", 2), Map.entry("trois", 3),
            Map.entry("quatre", 4), Map.entry("cinq", 5), Map.entry("six", 6), Map.entry("sept", 7),
            Map.entry("huit", 8), Map.entry("neuf", 9), Map.entry("dix", 10), Map.entry("onze", 11),
            Map.entry("douze", 12), Map.entry("treize", 13), Map.entry("quatorze", 14), Map.entry("quinze", 15),
            Map.entry("seize", 16), Map.entry("vingt", 20), Map.entry("vingts", 20), Map.entry("trente", 30),
            Map.entry("quarante", 40), Map.entry("cinquante", 50), Map.entry("soixante", 60),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90));

    private static final Map<String, Integer> APPROX_VALUES = Map.of(
            "dizaine", 10, "douzaine", 12, "quinzaine", 15, "vingtaine", 20, "trentaine", 30,
            "quarantaine", 40, "cinquantaine", 50, "soixantaine", 60, "centaine", 100);

    /** Value of a number in words, or -1. */
    static long wordValue(String words) {
        long total = 0;
        long current = 0;
        String previous = null;
        boolean any = false;
        for (String token : words.split("[ -]+")) {
            if (token.isEmpty() || token.equals("et") || token.equals("and")) {
                continue;
            }
            any = true;
            switch (token) {
                case "cent", "cents", "hundred" -> current = (current == 0 ? 1 : current) * 100;
                case "mille", "thousand" -> {
                    total += (current == 0 ? 1 : current) * 1000;
                    current = 0;
                }
                default -> {
                    Integer v = SMALL.get(token);
                    if (v == null) {
                        return -1;
                    }
                    if ((token.equals("vingt") || token.equals("vingts")) && "quatre".equals(previous)) {
                        current += 80 - 4; // quatre-vingt(s)
                    } else {
                        current += v;
                    }
                }
            }
            previous = token;
        }
        return any ? total + current : -1;
    }

    /** Value of a count: digits, words, "une quarantaine", "a dozen"; -1 when not a number. */
    static long countValue(String numeral) {
        String s = numeral.trim();
        if (s.isEmpty()) {
            return -1;
        }
        if (Character.isDigit(s.charAt(0))) {
            String digits = s.replaceAll("[ .,]", "");
            return digits.length() > 9 ? -1 : Long.parseLong(digits);
        }
        if (s.contains("dozen")) {
            return s.startsWith("half") ? 6 : 12;
        }
        if (s.contains("couple")) {
            return 2;
        }
        int space = s.lastIndexOf(' ');
        Integer approx = APPROX_VALUES.get(space < 0 ? s : s.substring(space + 1));
        if (approx != null) {
            return approx;
        }
        return wordValue(s);
    }

    /**
     * Value of an amount written in digits: "12 000", "1,5", "40,000", "8.500", "1 234,56". A comma or
     * point followed by exactly three digits groups thousands; otherwise it is the decimal mark.
     */
    static BigDecimal amountValue(String text) {
        String s = text.replace(" ", "");
        int last = Math.max(s.lastIndexOf(','), s.lastIndexOf('.'));
        if (last < 0) {
            return new BigDecimal(s);
        }
        String tail = s.substring(last + 1);
        String head = s.substring(0, last);
        char mark = s.charAt(last);
        boolean grouping = tail.length() == 3 && head.replaceAll("[.,]", "").length() >= 1
                && (head.indexOf(mark) >= 0 || head.length() <= 3)
                && !(head.indexOf(mark == ',' ? '.' : ',') >= 0);
        if (grouping) {
            return new BigDecimal(s.replaceAll("[.,]", ""));
        }
        return new BigDecimal(head.replaceAll("[.,]", "") + "." + tail);
    }

    /** Multiplier word or letter after an amount ("k", "M", "millions", "mille"), or 1. */
    static BigDecimal multiplier(String mult) {
        if (mult == null || mult.isEmpty()) {
            return BigDecimal.ONE;
        }
        return switch (mult) {
            case "k", "mille" -> BigDecimal.valueOf(1_000);
            case "m", "mio", "million", "millions" -> BigDecimal.valueOf(1_000_000);
            case "milliard", "milliards", "md", "mds", "bn" -> BigDecimal.valueOf(1_000_000_000);
            default -> BigDecimal.ONE;
        };
    }

    /** Long when integral, else Double; null when absurd. */
    static Number toNumber(BigDecimal value) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(1_000_000_000_000_000L)) > 0) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return stripped.longValueExact();
        }
        return stripped.doubleValue();
    }
}
