package io.guichet.importer.datatourisme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Not a test: a benchmark run by hand (see the README). Generates a DATAtourisme-shaped flux of N
 * items from the fixture's real records (each a copy with its own id, name, town, capacity and
 * description, so that no two pages share their text), then times the first import, and a
 * re-import with one item changed, and reports the heap's peak during each.
 *
 * <pre>mvn -o -q test-compile && java -Xmx512m -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.guichet.importer.datatourisme.ImportBenchmark 10000 /tmp/dt-bench</pre>
 */
public final class ImportBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] WORDS = {"vallée", "château", "rivière", "forêt", "vignoble", "abbaye", "jardin",
        "marché", "coteau", "lavoir", "moulin", "halle", "prieuré", "étang", "verger", "bocage", "manoir", "chapelle"};
    private static final String[] TOWNS = {"Blois", "Tours", "Saumur", "Loches", "Amboise", "Chinon", "Vendôme",
        "Montbazon", "Angers", "Orléans", "Bourges", "Romorantin"};

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int items = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        Path flux = work.resolve("flux");
        Path out = work.resolve("kb/imported/datatourisme");
        long started = System.nanoTime();
        List<String> files = generate(items, flux);
        System.out.printf("generated %d items in %d ms%n", items, (System.nanoTime() - started) / 1_000_000);

        measure("first import", flux, out);
        Path changed = flux.resolve("objects").resolve(files.get(items / 2));
        ObjectNode record = (ObjectNode) JSON.readTree(changed.toFile());
        record.put("allowedPersons", 999);
        JSON.writeValue(changed.toFile(), record);
        measure("re-import, one item changed", flux, out);
        measure("re-import, nothing changed", flux, out);
    }

    private static void measure(String what, Path flux, Path out) throws Exception {
        System.gc();
        resetPeaks();
        ImportSummary summary = DatatourismeImport.run(flux, out);
        System.out.printf("%s: %s; heap peak %d MB%n", what, summary, heapPeakMb());
    }

    /** {@code items} objects, made from the fixture's records in turn; their paths under {@code objects/}. */
    static List<String> generate(int items, Path flux) throws IOException {
        List<JsonNode> templates = new ArrayList<>();
        try (Stream<Path> objects = Files.walk(FluxFixtures.FLUX.resolve("objects"))) {
            for (Path object : objects.filter(Files::isRegularFile).sorted().toList()) {
                templates.add(JSON.readTree(object.toFile()));
            }
        }
        Random random = new Random(15);
        ArrayNode index = JSON.createArrayNode();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            ObjectNode item = templates.get(i % templates.size()).deepCopy();
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            String town = TOWNS[random.nextInt(TOWNS.length)];
            String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + i;
            item.put("@id", "https://data.datatourisme.fr/bench/" + id);
            ObjectNode label = item.putObject("rdfs:label");
            label.putArray("fr").add(Character.toUpperCase(name.charAt(0)) + name.substring(1));
            label.putArray("en").add("The " + name);
            StringBuilder sentence = new StringBuilder("Au cœur de " + town + ",");
            for (int w = 0; w < 12; w++) {
                sentence.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            }
            ObjectNode comment = item.putObject("rdfs:comment");
            comment.putArray("fr").add(sentence + ". " + i);
            comment.putArray("en").add("In " + town + ": " + sentence.substring(sentence.indexOf(",") + 1) + ". " + i);
            item.remove("hasDescription");
            item.remove("hasTranslatedProperty");
            for (JsonNode place : item.path("isLocatedAt")) {
                for (JsonNode address : place.path("schema:address")) {
                    ((ObjectNode) address).set("schema:addressLocality", new TextNode(town));
                }
            }
            if (item.has("allowedPersons")) {
                item.put("allowedPersons", 10 + random.nextInt(600));
            }
            String file = id.substring(0, 1) + "/" + id.substring(0, 2) + "/bench-" + id + ".json";
            Path target = flux.resolve("objects").resolve(file);
            Files.createDirectories(target.getParent());
            JSON.writeValue(target.toFile(), item);
            index.addObject().put("label", name).put("file", file);
            files.add(file);
        }
        JSON.writeValue(flux.resolve("index.json").toFile(), index);
        return files;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
    private static long heapPeakMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }
}
