package io.guichet.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every Markdown file below a folder. A file whose front matter is not valid YAML, or
 * whose id repeats another's, is skipped with a log line naming it; the rest still loads.
 */
final class KbLoader {
    private static final Logger LOG = LoggerFactory.getLogger(KbLoader.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> CONTRACT_KEYS =
            Set.of("id", "title", "lang", "audience", "journey", "url", "tags", "updated");

    private KbLoader() {
    }

    /**
     * The Markdown files below {@code folder}, leaving out those under a folder whose name starts with
     * a dot: an import's work in progress ({@code .datatourisme.tmp}) must not be read half-written.
     */
    static List<Path> markdownFiles(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> p.toString().endsWith(".md") && !underHiddenFolder(folder, p)
                    && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static boolean underHiddenFolder(Path folder, Path file) {
        Path relative = folder.relativize(file);
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (relative.getName(i).toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static List<KbDocument> load(Path folder) throws IOException {
        List<KbDocument> documents = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path path : markdownFiles(folder)) {
            try {
                KbDocument document = parse(path, Files.readString(path, StandardCharsets.UTF_8));
                if (!ids.add(document.id())) {
                    LOG.error("skipping knowledge-base file {}: id '{}' is already used", path, document.id());
                    continue;
                }
                documents.add(document);
            } catch (IOException | IllegalArgumentException e) {
                LOG.error("skipping knowledge-base file {}: {}", path, e.getMessage());
            }
        }
        return documents;
    }

    static KbDocument parse(Path path, String content) throws IOException {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        String fileId = path.getFileName().toString().replaceFirst("\\.md$", "");
        JsonNode front = YAML.createObjectNode();
        String body = text;
        if (text.startsWith("---")) {
            int end = text.indexOf("\n---", 3);
            if (end < 0) {
                throw new IllegalArgumentException("front matter opened with --- but never closed");
            }
            JsonNode parsed = YAML.readTree(text.substring(3, end));
            if (parsed != null && !parsed.isMissingNode() && !parsed.isNull()) {
                if (!parsed.isObject()) {
                    throw new IllegalArgumentException("front matter is not a YAML mapping");
                }
                front = parsed;
            }
            int bodyStart = text.indexOf('\n', end + 4);
            body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        }
        String lang = front.path("lang").asText("fr");
        if (!lang.equals("fr") && !lang.equals("en")) {
            throw new IllegalArgumentException("lang must be fr or en, not '" + lang + "'");
        }
        String id = front.path("id").asText(fileId).strip();
        if (id.isEmpty()) {
            id = fileId;
        }
        String title = front.path("title").asText("").strip();
        if (title.isEmpty()) {
            title = firstHeading(body, id);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        front.fields().forEachRemaining(field -> {
            if (!CONTRACT_KEYS.contains(field.getKey()) && !field.getValue().isNull()) {
                facts.put(field.getKey(), YAML.convertValue(field.getValue(), Object.class));
            }
        });
        List<String> journeys = strings(front.path("journey")).stream().map(String::strip).filter(j -> !j.isEmpty())
                .toList();
        return new KbDocument(id, title, lang, strings(front.path("audience")), journeys,
                textOrNull(front.path("url")), strings(front.path("tags")), textOrNull(front.path("updated")),
                Map.copyOf(facts), body);
    }

    private static String firstHeading(String body, String fallback) {
        return body.lines().filter(l -> l.startsWith("# ")).map(l -> l.substring(2).strip()).findFirst()
                .orElse(fallback);
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (node.isValueNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return List.copyOf(out);
    }

    private static String textOrNull(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText().strip() : null;
    }
}
