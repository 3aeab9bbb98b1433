package io.guichet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service as a real process on the test class path, for what only a process shows: being
 * killed with SIGKILL, or its files refused by the operating system. Started with the test
 * knowledge base, no warm-up, and the admin token {@link #ADMIN_TOKEN}.
 */
public final class ChildService implements AutoCloseable {
    public static final String ADMIN_TOKEN = "reliability-admin-token";
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");

    private final Process process;
    private final int port;

    private ChildService(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ChildService start(Path data) throws IOException, InterruptedException {
        return start(data, Map.of());
    }

    /** As above, with these environment variables too (a channel's settings). */
    public static ChildService start(Path data, Map<String, String> env) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-cp",
                System.getProperty("java.class.path"), "io.guichet.Main", "--port", "0", "--kb",
                "src/test/resources/service-kb", "--data", data.toString(), "--warmup", "0", "--admin-token",
                ADMIN_TOKEN));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return new ChildService(process, Integer.parseInt(listening.group(1)));
            }
        }
        throw new IllegalStateException("the service stopped before listening, exit " + process.waitFor());
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** A JSON request to the service; {@code body} null sends none. */
    public HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return TestHttp.send(port, method, path, body, ADMIN_TOKEN);
    }

    /** SIGKILL: no shutdown hook, no flush, exactly what a crash or the OOM killer does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    public static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
