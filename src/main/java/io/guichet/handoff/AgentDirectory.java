package io.guichet.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agents, from a YAML file that holds only the SHA-256 of each agent's API token, never the
 * token itself:
 * <pre>
 * agents:
 *   - id: claire
 *     name: Claire
 *     team: convention_bureau
 *     title: {fr: "du bureau des congrès", en: "from the convention bureau"}
 *     token_sha256: 5e88…
 * </pre>
 */
public final class AgentDirectory {
    private final Map<String, Agent> byTokenHash;

    private AgentDirectory(Map<String, Agent> byTokenHash) {
        this.byTokenHash = byTokenHash;
    }

    public static AgentDirectory empty() {
        return new AgentDirectory(Map.of());
    }

    public static AgentDirectory load(Path file) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        Map<String, Agent> agents = new HashMap<>();
        for (JsonNode node : root == null ? List.<JsonNode>of() : iterable(root.path("agents"))) {
            String hash = node.path("token_sha256").asText("").toLowerCase();
            if (node.path("id").asText("").isBlank() || hash.length() != 64) {
                throw new IOException("each agent needs an id and a token_sha256 of 64 hex digits: " + node);
            }
            Map<String, String> title = new HashMap<>();
            node.path("title").fields().forEachRemaining(f -> title.put(f.getKey(), f.getValue().asText()));
            agents.put(hash, new Agent(node.get("id").asText(), node.path("name").asText(node.get("id").asText()),
                    node.path("team").asText("*"), Map.copyOf(title)));
        }
        return new AgentDirectory(Map.copyOf(agents));
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array::elements;
    }

    /** The agent whose token this is. Hashes are compared whole, so timing tells nothing of a near miss. */
    public Optional<Agent> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = sha256(token.strip());
        return byTokenHash.entrySet().stream()
                .filter(e -> MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.UTF_8),
                        hash.getBytes(StandardCharsets.UTF_8)))
                .map(Map.Entry::getValue).findFirst();
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
