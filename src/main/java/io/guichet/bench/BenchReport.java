package io.guichet.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The harness's results as plain-text tables, for the console and the README. */
final class BenchReport {
    private BenchReport() {
    }

    static String table(JsonArray sizes, JsonArray runs) {
        StringBuilder out = new StringBuilder();
        if (!sizes.isEmpty()) {
            out.append(String.format("%n%8s %9s %11s %13s %13s %11s %10s %10s %8s %9s%n", "docs", "passages",
                    "first start", "index ms", "ms/1000 docs", "restart", "heap start", "heap load", "RSS",
                    "RSS peak"));
            for (int i = 0; i < sizes.size(); i++) {
                JsonObject s = sizes.getJsonObject(i);
                out.append(String.format("%8d %9s %10ss %13s %13s %10ss %7s MiB %6s MiB %4s MiB %5s MiB%n",
                        s.getInteger("docs"), s.getValue("passages"), s.getValue("startup_first_s"),
                        s.getValue("indexing_first_ms"), s.getValue("indexing_ms_per_1000_docs"),
                        s.getValue("startup_restart_s"), s.getValue("heap_after_start_mib"),
                        s.getValue("heap_live_after_load_mib"), s.getValue("rss_mib"), s.getValue("rss_peak_mib")));
            }
        }
        out.append(String.format("%n%-8s %6s %6s %9s %10s %8s %8s %8s %8s %6s %6s %9s%n", "scenario", "docs",
                "users", "completed", "per second", "p50 ms", "p95 ms", "p99 ms", "max ms", "503s", "errors",
                "distinct"));
        for (int i = 0; i < runs.size(); i++) {
            JsonObject r = runs.getJsonObject(i);
            out.append(String.format("%-8s %6d %6d %9d %10.1f %8.1f %8.1f %8.1f %8.1f %6d %6d %9.2f%n",
                    r.getString("scenario"), r.getInteger("docs"), r.getInteger("users"), r.getLong("completed"),
                    r.getDouble("per_second"), r.getDouble("p50_ms"), r.getDouble("p95_ms"), r.getDouble("p99_ms"),
                    r.getDouble("max_ms"), r.getLong("shed_503"), r.getLong("errors"),
                    r.getDouble("distinct_text_share")));
        }
        return out.toString();
    }
}
