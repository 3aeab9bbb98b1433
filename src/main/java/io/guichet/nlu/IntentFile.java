package io.guichet.nlu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code intents/<name>.yml}: the intent's training examples per language, and the whole
 * document so that other capabilities (replies, journeys) read their own keys from it.
 */
public record IntentFile(String intent, Map<String, List<String>> examples, JsonNode document) {
    private static final Logger LOG = LoggerFactory.getLogger(IntentFile.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * Every valid file of the folder. A file that is not valid YAML, names no known intent or has
     * no examples is skipped with a log line naming it: one bad file never stops the service.
     */
    public static List<IntentFile> loadAll(Path folder) throws IOException {
        List<IntentFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted().toList()) {
                try {
                    files.add(parse(path));
                } catch (IOException | IllegalArgumentException e) {
                    LOG.error("skipping intents file {}: {}", path, e.getMessage());
                }
            }
        }
        return files;
    }

    static IntentFile parse(Path path) throws IOException {
        JsonNode root = YAML.readTree(path.toFile());
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a YAML mapping");
        }
        String intent = root.path("intent").asText("");
        if (!Intents.ALL.contains(intent)) {
            throw new IllegalArgumentException("unknown intent '" + intent + "' (expected one of " + Intents.ALL + ")");
        }
        Map<String, List<String>> examples = texts(root.path("examples"));
        if (examples.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("no examples");
        }
        return new IntentFile(intent, examples, root);
    }

    /**
     * The {@code none} file's examples of requests the territory does not deal with at all (an
     * alarm, music, a recipe), per language: trained as {@code none} like the others, and telling
     * such a request from a question the pages might answer.
     */
    public Map<String, List<String>> outOfScope() {
        return texts(document.path("out_of_scope"));
    }

    private static Map<String, List<String>> texts(JsonNode byLanguage) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        byLanguage.fields().forEachRemaining(lang -> {
            List<String> texts = new ArrayList<>();
            lang.getValue().forEach(t -> {
                if (t.isTextual() && !t.asText().isBlank()) {
                    texts.add(t.asText().strip());
                }
            });
            out.put(lang.getKey(), List.copyOf(texts));
        });
        return out;
    }
}
