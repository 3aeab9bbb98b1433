package io.guichet.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service under test as a child JVM, started from the harness's own class path, so that its
 * start-up time, heap and resident memory are its own and not the load generator's. It prints
 * {@code listening on port N} once it takes requests (after loading, indexing and warming up).
 */
final class ServiceProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on port (\\d+)");
    private static final Pattern INDEXED = Pattern.compile("(\\d+) documents, (\\d+) passages indexed in (\\d+) ms"
            + "(?:, (\\d+) passages embedded)?");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    private static final long START_TIMEOUT_SECONDS = 600;

    private final Process process;
    private final int port;
    private final double startupSeconds;
    private final String indexingLine;

    private ServiceProcess(Process process, int port, double startupSeconds, String indexingLine) {
        this.process = process;
        this.port = port;
        this.startupSeconds = startupSeconds;
        this.indexingLine = indexingLine;
    }

    /**
     * Starts {@code io.guichet.Main} with the heap bound the targets set, and waits until it
     * listens. {@code jvmOptions} come first (a flight recording, for instance).
     */
    static ServiceProcess start(Path kb, Path intents, Path data, String maxHeap, List<String> jvmOptions,
                                Path log) throws IOException, InterruptedException {
        return start(kb, intents, data, maxHeap, jvmOptions, List.of(), log);
    }

    /** As above, with more of the service's own options ({@code --admin-token …}) after the usual ones. */
    static ServiceProcess start(Path kb, Path intents, Path data, String maxHeap, List<String> jvmOptions,
                                List<String> serviceOptions, Path log) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx" + maxHeap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.guichet.Main", "--port", "0",
                "--kb", kb.toString(), "--intents", intents.toString(), "--data", data.toString(),
                // Every simulated user comes from this one address: per-client limits would refuse them.
                "--rate-limits", "off"));
        command.addAll(serviceOptions);
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        CompletableFuture<String> indexed = new CompletableFuture<>();
        Thread reader = new Thread(() -> copyOutput(process, log, listening, indexed), "service-output");
        reader.setDaemon(true);
        reader.start();
        try {
            int port = listening.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - launched) / 1e9;
            return new ServiceProcess(process, port, seconds, indexed.getNow(null));
        } catch (Exception e) {
            process.destroyForcibly().waitFor();
            throw new IOException("the service did not start (see " + log + "): " + e.getMessage(), e);
        }
    }

    /** Copies the service's output to its log file, noting the port and the indexing line on the way. */
    private static void copyOutput(Process process, Path log, CompletableFuture<Integer> listening,
                                   CompletableFuture<String> indexed) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); var writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                writer.write(line);
                writer.newLine();
                writer.flush();
                Matcher port = LISTENING.matcher(line);
                if (port.find()) {
                    listening.complete(Integer.parseInt(port.group(1)));
                }
                if (INDEXED.matcher(line).find()) {
                    indexed.complete(line);
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        // The output ends when the process does; this only matters if it never listened.
        listening.completeExceptionally(new IllegalStateException("the service's output ended before it listened"));
    }

    int port() {
        return port;
    }

    /** From launching the JVM to the service taking requests. */
    double startupSeconds() {
        return startupSeconds;
    }

    /** The indexing figures the service logged: documents, passages, milliseconds, passages embedded (or -1). */
    long[] indexing() {
        Matcher m = indexingLine == null ? null : INDEXED.matcher(indexingLine);
        if (m == null || !m.find()) {
            return null;
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
            m.group(4) == null ? -1 : Long.parseLong(m.group(4))};
    }

    /** Resident set size now and at its peak, in MiB, from {@code /proc} (Linux); -1 when unknown. */
    long[] residentMiB() {
        long rss = -1;
        long peak = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kib(line) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kib(line) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone: reported as unknown.
        }
        return new long[] {rss, peak};
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** Heap in use in MiB, as the JVM's own {@code jcmd GC.heap_info} tells; after a full GC when asked. */
    long heapUsedMiB(boolean afterGc) throws IOException, InterruptedException {
        if (afterGc) {
            jcmd("GC.run");
        }
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process call = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true).start();
        String out = new String(call.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        call.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** Stops the service the way an operator would (SIGTERM), and forcibly if it lingers. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
