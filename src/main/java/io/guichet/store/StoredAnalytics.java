package io.guichet.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.guichet.analytics.AnalyticsStore;
import io.guichet.analytics.ContentGaps;
import io.guichet.analytics.Filter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The marketing team's figures, in SQL over the turns' records, the transcripts and the leads,
 * on the store's reading connection (SQLite's second one, or PostgreSQL's pool).
 */
final class StoredAnalytics implements AnalyticsStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Instants are stored as {@link Instant#toString()}, whose fraction of a second comes and
     * goes ("…:00Z", "…:00.5Z"); a bound written to the second without a zone sorts before
     * every instant of that second, so string comparison keeps [from, to) exact.
     */
    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    /** The journey's stages once its questions are over and its summary shown. */
    private static final String PAST_QUESTIONS = "('consent', 'contact_name', 'contact_details', 'done')";

    /** The comments on ratings the dashboard shows, the latest. */
    private static final int COMMENTS_SHOWN = 50;

    private final Database database;
    private final Dialect dialect;

    StoredAnalytics(Database database) {
        this.database = database;
        this.dialect = database.dialect();
    }

    /** A filter as SQL on the turns aliased {@code t}, with its arguments in order. */
    private record Where(String sql, List<Object> args) {
        static Where of(Filter filter) {
            return on(filter, "t");
        }

        /**
         * The filter on a table of events aliased {@code alias} with the turns' columns {@code at},
         * {@code channel}, {@code lang} and {@code conversation_id}; a journey is that of any turn of
         * the conversation in the period.
         */
        static Where on(Filter filter, String alias) {
            Where period = period(filter, alias + ".at");
            List<Object> args = new ArrayList<>(period.args());
            StringBuilder sql = new StringBuilder(period.sql());
            if (filter.channel() != null) {
                sql.append(" AND ").append(alias).append(".channel = ?");
                args.add(filter.channel());
            }
            if (filter.lang() != null) {
                sql.append(" AND ").append(alias).append(".lang = ?");
                args.add(filter.lang());
            }
            if (filter.journey() != null) {
                sql.append(" AND ").append(alias).append(".conversation_id IN (SELECT conversation_id FROM turns"
                        + " WHERE journey = ? AND at >= ? AND at < ?)");
                args.add(filter.journey());
                args.addAll(period.args());
            }
            return new Where(sql.toString(), args);
        }

        /**
         * The filter on the conversations' days aliased {@code d}, by whole days: the days the period
         * touches. A journey is that of any of the conversation's days in the period.
         */
        static Where days(Filter filter) {
            String first = DAY.format(filter.from());
            String last = DAY.format(filter.to().minusNanos(1));
            List<Object> args = new ArrayList<>(List.of(first, last));
            StringBuilder sql = new StringBuilder("d.day >= ? AND d.day <= ?");
            if (filter.channel() != null) {
                sql.append(" AND d.channel = ?");
                args.add(filter.channel());
            }
            if (filter.lang() != null) {
                sql.append(" AND d.lang = ?");
                args.add(filter.lang());
            }
            if (filter.journey() != null) {
                sql.append(" AND d.conversation_id IN (SELECT conversation_id FROM conversation_days"
                        + " WHERE journey = ? AND day >= ? AND day <= ?)");
                args.addAll(List.of(filter.journey(), first, last));
            }
            return new Where(sql.toString(), args);
        }

        /** The filter's period alone, on {@code column}: for rows that have no channel or language of their own. */
        static Where period(Filter filter, String column) {
            String to = BOUND.format(filter.to().plusSeconds(filter.to().getNano() > 0 ? 1 : 0)
                    .truncatedTo(ChronoUnit.SECONDS));
            return new Where(column + " >= ? AND " + column + " < ?", List.of(BOUND.format(filter.from()), to));
        }

        PreparedStatement prepare(Connection connection, String query, Object... more) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(query.replace("{where}", sql));
            int index = 1;
            for (Object arg : args) {
                statement.setObject(index++, arg);
            }
            for (Object arg : more) {
                statement.setObject(index++, arg);
            }
            return statement;
        }
    }

    /**
     * Read from the conversations' days (one row per conversation and day active, kept with each
     * turn), whole days: on a busy month a fifth as many rows as the turns. Five scans of the
     * turns took 0.9-1.2 s on 500,000 of them, one pass counting in Java 0.87 s.
     */
    @Override
    public Overview overview(Filter filter) {
        Where where = Where.days(filter);
        return database.read("cannot read the overview", connection -> {
            long[] totals = new long[5];
            try (PreparedStatement select = where.prepare(connection, "SELECT count(DISTINCT d.conversation_id),"
                    + " coalesce(sum(d.turns), 0), coalesce(sum(d.fallbacks), 0), coalesce(sum(d.out_of_scope), 0),"
                    + " count(DISTINCT CASE WHEN d.handed_off <> 0 THEN d.conversation_id END)"
                    + " FROM conversation_days d WHERE {where}");
                 ResultSet row = select.executeQuery()) {
                row.next();
                for (int i = 0; i < totals.length; i++) {
                    totals[i] = row.getLong(i + 1);
                }
            }
            List<Day> days = new ArrayList<>();
            try (PreparedStatement select = where.prepare(connection, "SELECT d.day, count(*), sum(d.turns)"
                    + " FROM conversation_days d WHERE {where} GROUP BY d.day ORDER BY d.day");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    days.add(new Day(row.getString(1), row.getLong(2), row.getLong(3)));
                }
            }
            return new Overview(totals[0], totals[1], totals[2], totals[3], totals[4], days,
                    conversationsBy(connection, where, "d.channel"), conversationsBy(connection, where, "d.lang"),
                    conversationsBy(connection, where, "d.journey"));
        });
    }

    private static List<Count> conversationsBy(Connection connection, Where where, String column) throws SQLException {
        return counts(where.prepare(connection, "SELECT " + column + " AS k, count(DISTINCT d.conversation_id) AS n"
                + " FROM conversation_days d WHERE {where} AND " + column + " IS NOT NULL GROUP BY k ORDER BY n DESC, k"));
    }

    private static List<Count> counts(PreparedStatement select) throws SQLException {
        List<Count> counts = new ArrayList<>();
        try (select; ResultSet row = select.executeQuery()) {
            while (row.next()) {
                counts.add(new Count(row.getString(1), row.getLong(2)));
            }
        }
        return counts;
    }

    @Override
    public List<Funnel> funnels(Filter filter) {
        Where where = Where.of(filter);
        return database.read("cannot read the journeys' funnels", connection -> {
            List<Funnel> funnels = new ArrayList<>();
            try (PreparedStatement select = where.prepare(connection, "SELECT t.journey,"
                    + " count(DISTINCT t.conversation_id),"
                    + " count(DISTINCT CASE WHEN t.stage IN " + PAST_QUESTIONS + " THEN t.conversation_id END),"
                    + " count(DISTINCT CASE WHEN t.stage IN " + PAST_QUESTIONS + " AND t.sources <> '[]'"
                    + " THEN t.conversation_id END),"
                    + " count(DISTINCT CASE WHEN t.stage IN ('contact_name', 'contact_details')"
                    // Looked up per turn in leads_by_conversation: an IN list over the leads, correlated on
                    // the journey, rescanned every lead for each turn (2 min 39 s on 100,000 turns, 10,000 leads).
                    + " OR EXISTS (SELECT 1 FROM leads l WHERE l.conversation_id = t.conversation_id"
                    + " AND l.journey = t.journey)"
                    + " THEN t.conversation_id END)"
                    + " FROM turns t WHERE {where} AND t.journey IS NOT NULL GROUP BY t.journey ORDER BY 2 DESC");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String journey = row.getString(1);
                    List<Count> teams = leadsByTeam(connection, where, journey);
                    funnels.add(new Funnel(journey, row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                            teams.stream().mapToLong(Count::count).sum(), teams, demand(connection, where, journey)));
                }
            }
            return funnels;
        });
    }

    /** The leads of the journey's conversations in the period, per team. */
    private static List<Count> leadsByTeam(Connection connection, Where where, String journey) throws SQLException {
        return counts(where.prepare(connection, "SELECT l.team AS k, count(*) AS n FROM leads l"
                + " WHERE l.conversation_id IN (SELECT t.conversation_id FROM turns t WHERE {where})"
                + " AND l.journey = ? GROUP BY k ORDER BY n DESC, k", journey));
    }

    /**
     * What the people who started {@code journey} asked for, read from the slots their
     * conversations hold now: numbers summed and distributed, dates counted by month.
     */
    private Map<String, Demand> demand(Connection connection, Where where, String journey) throws SQLException {
        Map<String, List<Double>> numbers = new TreeMap<>();
        Map<String, Map<String, Long>> months = new TreeMap<>();
        try (PreparedStatement select = where.prepare(connection, "SELECT c.journey FROM conversations c"
                + " WHERE c.id IN (SELECT t.conversation_id FROM turns t WHERE {where})"
                + " AND " + dialect.jsonField("c.journey", "name") + " = ?", journey);
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                JsonNode slots = readTree(row.getString(1)).path("slots");
                slots.fields().forEachRemaining(slot -> {
                    JsonNode value = slot.getValue();
                    if (value.isNumber()) {
                        numbers.computeIfAbsent(slot.getKey(), k -> new ArrayList<>()).add(value.asDouble());
                    } else if (value.path("start").isTextual() && value.path("start").asText().length() >= 7) {
                        months.computeIfAbsent(slot.getKey(), k -> new TreeMap<>())
                                .merge(value.path("start").asText().substring(0, 7), 1L, Long::sum);
                    }
                });
            }
        }
        Map<String, Demand> demand = new LinkedHashMap<>();
        numbers.forEach((slot, values) -> {
            values.sort(null);
            demand.put(slot, new Demand(values.size(), values.stream().mapToDouble(Double::doubleValue).sum(),
                    quantile(values, 0.5), quantile(values, 0.9), values.get(values.size() - 1), List.of()));
        });
        months.forEach((slot, byMonth) -> demand.put(slot, new Demand(byMonth.values().stream()
                .mapToLong(Long::longValue).sum(), 0, 0, 0, 0,
                byMonth.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList())));
        return demand;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a journey's state is always JSON", e);
        }
    }

    /** The nearest-rank quantile of sorted values. */
    private static <T> T quantile(List<T> sorted, double q) {
        return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
    }

    @Override
    public Handoffs handoffs(Filter filter) {
        Where where = Where.of(filter);
        return database.read("cannot read the hand-offs", connection -> {
            long conversations;
            try (PreparedStatement select = where.prepare(connection,
                    "SELECT count(DISTINCT t.conversation_id) FROM turns t WHERE {where}");
                 ResultSet row = select.executeQuery()) {
                row.next();
                conversations = row.getLong(1);
            }
            Map<String, TeamWaits> perTeam = new TreeMap<>();
            try (PreparedStatement select = where.prepare(connection, "SELECT t.handoff_team, t.at,"
                    + " (SELECT min(m.at) FROM messages m WHERE m.sender = 'agent'"
                    + " AND m.conversation_id = t.conversation_id AND m.at >= t.at),"
                    + " (SELECT min(s.at) FROM handoff_steps s WHERE s.conversation_id = t.conversation_id"
                    + " AND s.kind = 'CLAIMED' AND s.at >= t.at),"
                    + " (SELECT min(s.at) FROM handoff_steps s WHERE s.conversation_id = t.conversation_id"
                    + " AND s.kind = 'CLOSED' AND s.at >= t.at)"
                    + " FROM turns t WHERE {where} AND t.handoff_team IS NOT NULL");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    TeamWaits team = perTeam.computeIfAbsent(row.getString(1), k -> new TeamWaits());
                    Instant handedOff = Instant.parse(row.getString(2));
                    team.handedOff++;
                    team.add(team.replies, handedOff, row.getString(3));
                    team.add(team.claims, handedOff, row.getString(4));
                    team.add(team.closes, handedOff, row.getString(5));
                }
            }
            TeamWaits all = new TeamWaits();
            List<TeamHandoffs> teams = new ArrayList<>();
            perTeam.forEach((team, waits) -> {
                all.handedOff += waits.handedOff;
                all.replies.addAll(waits.replies);
                all.claims.addAll(waits.claims);
                all.closes.addAll(waits.closes);
                teams.add(new TeamHandoffs(team, waits.handedOff, waits.claims.size(), waits.closes.size(),
                        waits.handedOff - waits.replies.size(), secondsAt(waits.replies, 0.5)));
            });
            return new Handoffs(conversations, all.handedOff, all.claims.size(), all.closes.size(),
                    secondsAt(all.replies, 0.5), secondsAt(all.replies, 0.9), secondsAt(all.claims, 0.5),
                    secondsAt(all.closes, 0.5), teams);
        });
    }

    /** A team's hand-offs, and the times in milliseconds from each to the agent's first reply, claim and close. */
    private static final class TeamWaits {
        long handedOff;
        final List<Long> replies = new ArrayList<>();
        final List<Long> claims = new ArrayList<>();
        final List<Long> closes = new ArrayList<>();

        void add(List<Long> waits, Instant handedOff, String then) {
            if (then != null) {
                waits.add(Duration.between(handedOff, Instant.parse(then)).toMillis());
            }
        }
    }

    @Override
    public Satisfaction satisfaction(Filter filter) {
        Where where = Where.on(filter, "f");
        return database.read("cannot read the satisfaction figures", connection -> {
            long[] distribution = new long[5];
            try (PreparedStatement select = where.prepare(connection, "SELECT f.score, count(*) FROM feedback f"
                    + " WHERE {where} AND f.kind = 'CSAT' GROUP BY f.score");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    distribution[row.getInt(1) - 1] = row.getLong(2);
                }
            }
            long ratings = Arrays.stream(distribution).sum();
            Double average = ratings == 0 ? null : IntStream.range(0, 5)
                    .mapToDouble(i -> (i + 1) * distribution[i]).sum() / ratings;
            long[] thumbs = new long[2];
            try (PreparedStatement select = where.prepare(connection, "SELECT f.score, count(*) FROM feedback f"
                    + " WHERE {where} AND f.kind = 'ANSWER' GROUP BY f.score");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    thumbs[row.getInt(1)] = row.getLong(2);
                }
            }
            return new Satisfaction(ratings, average, Arrays.stream(distribution).boxed().toList(),
                    scores(connection, where, "substr(f.at, 1, 10)", "k"), scores(connection, where, "f.journey", "n DESC, k"),
                    scores(connection, where, "f.team", "n DESC, k"), comments(connection, where), thumbs[1], thumbs[0],
                    pageThumbs(connection, where));
        });
    }

    /** The ratings' count and average under each value of {@code key}, in {@code order}. */
    private static List<Score> scores(Connection connection, Where where, String key, String order)
            throws SQLException {
        List<Score> scores = new ArrayList<>();
        try (PreparedStatement select = where.prepare(connection, "SELECT " + key + " AS k, count(*) AS n,"
                + " avg(f.score) FROM feedback f WHERE {where} AND f.kind = 'CSAT' AND " + key + " IS NOT NULL"
                + " GROUP BY k ORDER BY " + order);
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                scores.add(new Score(row.getString(1), row.getLong(2), row.getDouble(3)));
            }
        }
        return scores;
    }

    private static List<Comment> comments(Connection connection, Where where) throws SQLException {
        List<Comment> comments = new ArrayList<>();
        try (PreparedStatement select = where.prepare(connection, "SELECT f.at, f.score, f.team, f.journey, f.comment"
                + " FROM feedback f WHERE {where} AND f.kind = 'CSAT' AND f.comment IS NOT NULL"
                + " ORDER BY f.at DESC LIMIT ?", COMMENTS_SHOWN);
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                comments.add(new Comment(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getString(5)));
            }
        }
        return comments;
    }

    private List<PageThumbs> pageThumbs(Connection connection, Where where) throws SQLException {
        List<PageThumbs> pages = new ArrayList<>();
        try (PreparedStatement select = where.prepare(connection, "SELECT page.value AS k, sum(f.score),"
                + " sum(1 - f.score) AS down FROM feedback f JOIN turns t ON t.id = f.turn_id, "
                + dialect.jsonArrayElements("t.sources", "page")
                + " WHERE {where} AND f.kind = 'ANSWER' GROUP BY k ORDER BY down DESC, k");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                pages.add(new PageThumbs(row.getString(1), row.getLong(2), row.getLong(3)));
            }
        }
        return pages;
    }

    /** The nearest-rank quantile of durations in milliseconds, in whole seconds, or null when there are none. */
    private static Long secondsAt(List<Long> millis, double q) {
        if (millis.isEmpty()) {
            return null;
        }
        return Math.round(quantile(millis.stream().sorted().toList(), q) / 1000.0);
    }

    @Override
    public List<Count> pagesQuoted(Filter filter) {
        Where where = Where.of(filter);
        return database.read("cannot read the pages quoted", connection -> counts(where.prepare(connection,
                "SELECT page.value AS k, count(*) AS n FROM turns t, " + dialect.jsonArrayElements("t.sources", "page")
                        + " WHERE {where} AND t.fallback = 0 GROUP BY k ORDER BY n DESC, k")));
    }

    @Override
    public List<ContentGaps.Question> unanswered(Filter filter, int limit) {
        Where where = Where.of(filter);
        return database.read("cannot read the unanswered questions", connection -> {
            List<ContentGaps.Question> questions = new ArrayList<>();
            try (PreparedStatement select = where.prepare(connection, "SELECT m.text, max(t.lang), max(t.at) AS last,"
                    + " count(*) FROM turns t JOIN messages m ON m.seq = t.message_seq"
                    + " WHERE {where} AND (t.fallback = 1 AND t.out_of_scope = 0 OR t.id IN (SELECT turn_id"
                    + " FROM feedback WHERE kind = 'ANSWER' AND score = 0))"
                    + " GROUP BY m.text ORDER BY last DESC LIMIT ?", limit);
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    questions.add(new ContentGaps.Question(row.getString(1), row.getString(2),
                            Instant.parse(row.getString(3)), row.getInt(4)));
                }
            }
            return questions;
        });
    }

    @Override
    public Deliveries deliveries(Filter filter, int limit) {
        Where where = Where.period(filter, "d.created_at");
        return database.read("cannot read the lead deliveries", connection -> {
            List<TeamDeliveries> teams = new ArrayList<>();
            try (PreparedStatement select = where.prepare(connection, "SELECT d.team,"
                    + " count(d.delivered_at), count(d.next_attempt_at),"
                    + " coalesce(sum(CASE WHEN d.delivered_at IS NULL AND d.next_attempt_at IS NULL THEN 1 ELSE 0 END), 0)"
                    + " FROM lead_deliveries d WHERE {where} GROUP BY d.team ORDER BY d.team");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    teams.add(new TeamDeliveries(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4)));
                }
            }
            List<DeliveryFailure> failures = new ArrayList<>();
            try (PreparedStatement select = where.prepare(connection, "SELECT d.id, d.lead_id, d.team, d.attempts,"
                    + " d.last_status, d.last_error, d.last_attempt_at, d.next_attempt_at FROM lead_deliveries d"
                    + " WHERE {where} AND d.delivered_at IS NULL AND d.last_error IS NOT NULL"
                    + " ORDER BY d.last_attempt_at DESC, d.id DESC LIMIT ?", limit);
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    int status = row.getInt(5);
                    Integer lastStatus = row.wasNull() ? null : status;
                    failures.add(new DeliveryFailure(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4),
                            lastStatus, row.getString(6), row.getString(7), row.getString(8)));
                }
            }
            return new Deliveries(teams, failures);
        });
    }
}
