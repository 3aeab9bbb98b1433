package io.guichet.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The harness's options. Without {@code --url} it generates each knowledge base and starts the
 * service itself; with it, it drives the service at that address (loopback only) and reports
 * only what can be seen from outside.
 */
record BenchOptions(List<Integer> docs, List<Integer> users, List<Integer> loadDocs, List<Integer> searchUsers,
                    Duration rampUp, Duration duration, Duration think, String url, Path out, Path intents,
                    long seed, boolean flightRecording, String maxHeap) {

    static final String USAGE = "usage: java -jar guichet.jar bench [--docs 100,1000,10000] [--users 10,100,500]"
            + " [--load-docs N,...] [--search-users 1,10] [--ramp 5s] [--duration 20s] [--think 100ms]"
            + " [--url http://127.0.0.1:8080] [--out target/bench] [--intents intents] [--seed 42] [--jfr]"
            + " [--heap 1g]";

    static BenchOptions parse(String[] args) {
        List<Integer> docs = List.of(100, 1000, 10_000);
        List<Integer> users = List.of(10, 100, 500);
        List<Integer> loadDocs = null;
        List<Integer> searchUsers = List.of(1, 10);
        Duration rampUp = Duration.ofSeconds(5);
        Duration duration = Duration.ofSeconds(20);
        Duration think = Duration.ofMillis(100);
        String url = null;
        Path out = Path.of("target", "bench");
        Path intents = Path.of("intents");
        long seed = 42;
        boolean flightRecording = false;
        String maxHeap = "1g";
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--jfr")) {
                flightRecording = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
            }
            String value = args[++i];
            switch (flag) {
                case "--docs" -> docs = numbers(value);
                case "--users" -> users = numbers(value);
                case "--load-docs" -> loadDocs = numbers(value);
                case "--search-users" -> searchUsers = numbers(value);
                case "--ramp" -> rampUp = duration(value);
                case "--duration" -> duration = duration(value);
                case "--think" -> think = duration(value);
                case "--url" -> url = loopback(value);
                case "--out" -> out = Path.of(value);
                case "--intents" -> intents = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--heap" -> maxHeap = value;
                default -> throw new IllegalArgumentException("unknown option " + flag + "; " + USAGE);
            }
        }
        // By default the users are run on the largest knowledge base only, the hardest case, so
        // that the standard scenario stays within a few minutes.
        List<Integer> load = loadDocs != null ? loadDocs : List.of(docs.stream().max(Integer::compare).orElseThrow());
        return new BenchOptions(docs, users, load, searchUsers, rampUp, duration, think, url, out, intents, seed,
                flightRecording, maxHeap);
    }

    private static List<Integer> numbers(String value) {
        List<Integer> list = Arrays.stream(value.split(",")).map(String::strip).map(Integer::parseInt).toList();
        if (list.isEmpty() || list.stream().anyMatch(n -> n <= 0)) {
            throw new IllegalArgumentException("expected positive numbers separated by commas, not " + value);
        }
        return list;
    }

    /** "20s", "500ms", "2m". */
    static Duration duration(String value) {
        String text = value.strip().toLowerCase();
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        if (text.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        if (text.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
        }
        throw new IllegalArgumentException("a duration is written 500ms, 20s or 2m, not " + value);
    }

    /** The harness only ever targets this machine. */
    private static String loopback(String url) {
        String host = java.net.URI.create(url).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("--url must point to 127.0.0.1 or localhost, not " + url);
        }
        return url;
    }
}
