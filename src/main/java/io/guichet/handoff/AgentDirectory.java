package io.guichet.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents and their teams' opening hours, from a YAML file that holds only hashes of the
 * agents' secrets, never the secrets: the SHA-256 of an API token, a PBKDF2 hash of a console
 * password (see {@link Passwords}). An agent needs at least one of the two.
 * <pre>
 * timezone: Europe/Paris
 * teams:
 *   convention_bureau: {hours: "mon-fri 09:00-18:00"}
 * agents:
 *   - id: claire
 *     name: Claire
 *     team: convention_bureau
 *     title: {fr: "du bureau des congrès", en: "from the convention bureau"}
 *     token_sha256: 5e88…
 *     password: pbkdf2-sha256$210000$…
 *   - id: marion
 *     name: Marion
 *     role: marketing        # reads the dashboard at /admin, takes no conversation
 *     password: pbkdf2-sha256$210000$…
 * </pre>
 */
public final class AgentDirectory {
    private record Account(Agent agent, String tokenSha256, String password) {
    }

    /** Checked against when the id is unknown, so that a wrong id costs the same time as a wrong password. */
    private static final String DECOY = Passwords.hash("decoy".toCharArray());

    private final List<Account> accounts;
    private final Map<String, OpeningHours> hours;

    private AgentDirectory(List<Account> accounts, Map<String, OpeningHours> hours) {
        this.accounts = accounts;
        this.hours = hours;
    }

    public static AgentDirectory empty() {
        return new AgentDirectory(List.of(), Map.of());
    }

    public static AgentDirectory load(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        if (root == null) {
            return empty();
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(root.path("timezone").asText("Europe/Paris"));
        } catch (DateTimeException e) {
            throw new IOException(file + ": unknown timezone " + root.path("timezone").asText());
        }
        Map<String, OpeningHours> hours = new HashMap<>();
        for (Map.Entry<String, JsonNode> team : iterable(root.path("teams").fields())) {
            String text = team.getValue().path("hours").asText("");
            if (!text.isBlank()) {
                try {
                    hours.put(team.getKey(), OpeningHours.parse(text, zone));
                } catch (IllegalArgumentException e) {
                    throw new IOException(file + ", team " + team.getKey() + ": " + e.getMessage());
                }
            }
        }
        List<Account> accounts = new ArrayList<>();
        for (JsonNode node : iterable(root.path("agents").elements())) {
            accounts.add(account(node));
        }
        return new AgentDirectory(List.copyOf(accounts), Map.copyOf(hours));
    }

    private static Account account(JsonNode node) throws IOException {
        String id = node.path("id").asText("");
        String token = node.path("token_sha256").asText("").toLowerCase();
        String password = node.path("password").asText("");
        if (id.isBlank()) {
            throw new IOException("an agent has no id: " + node);
        }
        if (!token.isEmpty() && !token.matches("[0-9a-f]{64}")) {
            throw new IOException("agent " + id + ": token_sha256 must be 64 hex digits");
        }
        if (!password.isEmpty() && !Passwords.wellFormed(password)) {
            throw new IOException("agent " + id + ": password must be a hash made by 'java -jar guichet.jar hash-password'");
        }
        if (token.isEmpty() && password.isEmpty()) {
            throw new IOException("agent " + id + " needs a token_sha256, a password hash, or both");
        }
        Map<String, String> title = new HashMap<>();
        node.path("title").fields().forEachRemaining(f -> title.put(f.getKey(), f.getValue().asText()));
        String role = node.path("role").asText("agent");
        if (!role.equals("agent") && !role.equals("marketing")) {
            throw new IOException("agent " + id + ": role is 'agent' or 'marketing', not '" + role + "'");
        }
        Agent agent = new Agent(id, node.path("name").asText(id), node.path("team").asText("*"), Map.copyOf(title),
                role.equals("marketing"));
        return new Account(agent, token.isEmpty() ? null : token, password.isEmpty() ? null : password);
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }

    public List<Agent> agents() {
        return accounts.stream().map(Account::agent).toList();
    }

    /** The agent with this id, as a console session names them. */
    public Optional<Agent> byId(String id) {
        return agents().stream().filter(agent -> agent.id().equals(id)).findFirst();
    }

    /** The team's opening hours; empty when it has none configured, which means always open. */
    public Optional<OpeningHours> hours(String team) {
        return Optional.ofNullable(hours.get(team));
    }

    /** The agent whose API token this is. Hashes are compared whole, so timing tells nothing of a near miss. */
    public Optional<Agent> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        byte[] hash = sha256(token.strip()).getBytes(StandardCharsets.UTF_8);
        return accounts.stream().filter(a -> a.tokenSha256() != null
                        && MessageDigest.isEqual(a.tokenSha256().getBytes(StandardCharsets.UTF_8), hash))
                .map(Account::agent).findFirst();
    }

    /**
     * The agent, if the console password is theirs. Slow on purpose (PBKDF2), even for an unknown
     * id, so that timing does not tell which ids exist: call from a worker.
     */
    public Optional<Agent> login(String id, String password) {
        Optional<Account> account = accounts.stream().filter(a -> a.agent().id().equals(id) && a.password() != null)
                .findFirst();
        String stored = account.map(Account::password).orElse(DECOY);
        boolean matches = Passwords.matches(password.toCharArray(), stored);
        return account.filter(a -> matches).map(Account::agent);
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
