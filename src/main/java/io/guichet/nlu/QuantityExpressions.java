package io.guichet.nlu;

import static io.guichet.nlu.EntityNumbers.AMOUNT;
import static io.guichet.nlu.EntityNumbers.APPROX;
import static io.guichet.nlu.EntityNumbers.COUNT_END;
import static io.guichet.nlu.EntityNumbers.DIGITS_INT;
import static io.guichet.nlu.EntityNumbers.EN_SET;
import static io.guichet.nlu.EntityNumbers.NOT_AFTER;
import static io.guichet.nlu.EntityNumbers.PEOPLE_NOUN;
import static io.guichet.nlu.EntityNumbers.WORDNUM;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** People counts, nights, amounts in euros and surfaces, found in folded text. */
final class QuantityExpressions {
    private QuantityExpressions() {
    }

    private static final String NUMERAL = "(?:" + APPROX + "|" + EN_SET + "|" + DIGITS_INT + "|" + WORDNUM + ")";
    private static final String ABOUT = "(?:(?:environ|a peu pres|approximativement|pres de|plus de|moins de|au moins"
            + "|about|around|approximately|roughly|at least|over|more than|up to|jusqu'a|maximum|max) )?";

    /** A correction's or a guess's adverb between "on sera" and the count: "on sera plutôt 75", "we'll be probably 12". */
    private static final String RATHER = "(?:(?:plutot|finalement|en fait|sans doute|probablement|surement|donc|alors"
            + "|rather|probably|actually|finally|now) )?";

    /** "40 personnes", "une quarantaine de participants", "two guests", "a dozen people". */
    private static final Pattern PEOPLE = Pattern.compile("(?<n>" + NUMERAL + ") ?(?:de |d'|of )?"
            + "(?:(?:autres|other|more|additional|extra|nouveaux|nouvelles|new|petits|young) )?" + PEOPLE_NOUN);

    /**
     * The roles of someone the person looks for or meets rather than travels with: one of them
     * ("un médecin de garde", "un animateur pour la soirée", "a speaker", "on recrute un salarié")
     * is no head count; nor is "un cadre", a setting more often than an executive ("dans un cadre
     * nature"), nor one job ("mon mari cherche un poste", "a job at the hospital").
     */
    private static final Pattern ONE_SOUGHT = Pattern.compile("^(?:un|une|an|one) (?:medecins?|doctors?|agents?"
            + "|commercial|journalistes?|journalists?|partenaires?|partners?|clients?|customers?|formateurs?"
            + "|animateurs?|intervenants?|conferenciers?|speakers?|exposants?|exhibitors?|musiciens?|musicians?"
            + "|artistes?|artists?|developpeurs?|developers?|ingenieurs?|engineers?|chercheurs?|researchers?"
            + "|cadres?|dirigeants?|managers?|salaries?|employes?|employees?|benevoles?|volunteers?"
            + "|postes?|emplois?|jobs?|embauches?|recrutements?)$");

    /**
     * "on est 4", "nous serons 60", "on sera une cinquantaine", "we'll be 12", and as people type them
     * ("on seras 2", "nous seront 40").
     */
    private static final Pattern WE_ARE = Pattern.compile("\\b(?:on (?:est|sera|seras|serait|serais|etait|va etre)"
            + "|nous (?:sommes|serons|seront|serions|allons etre|etions)|we(?: are|'re| re| will be|'ll be| would be|'d be| are going to be"
            + "|'re going to be| will be around)) " + RATHER + ABOUT + "(?<n>" + NUMERAL + ")(?:" + COUNT_END
            + "|(?= a (?!\\d)))");

    /**
     * "on pense venir à 4", "on vient à quatre", "nous serons à 6", "on vient le week-end du 12 juin
     * à 4", "on arrive ce we à 4": a count after "à" (folded "a"), the when or where of the visit
     * possibly in between, which stay out of the count's span. An hour ("on arrive à 4 h") is not
     * a count: {@code COUNT_END} refuses what follows it.
     */
    private static final String COME_VERBS = "venir|vient|venons|viendra|viendrons|viendrait|viendrions|sera|serons"
            + "|serait|serions|sommes|arrive|arrivons|arrivera|arriverons|debarque|debarquons|descend|descendons";
    private static final Pattern COME_AS = Pattern.compile("\\b(?:" + COME_VERBS + ")(?: (?!a " + NUMERAL
            + ")\\S+){0,6}? (?<count>a " + ABOUT
            + "(?<n>" + NUMERAL + "))" + COUNT_END);

    /** "groupe de 30", "family of four", "party of 6", "équipe d'une douzaine". */
    private static final Pattern GROUP_OF = Pattern.compile("\\b(?:groupe|group|equipe|team|famille|family|party"
            + "|delegation|classe|class)(?: de | d'| of | pour | for )" + ABOUT + "(?<n>" + NUMERAL + ")"
            + COUNT_END);

    /** "for 15", "pour 12" followed by nothing that makes it something else. */
    private static final Pattern FOR_N = Pattern.compile("(?<![\\d] )\\b(?:pour|for) " + ABOUT + "(?<n>" + NUMERAL + ")"
            + COUNT_END);

    /** "nombre de participants : 40", "guests: 12". */
    private static final Pattern NOUN_FIRST = Pattern.compile("\\b(?:(?:nombre|nb|nbre|number) (?:de |d'|of ))?"
            + PEOPLE_NOUN + " ?: ?(?<n>" + DIGITS_INT + "|" + WORDNUM + ")(?!" + NOT_AFTER + ")");

    /** "40 of us". */
    private static final Pattern OF_US = Pattern.compile("(?<n>" + NUMERAL + ") of us(?![\\w])");

    /** Counts after these are part of a count already stated ("40 personnes dont 10 enfants"). */
    private static final Pattern SUBSET_BEFORE = Pattern.compile(
            "(?:dont|including|incl\\.?|among them|y compris|parmi eux|parmi lesquels|parmi elles|of whom|of which)"
            + " ?(?:environ |about |around )?$");
    /** What lies between a count and a count inside brackets after it: "famille de 5 (3 enfants)". */
    private static final Pattern OPEN_BRACKET = Pattern.compile(" ?\\([^()]*");
    /** "two friends and me", "3 collègues et moi": the people named and the one who writes. */
    private static final Pattern AND_ME = Pattern.compile("(?<n>" + NUMERAL + ") (?:of my )?(?:friends?|colleagues?"
            + "|kids|children|amis?|amies?|copains?|copines?|collegues?|enfants|potes) (?:and me|and i|et moi)(?![\\w])");
    /** A child, a baby, a teenager. */
    private static final String CHILD_NOUN = "(?:enfants?|bebes?|ados|adolescents?|children|child|kids?|babies|baby"
            + "|infants?|teenagers?|teens?)";
    /** Counts summed when joined: "2 adultes et 3 enfants", "4 adults + 2 kids", "2 personnes et un bébé", "2 adults 1 kid". */
    private static final Pattern AGE_GROUP = Pattern.compile("(?<![\\w])(?:adultes?|jeunes|seniors?|adults?|" + CHILD_NOUN
            + ")$");
    /** A count of children and of nothing else: "2 enfants", "un bébé", "two kids". */
    private static final Pattern CHILDREN_ALONE = Pattern.compile("\\S+ (?:(?:de |d'|of )?(?:petits?|petites?|jeunes?"
            + "|young|little) )?" + CHILD_NOUN);
    /** What makes children a family's: "nos", "avec", "we have", "j'ai". */
    private static final Pattern FAMILY_BEFORE = Pattern.compile("(?<![\\w])(?:nos|mes|ses|leurs|our|my|his|her|their"
            + "|avec|with|have|has|ai|avons|a) $");
    private static final Pattern ONE_CHILD = Pattern.compile("(?:un|une|a|an|one) ");
    private static final Pattern JOINER = Pattern.compile(
            " ?(?:(?:,|\\+|&|et|and|plus|ainsi que|avec|with) ?(?:(?:et|and) )?)?");

    /** A partner, a relative or a friend named by the one who writes: one person. */
    private static final String COMPANION = "(?<companion>(?:ma|mon|my|our|notre) (?:femme|epouse|mari|epoux|compagnon"
            + "|compagne|conjoint|conjointe|partenaire|copine|copain|wife|husband|partner|girlfriend|boyfriend|spouse"
            + "|fiance|fiancee|gf|bf|mere|maman|pere|papa|soeur|frere|mother|mum|mom|father|dad|sister|brother"
            + "|grand-mere|grand-pere|grandmother|grandfather|grandma|grandpa|meilleur ami|meilleure amie|best friend))";
    /** Both parents named by the one who writes: two people. */
    private static final String PARENTS = "(?<parents>(?:mes|my|our|nos) (?:parents|beaux-parents|grands-parents"
            + "|grandparents|in-laws|parents-in-law))";
    /** Children counted: "nos 2 garçons", "3 enfants", "two kids". */
    private static final String CHILDREN = "(?:(?:nos|mes|les|ses|leurs|our|my|the|her|his|their) )?(?<children>" + NUMERAL + ") (?:petits? "
            + "|jeunes |young )?(?:enfants?|garcons?|filles?|fils|kids?|children|boys?|girls?|ados|adolescents?"
            + "|bebes?|babies|sons?|daughters?)";
    /** One child named: "notre bébé", "my son", "un ado". */
    private static final String CHILD = "(?<child>(?:notre|mon|ma|our|my|un|une|a) (?:petit |petite |jeune |young )?"
            + "(?:enfant|bebe|fils|fille|garcon|baby|son|daughter|kid|child|ado))";
    private static final String ME = "(?<me>moi|me|myself|i)";
    /** The one who writes and a partner: "un couple avec 2 enfants" is four; "a couple of friends" is no couple. */
    private static final String COUPLE = "(?<couple>(?:un|en|a|as a|jeune|young) couple)(?!\\s+(?:of|de|d)\\b)";
    private static final String MEMBER = "(?:" + COMPANION + "|" + PARENTS + "|" + CHILDREN + "|" + CHILD + "|" + COUPLE
            + "|" + ME + ")";
    private static final Pattern MEMBER_PATTERN = Pattern.compile(MEMBER + "(?![\\w])");
    private static final String MEMBER_JOIN = "(?:,? (?:et|and|avec|with|plus|\\+) |, | )";
    /**
     * A household said by its members: "avec ma femme et nos 2 garçons" (4, the one who writes
     * included), "ma femme, nos 3 enfants et moi" (5), "I'm coming with my wife" (2).
     */
    private static final Pattern HOUSEHOLD = household();
    /** The one who writes speaks for themself alone: "je viens avec…", "I'm moving with…". */
    private static final Pattern SPEAKER_ALONE = Pattern.compile("(?<![\\w])(?:je|j'|i|i'm|i am|moi)(?![\\w])");
    /** Several speak ("on vient", "we're moving"), one of them or two: their own number is not said. */
    private static final Pattern SPEAKERS = Pattern.compile("(?<![\\w])(?:on|nous|we|we're|we are)(?![\\w])");
    private static final Set<String> HOUSEHOLD_STARTS = EntityScan.words("ma|mon|mes|nos|my|our|notre|avec|with|w|moi"
            + "|un|en|a|as|jeune|young");

    /** "2 nuits", "une nuit", "4 nights", "two-night stay". */
    private static final Pattern NIGHTS = Pattern.compile("(?<n>" + DIGITS_INT + "|" + WORDNUM + ")[ -]?"
            + "(?:nuits?|nuitees?|nights?)(?![\\w])");

    private static final String MULT = "(?:k|m|mio|millions?|milliards?|mds?|mille|bn)";
    private static final String CURRENCY = "(?:€|euros?(?![\\w])|eur(?![\\w]))";
    /** "12 000 €", "5k€", "1,2 million d'euros", "deux mille euros". */
    private static final Pattern MONEY = Pattern.compile("(?<n>" + AMOUNT + "|" + WORDNUM + ") ?(?<mult>" + MULT
            + ")? ?(?:d'|de )?" + CURRENCY);
    /** "€8,500", "EUR 2,500", "€1.5M". */
    private static final Pattern MONEY_FIRST = Pattern.compile("(?<![\\w€$£])(?:€|eur(?![\\w])) ?(?<n>" + AMOUNT
            + ")(?: ?(?<mult>" + MULT + ")(?![\\w]))?");
    /**
     * "300 e par mois", "150 e la nuit", "80 e max": the "e" that stands for euros when a period or
     * a ceiling says the number is a price.
     */
    private static final Pattern MONEY_E = Pattern.compile("(?<n>" + AMOUNT + ") ?(?<mult>k)? e(?= (?:par|la|le) (?:mois"
            + "|nuit|personne|an|jour|semaine)(?![\\w])| ?/ ?(?:mois|nuit)| max(?:imum|i)?(?![\\w])"
            + "| per (?:month|night|person)(?![\\w]))");
    /** "1500/month", "900 par mois", "1.2k a month": an amount by the month is a price, in euros here. */
    private static final Pattern MONTHLY = Pattern.compile("(?<![\\w.,])(?<n>" + AMOUNT + ") ?(?<mult>k)?(?= ?/ ?(?:mois"
            + "|month|mo)(?![\\w])| par mois(?![\\w])| (?:per|a) month(?![\\w]))");
    /** Below this, a number by the month counts something else: "2 par mois" is a frequency. */
    private static final int MIN_MONTHLY_EUR = 100;
    private static final Set<String> MONTH_WORDS = EntityScan.words("mois|month|mo");
    /** "budget 3000", "budget de 2 millions", "budget: 8000", "loyer max 650". */
    private static final Pattern BUDGET_BARE = Pattern.compile("\\b(?:budget|enveloppe|loyer|rent)"
            + "(?<fill>(?: ?[:~≈]| (?:de|d'|of"
            + "|est|is|was|will be|would be|sera|serait|total|totale|global|globale|maximum|max|maxi|approximatif"
            + "|estime|prevu|previsionnel|disponible|around|about|approximately|roughly|environ|d'environ|autour"
            + "|de l'ordre|a hauteur|jusqu'a|up to|d'un|d'une|around|max|maximal|alloue|annuel|annual|total of)){0,5})"
            + " ?(?<n>" + AMOUNT + "|" + WORDNUM + ")(?: ?(?<mult>" + MULT + ")(?![\\w]))?"
            + "(?! ?(?:\\$|£|€|usd|dollars?|gbp|livres?|pounds?|chf|francs?|euros?|eur|yens?|%|[.,]\\d|\\d))"
            + "(?!" + NOT_AFTER + ")");

    /** "5000 m2", "80m²", "300 square metres", "1,5 hectare", "2 ha". */
    private static final Pattern SURFACE = Pattern.compile("(?<n>" + AMOUNT + "|" + WORDNUM + ")(?: (?<mult>mille))?"
            + " ?(?:(?<m2>m2|m²|m\\^2|metres? carres?|meters? squared|metres? squared|square met(?:re|er)s?"
            + "|sq\\.? ?m(?:et(?:re|er)s?)?|sqm)|(?<ha>hectares?|ha)|(?<km>km2|km²|kilomet(?:re|er)s? carres?"
            + "|square kilomet(?:re|er)s?))(?![\\w²])");

    private static final Set<String> WE_STARTS = EntityScan.words("on|nous|we");
    private static final Set<String> GROUP_STARTS = EntityScan.words(
            "groupe|group|equipe|team|famille|family|party|delegation|classe|class");
    private static final Set<String> FOR_STARTS = EntityScan.words("pour|for");
    private static final Set<String> COME_STARTS = EntityScan.words(COME_VERBS);
    private static final Set<String> NIGHT_WORDS = EntityScan.words("nuit|nuits|nuitee|nuitees|night|nights");
    private static final Set<String> EURO_WORDS = EntityScan.words("eur|euro|euros");
    private static final Set<String> BUDGET_WORDS = EntityScan.words("budget|enveloppe|loyer|rent");
    private static final Set<String> SURFACE_WORDS = EntityScan.words(
            "m|sqm|sq|square|metre|metres|meter|meters|ha|hectare|hectares|km|kilometre|kilometres|kilometer"
            + "|kilometers");

    static void find(EntityScan scan, List<EntityCandidate> out) {
        people(scan, out);
        if (scan.hasAny(NIGHT_WORDS)) {
            nights(scan, out);
        }
        if (scan.contains("€") || scan.hasAny(EURO_WORDS) || scan.hasAny(BUDGET_WORDS) || scan.contains(" e ")
                || scan.hasAny(MONTH_WORDS)) {
            money(scan, out);
        }
        if (scan.hasAny(SURFACE_WORDS)) {
            surfaces(scan, out);
        }
    }

    private static void people(EntityScan scan, List<EntityCandidate> out) {
        String text = scan.text;
        List<EntityCandidate> found = new ArrayList<>();
        scan.each(PEOPLE, EntityNumbers.NUMERAL_STARTS, true, m -> {
            long v = EntityNumbers.countValue(m.group("n"));
            if (v > 0 && v <= 1_000_000 && !subset(text, m.start()) && !ONE_SOUGHT.matcher(m.group()).find()) {
                found.add(new EntityCandidate("people_count", (int) v, m.start(), m.end(), true));
            }
        });
        scan.each(WE_ARE, WE_STARTS, false, m -> construction(text, m, m.start(), false, found));
        scan.each(GROUP_OF, GROUP_STARTS, false, m -> construction(text, m, m.start(), false, found));
        scan.each(COME_AS, COME_STARTS, false, m -> construction(text, m, m.start("count"), false, found));
        scan.each(FOR_N, FOR_STARTS, false, m -> construction(text, m, m.start(), true, found));
        if (scan.contains(" and me") || scan.contains(" and i") || scan.contains(" et moi")) {
            scan.each(AND_ME, EntityNumbers.NUMERAL_STARTS, true, m -> {
                long v = EntityNumbers.countValue(m.group("n")) + 1;
                found.removeIf(c -> c.start() >= m.start() && c.start() < m.end());
                found.add(new EntityCandidate("people_count", (int) v, m.start(), m.end()));
            });
        }
        if (scan.contains("of us")) {
            scan.each(OF_US, EntityNumbers.NUMERAL_STARTS, true, m -> construction(text, m, m.start(), false, found));
        }
        if (scan.contains(":")) {
            scan.all(NOUN_FIRST, m -> construction(text, m, m.start(), false, found));
        }
        scan.each(HOUSEHOLD, HOUSEHOLD_STARTS, false, m -> household(text, m, found));
        found.sort(Comparator.comparingInt(EntityCandidate::start));
        List<EntityCandidate> counts = sumJoined(text, withoutBracketed(text, found));
        if (counts.size() != 1 || !familysChildren(text, counts.get(0))) {
            out.addAll(counts);
        }
    }

    /**
     * A family's children, the message's only count ("où emmener un enfant de 2 ans ?", "avec nos
     * 2 enfants", "we have two kids"): children do not come alone, and the adults are not said, so
     * the party's size is not stated. A group's children ("une sortie pour 30 enfants"), children
     * joined to adults ("2 adultes et 2 enfants") and added to a count ("on est 2, plus un bébé")
     * are counts.
     */
    private static boolean familysChildren(String text, EntityCandidate count) {
        return count.nounBased() && CHILDREN_ALONE.matcher(text.substring(count.start(), count.end())).matches()
                && (FAMILY_BEFORE.matcher(text.substring(0, count.start())).find()
                || ONE_CHILD.matcher(text.substring(count.start(), count.end())).lookingAt());
    }

    /** A run of members joined together; the groups that tell them apart are read member by member. */
    private static Pattern household() {
        String member = MEMBER.replaceAll("\\(\\?<\\w+>", "(?:");
        return Pattern.compile("(?<![\\w])(?<with>(?:avec|with|w/?) )?" + member + "(?:" + MEMBER_JOIN + member
                + ")*(?![\\w])");
    }

    /**
     * The household a run of members says, in place of the counts inside it, when it says who the
     * one who writes is with: a partner or a relative named, "et moi", or "avec …" from someone
     * speaking for themself alone. "On vient avec 2 enfants" says how many children, not how many people: no
     * count, unless a count of the others comes just before ("2 adultes avec 2 enfants").
     */
    private static void household(String text, Matcher run, List<EntityCandidate> found) {
        Members named = Members.in(text, run.start(), run.end());
        int people = named.people();
        boolean companion = named.companion();
        boolean me = named.me();
        boolean with = run.group("with") != null;
        String before = text.substring(0, run.start());
        boolean alone = SPEAKER_ALONE.matcher(before).find();
        if (with && !companion && !me && !alone && SPEAKERS.matcher(before).find()
                && found.stream().noneMatch(c -> c.end() <= run.start() && before.substring(c.end()).isBlank())) {
            // "we're moving with 2 kids": the children are counted, the parents are not said.
            found.removeIf(c -> c.start() < run.end() && c.end() > run.start());
            return;
        }
        if (with && !companion && !me) {
            Optional<EntityCandidate> couple = found.stream()
                    .filter(c -> c.type().equals("people_count") && c.end() <= run.start())
                    .filter(c -> Members.in(text, c.start(), c.end()).speakerAndCompanion()).reduce((first, last) -> last);
            if (couple.isPresent()) {
                // "my wife and I are moving in September with our two kids": the children join the
                // couple already counted, not the one who writes alone.
                found.remove(couple.get());
                found.removeIf(c -> c.start() < run.end() && c.end() > run.start());
                found.add(new EntityCandidate("people_count", (int) couple.get().value() + people,
                        couple.get().start(), couple.get().end()));
                return;
            }
        }
        if (named.count() < 2 && !with || !companion && !me && !(with && alone)) {
            return;
        }
        int total = people + (me ? 0 : 1);
        found.removeIf(c -> c.start() < run.end() && c.end() > run.start());
        found.add(new EntityCandidate("people_count", total, with ? run.start("with") + run.group("with").length()
                : run.start(), run.end()));
    }

    /**
     * The members of a household named in {@code text} between two offsets: the people they count,
     * how many members are named, and whether someone they name (a partner, a relative) and the
     * one who writes are among them.
     */
    private record Members(int people, int count, boolean companion, boolean me) {
        static Members in(String text, int start, int end) {
            int people = 0;
            int count = 0;
            boolean companion = false;
            boolean me = false;
            Matcher member = MEMBER_PATTERN.matcher(text).region(start, end);
            while (member.find()) {
                count++;
                if (member.group("companion") != null || member.group("parents") != null) {
                    // The one who writes is with someone they name: a partner, a relative, their parents.
                    companion = true;
                    people += member.group("parents") != null ? 2 : 1;
                } else if (member.group("couple") != null) {
                    companion = true;
                    me = true;
                    people += 2;
                } else if (member.group("me") != null) {
                    me = true;
                    people++;
                } else if (member.group("child") != null) {
                    people++;
                } else {
                    people += (int) EntityNumbers.countValue(member.group("children"));
                }
            }
            return new Members(people, count, companion, me);
        }

        /** "ma femme et moi", "my wife and I": the one who writes and the one they name, counted already. */
        boolean speakerAndCompanion() {
            return companion && me;
        }
    }

    private static void construction(String text, Matcher m, int start, boolean forN, List<EntityCandidate> out) {
        String n = m.group("n");
        if (n.equals("un") || n.equals("une") || n.equals("one") || n.equals("cent") || n.equals("cents")
                || n.equals("mille") || n.contains("couple")) {
            return; // "nous sommes une entreprise", "10 pour cent", "we are a couple"
        }
        long v = EntityNumbers.countValue(n);
        if (forN && (n.length() == 4 && v >= 1900 && v <= 2100 || n.endsWith("quinzaine"))) {
            return; // "pour 2027" is a year, "pour une quinzaine" a fortnight
        }
        if (v > 0 && v <= 100_000 && !subset(text, m.start())) {
            out.add(new EntityCandidate("people_count", (int) v, start, m.end()));
        }
    }

    /** The counts, less those in brackets right after another: "une famille de 5 (3 enfants)" is 5. */
    private static List<EntityCandidate> withoutBracketed(String text, List<EntityCandidate> counts) {
        List<EntityCandidate> kept = new ArrayList<>();
        for (EntityCandidate count : counts) {
            boolean bracketed = !kept.isEmpty() && kept.get(kept.size() - 1).end() <= count.start()
                    && OPEN_BRACKET.matcher(text.substring(kept.get(kept.size() - 1).end(), count.start())).matches();
            if (!bracketed) {
                kept.add(count);
            }
        }
        return kept;
    }

    private static boolean subset(String text, int start) {
        int from = Math.max(0, start - 30);
        return SUBSET_BEFORE.matcher(text.substring(from, start)).find();
    }

    /**
     * "2 adultes et 3 enfants" is one count of 5, and so is "on est 3 + 2 enfants"; counts join only
     * when one of them is an age group (adults, children, babies...), so that "35 collaborateurs et
     * 600 congressistes" stay two counts.
     */
    private static List<EntityCandidate> sumJoined(String text, List<EntityCandidate> counts) {
        List<EntityCandidate> merged = new ArrayList<>();
        EntityCandidate current = null;
        for (EntityCandidate c : counts) {
            String gap = current == null || c.start() < current.end()
                    ? null
                    : text.substring(current.end(), c.start());
            if (gap != null && JOINER.matcher(gap).matches()
                    && (current.nounBased() && c.nounBased() || gap.contains("+") || gap.contains("plus"))
                    && (ageGroup(text, c) || ageGroup(text, current))) {
                current = new EntityCandidate(c.type(), (Integer) current.value() + (Integer) c.value(),
                        current.start(), c.end(), true);
                continue;
            }
            if (current != null) {
                merged.add(current);
            }
            current = c;
        }
        if (current != null) {
            merged.add(current);
        }
        return merged;
    }

    private static boolean ageGroup(String text, EntityCandidate count) {
        return count.nounBased() && AGE_GROUP.matcher(text.substring(count.start(), count.end())).find();
    }

    private static void nights(EntityScan scan, List<EntityCandidate> out) {
        scan.each(NIGHTS, EntityNumbers.NUMERAL_STARTS, true, m -> {
            long v = EntityNumbers.countValue(m.group("n"));
            if (v > 0 && v <= 1000) {
                out.add(new EntityCandidate("nights", (int) v, m.start(), m.end()));
            }
        });
    }

    private static void money(EntityScan scan, List<EntityCandidate> out) {
        scan.each(MONEY, EntityNumbers.NUMERAL_STARTS, true, m -> money(m, false, out));
        if (scan.contains(" e ")) {
            scan.each(MONEY_E, EntityNumbers.NUMERAL_STARTS, true, m -> money(m, false, out));
        }
        if (scan.contains("€") || scan.has("eur")) {
            scan.all(MONEY_FIRST, m -> money(m, false, out));
        }
        if (scan.hasAny(BUDGET_WORDS)) {
            scan.each(BUDGET_BARE, BUDGET_WORDS, false, m -> money(m, true, out));
        }
        if (scan.hasAny(MONTH_WORDS)) {
            scan.each(MONTHLY, EntityNumbers.NUMERAL_STARTS, true, m -> {
                Number value = EntityNumbers.toNumber(number(m.group("n"), m.group("mult")));
                if (value != null && value.doubleValue() >= MIN_MONTHLY_EUR) {
                    out.add(new EntityCandidate("budget_eur", value, m.start(), m.end()));
                }
            });
        }
    }

    private static void money(Matcher m, boolean bare, List<EntityCandidate> out) {
        String n = m.group("n");
        if (bare && m.group("fill").isEmpty() && m.group("mult") == null && n.matches("(?:19|20)\\d\\d")) {
            return; // "budget 2027" is a year
        }
        Number value = EntityNumbers.toNumber(number(n, m.group("mult")));
        if (bare && !Character.isDigit(n.charAt(0)) && value != null && value.doubleValue() < 100) {
            return; // "le budget d'une entreprise"
        }
        if (value != null && value.doubleValue() > 0) {
            out.add(new EntityCandidate("budget_eur", value, m.start(), m.end()));
        }
    }

    private static void surfaces(EntityScan scan, List<EntityCandidate> out) {
        scan.each(SURFACE, EntityNumbers.NUMERAL_STARTS, true, m -> {
            BigDecimal v = number(m.group("n"), m.group("mult"));
            if (v == null) {
                return;
            }
            if (m.group("ha") != null) {
                v = v.multiply(BigDecimal.valueOf(10_000));
            } else if (m.group("km") != null) {
                v = v.multiply(BigDecimal.valueOf(1_000_000));
            }
            Number value = EntityNumbers.toNumber(v);
            if (value != null && value.doubleValue() > 0) {
                out.add(new EntityCandidate("surface_m2", value, m.start(), m.end()));
            }
        });
    }

    private static BigDecimal number(String n, String mult) {
        BigDecimal base;
        if (Character.isDigit(n.charAt(0))) {
            base = EntityNumbers.amountValue(n);
        } else {
            long w = EntityNumbers.wordValue(n);
            if (w <= 0) {
                return null;
            }
            base = BigDecimal.valueOf(w);
        }
        return base.multiply(EntityNumbers.multiplier(mult));
    }
}
