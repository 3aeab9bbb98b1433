package io.guichet.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * An SVG chart, written by hand, of the p50 and p99 latency of conversation messages against the
 * number of concurrent users, one pair of lines per channel (HTTP, widget). Users are placed on a
 * logarithmic axis (10, 100, 500 spread evenly enough to read).
 */
final class LatencyChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 160;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};

    private LatencyChart() {
    }

    static String svg(JsonArray runs) {
        Map<String, List<JsonObject>> series = new LinkedHashMap<>();
        TreeSet<Integer> users = new TreeSet<>();
        double highest = 1;
        for (int i = 0; i < runs.size(); i++) {
            JsonObject run = runs.getJsonObject(i);
            if (run.getString("scenario").equals("search")) {
                continue;
            }
            series.computeIfAbsent(run.getString("scenario") + " (" + run.getInteger("docs") + " docs)",
                    k -> new ArrayList<>()).add(run);
            users.add(run.getInteger("users"));
            highest = Math.max(highest, run.getDouble("p99_ms"));
        }
        double top = niceCeiling(highest);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n"
                + "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"
                + "<text x=\"%d\" y=\"22\" font-size=\"14\">Conversation message latency against concurrent users</text>%n",
                WIDTH, HEIGHT, LEFT));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        svg.append(line(LEFT, TOP, LEFT, TOP + plotHeight, "black"))
                .append(line(LEFT, TOP + plotHeight, LEFT + plotWidth, TOP + plotHeight, "black"));
        for (int tick = 0; tick <= 5; tick++) {
            double value = top * tick / 5;
            double y = TOP + plotHeight - plotHeight * tick / 5.0;
            svg.append(line(LEFT - 4, y, LEFT + plotWidth, y, "#dddddd"))
                    .append(text(LEFT - 8, y + 4, "end", String.format(Locale.ROOT, "%.0f", value)));
        }
        svg.append(text(16, TOP + plotHeight / 2.0, "middle", "ms")).append(text(LEFT + plotWidth / 2.0,
                HEIGHT - 12, "middle", "concurrent users (log scale)"));
        double low = Math.log(users.isEmpty() ? 1 : users.first());
        double span = Math.max(1e-9, Math.log(users.isEmpty() ? 10 : users.last()) - low);
        for (int u : users) {
            double x = LEFT + 20 + (plotWidth - 40) * (users.size() == 1 ? 0.5 : (Math.log(u) - low) / span);
            svg.append(text(x, TOP + plotHeight + 18, "middle", Integer.toString(u)));
        }
        int colour = 0;
        int legendY = TOP + 10;
        for (Map.Entry<String, List<JsonObject>> entry : series.entrySet()) {
            String stroke = COLOURS[colour++ % COLOURS.length];
            for (String percentile : List.of("p50_ms", "p99_ms")) {
                StringBuilder points = new StringBuilder();
                for (JsonObject run : entry.getValue()) {
                    double x = LEFT + 20 + (plotWidth - 40) * (users.size() == 1 ? 0.5
                            : (Math.log(run.getInteger("users")) - low) / span);
                    double y = TOP + plotHeight - plotHeight * Math.min(1, run.getDouble(percentile) / top);
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                            x, y, stroke));
                }
                String dash = percentile.equals("p50_ms") ? "" : " stroke-dasharray=\"6 4\"";
                svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\""
                        + " stroke-width=\"2\"%s/>%n", points.toString().strip(), stroke, dash));
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\""
                        + " stroke-width=\"2\"%s/>%n", WIDTH - RIGHT + 10, legendY, WIDTH - RIGHT + 34, legendY,
                        stroke, dash));
                svg.append(text(WIDTH - RIGHT + 40, legendY + 4, "start",
                        entry.getKey().replace(" docs)", "") + ") " + percentile.replace("_ms", "")));
                legendY += 18;
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /** 1, 2 or 5 times a power of ten, at or above {@code value}: round tick labels. */
    private static double niceCeiling(double value) {
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>%n",
                x1, y1, x2, y2, stroke);
    }

    private static String text(double x, double y, String anchor, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor,
                content.replace("&", "&amp;").replace("<", "&lt;"));
    }
}
