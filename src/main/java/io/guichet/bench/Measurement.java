package io.guichet.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * What one load run saw inside its measurement window: latencies of completed requests (in
 * microseconds, 3 significant digits), requests the service shed with 503, errors and the first
 * few error messages, and how many different texts were sent. Recording starts with
 * {@link #open()} and stops with {@link #close()}; the ramp-up before is not counted. Updated
 * from several event-loop threads, hence synchronized.
 */
final class Measurement {
    private static final int ERRORS_KEPT = 5;
    private static final long MAX_MICROS = 600_000_000L;

    private final Histogram latencies = new Histogram(MAX_MICROS, 3);
    private final Set<String> texts = new HashSet<>();
    private final List<String> errorSamples = new ArrayList<>();
    private boolean recording;
    private long openedAt;
    private long closedAt;
    private long shed;
    private long errors;
    private long sent;

    synchronized void open() {
        recording = true;
        openedAt = System.nanoTime();
    }

    synchronized void close() {
        recording = false;
        closedAt = System.nanoTime();
    }

    synchronized void completed(String text, long startedNanos) {
        if (recording) {
            latencies.recordValue(Math.min(MAX_MICROS, (System.nanoTime() - startedNanos) / 1000));
            sent++;
            texts.add(text);
        }
    }

    synchronized void shed() {
        if (recording) {
            shed++;
        }
    }

    synchronized void error(Throwable failure) {
        if (recording) {
            errors++;
            if (errorSamples.size() < ERRORS_KEPT) {
                errorSamples.add(String.valueOf(failure.getMessage()));
            }
        }
    }

    synchronized double seconds() {
        return ((recording ? System.nanoTime() : closedAt) - openedAt) / 1e9;
    }

    synchronized long count() {
        return latencies.getTotalCount();
    }

    synchronized double perSecond() {
        return count() / seconds();
    }

    /** The latency at {@code percentile} (0-100), in milliseconds. */
    synchronized double millisAt(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    synchronized double maxMillis() {
        return latencies.getMaxValue() / 1000.0;
    }

    synchronized long shedCount() {
        return shed;
    }

    synchronized long errorCount() {
        return errors;
    }

    synchronized List<String> errorSamples() {
        return List.copyOf(errorSamples);
    }

    /** Share of the completed requests whose text was new in this run. */
    synchronized double distinctShare() {
        return sent == 0 ? 0 : (double) texts.size() / sent;
    }
}
