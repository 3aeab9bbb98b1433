package io.guichet.importer.site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a site's robots.txt lets one crawler fetch, read as RFC 9309 says: the groups that name
 * the crawler's token replace the {@code *} groups (they are not added to them); within them the
 * longest matching Allow or Disallow pattern wins, Allow on a tie; {@code *} matches any run of
 * characters and a final {@code $} anchors the end. Crawl-delay is not in the RFC but widely
 * written; the longest one given to the crawler is kept.
 */
final class RobotsRules {
    static final RobotsRules ALLOW_ALL = new RobotsRules(List.of(), Duration.ZERO);

    private record Rule(boolean allow, int length, Pattern pattern) {
    }

    private static final class Group {
        final List<String> agents = new ArrayList<>();
        final List<Rule> rules = new ArrayList<>();
        Duration crawlDelay = Duration.ZERO;
    }

    private final List<Rule> rules;
    private final Duration crawlDelay;

    private RobotsRules(List<Rule> rules, Duration crawlDelay) {
        this.rules = rules;
        this.crawlDelay = crawlDelay;
    }

    static RobotsRules parse(String robotsTxt, String agentToken) {
        List<Group> groups = new ArrayList<>();
        Group current = null;
        boolean readingAgents = false;
        for (String rawLine : robotsTxt.split("\r?\n|\r")) {
            String line = rawLine.replaceFirst("#.*", "").strip();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (field.equals("user-agent")) {
                // Consecutive User-agent lines share the rules that follow them.
                if (!readingAgents) {
                    current = new Group();
                    groups.add(current);
                }
                current.agents.add(value.toLowerCase(Locale.ROOT));
                readingAgents = true;
                continue;
            }
            readingAgents = false;
            if (current == null) {
                continue;
            }
            switch (field) {
                case "allow", "disallow" -> {
                    if (!value.isEmpty()) {
                        current.rules.add(new Rule(field.equals("allow"), value.length(), pattern(value)));
                    }
                }
                case "crawl-delay" -> current.crawlDelay = longer(current.crawlDelay, seconds(value));
                default -> {
                    // Sitemap and unknown fields say nothing about what may be fetched.
                }
            }
        }
        String token = agentToken.toLowerCase(Locale.ROOT);
        List<Group> chosen = groups.stream().filter(g -> g.agents.contains(token)).toList();
        if (chosen.isEmpty()) {
            chosen = groups.stream().filter(g -> g.agents.contains("*")).toList();
        }
        List<Rule> rules = new ArrayList<>();
        Duration delay = Duration.ZERO;
        for (Group group : chosen) {
            rules.addAll(group.rules);
            delay = longer(delay, group.crawlDelay);
        }
        return new RobotsRules(List.copyOf(rules), delay);
    }

    /** Whether a URL's path, with its query, may be fetched. */
    boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.pattern.matcher(pathAndQuery).lookingAt()
                    && (best == null || rule.length > best.length || rule.length == best.length && rule.allow)) {
                best = rule;
            }
        }
        return best == null || best.allow;
    }

    Duration crawlDelay() {
        return crawlDelay;
    }

    private static Pattern pattern(String value) {
        boolean anchored = value.endsWith("$");
        String body = anchored ? value.substring(0, value.length() - 1) : value;
        StringBuilder regex = new StringBuilder();
        for (String literal : body.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(anchored ? regex + "$" : regex.toString());
    }

    private static Duration seconds(String value) {
        try {
            double seconds = Double.parseDouble(value);
            return seconds > 0 ? Duration.ofMillis(Math.round(seconds * 1000)) : Duration.ZERO;
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
