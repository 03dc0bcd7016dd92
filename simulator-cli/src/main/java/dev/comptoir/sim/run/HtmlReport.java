package dev.comptoir.sim.run;

import dev.comptoir.sim.engine.InvariantResult;
import dev.comptoir.sim.engine.SagaSample;
import dev.comptoir.sim.engine.SimulationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes one self-contained HTML file (inline SVG and CSS, no script, no network) describing a run. */
final class HtmlReport {
    private static final String[] PALETTE = {"#2e7d32", "#c62828", "#ef6c00", "#6a1b9a", "#1565c0", "#546e7a"};

    private HtmlReport() {
    }

    static void write(Path file, SimulationResult r) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(r), StandardCharsets.UTF_8);
    }

    static String render(SimulationResult r) {
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Comptoir simulation — ")
                .append(esc(r.config().name())).append(" seed ").append(r.config().seed()).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}")
                .append(".ok{color:#2e7d32;font-weight:bold}.fail{color:#c62828;font-weight:bold}")
                .append("svg text{font-size:11px}h2{margin-top:1.6em}</style></head><body>");
        boolean virtual = "memory".equals(r.backend()); // the postgres backend runs on the real clock
        h.append("<h1>Comptoir simulation</h1><p>Scenario <b>").append(esc(r.config().name())).append("</b> — ")
                .append(esc(r.config().description())).append("<br>seed <b>").append(r.config().seed())
                .append("</b>, backend ").append(esc(r.backend())).append(", state hash <code>").append(r.stateHash())
                .append("</code><br>").append(r.orders()).append(" orders, ")
                .append(String.format(Locale.ROOT, "%.2f", r.completedPercent())).append(" % completed; ")
                .append(String.format(Locale.ROOT, "%.1f", r.virtualSeconds()))
                .append(virtual ? " virtual s in " : " s of orders (real time) in ")
                .append(String.format(Locale.ROOT, "%.2f", r.wallSeconds())).append(" wall s (")
                .append(Math.round(r.sagasPerSecond())).append(" sagas/s)</p>");
        h.append("<p class=\"").append(r.allInvariantsHold() ? "ok\">All invariants hold." : "fail\">Invariant violated: "
                + esc(String.valueOf(r.firstFailure()))).append("</p>");

        h.append("<h2>Outcome mix</h2>");
        Map<String, Long> mix = new LinkedHashMap<>();
        mix.put("completed", r.completed());
        r.compensationsByCause().forEach((k, v) -> mix.put("compensated: " + k, v));
        mix.put("failed", r.failed());
        h.append(bars(mix, 700));

        h.append(virtual ? "<h2>Saga latency (virtual ms)</h2><p>p50 " : "<h2>Saga latency (real ms)</h2><p>p50 ")
                .append(r.latencyP50Ms()).append(" ms, p95 ")
                .append(r.latencyP95Ms()).append(" ms, p99 ").append(r.latencyP99Ms()).append(" ms</p>");
        Map<String, Long> hist = new LinkedHashMap<>();
        for (long[] b : r.latencyHistogram()) {
            hist.put(b[0] + "–" + b[1] + " ms", b[2]);
        }
        h.append(bars(hist, 700));

        h.append("<h2>Timeline of sample sagas</h2>").append(timeline(r.samples()));

        h.append("<h2>Invariants</h2><table><tr><th>invariant</th><th>holds</th><th>figures</th><th>first failure</th></tr>");
        for (InvariantResult i : r.invariants()) {
            h.append("<tr><td>").append(esc(i.name())).append("</td><td class=\"").append(i.holds() ? "ok\">yes" : "fail\">NO")
                    .append("</td><td>").append(esc(i.detail())).append("</td><td>")
                    .append(i.firstFailure() == null ? "" : esc(i.firstFailure())).append("</td></tr>");
        }
        h.append("</table><h2>Other figures</h2><table>");
        r.counters().forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>").append(v).append("</td></tr>"));
        h.append("</table></body></html>\n");
        return h.toString();
    }

    private static String bars(Map<String, Long> values, int width) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int rowH = 22;
        int labelW = 190;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(values.size() * rowH + 10).append("\">");
        int y = 5;
        int i = 0;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            int w = (int) Math.round((width - labelW - 90) * (double) e.getValue() / max);
            s.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(esc(e.getKey())).append("</text>")
                    .append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(Math.max(w, e.getValue() > 0 ? 1 : 0)).append("\" height=\"").append(rowH - 6)
                    .append("\" fill=\"").append(PALETTE[i % PALETTE.length]).append("\"/>")
                    .append("<text x=\"").append(labelW + w + 5).append("\" y=\"").append(y + 15).append("\">")
                    .append(e.getValue()).append("</text>");
            y += rowH;
            i++;
        }
        return s.append("</svg>").toString();
    }

    private static String timeline(List<SagaSample> samples) {
        if (samples.isEmpty()) {
            return "<p>No saga ended.</p>";
        }
        int width = 1000;
        int labelW = 260;
        int rowH = 24;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(samples.size() * rowH + 30).append("\">");
        int y = 5;
        List<String> legend = new ArrayList<>();
        for (SagaSample sample : samples) {
            long span = Math.max(1, sample.endMs() - sample.startMs());
            double scale = (width - labelW - 10) / (double) span;
            s.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(esc(sample.outcome()))
                    .append(sample.cause() == null ? "" : " (" + esc(sample.cause()) + ")").append(", ")
                    .append(span).append(" ms</text>");
            for (SagaSample.Span st : sample.steps()) {
                int x = labelW + (int) Math.round((st.startMs() - sample.startMs()) * scale);
                int w = Math.max(3, (int) Math.round((st.endMs() - st.startMs()) * scale));
                String color = st.compensation() ? "#c62828" : "FAILED".equals(st.state()) ? "#ef6c00" : "#1565c0";
                s.append("<rect x=\"").append(x).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
                        .append("\" height=\"").append(rowH - 6).append("\" fill=\"").append(color)
                        .append("\" opacity=\"0.8\"><title>").append(esc(st.step())).append(st.compensation() ? " (compensation)" : "")
                        .append(": ").append(esc(st.state())).append(", ").append(st.attempts()).append(" attempt(s), ")
                        .append(st.endMs() - st.startMs()).append(" ms</title></rect>");
            }
            y += rowH;
        }
        legend.add("<tspan fill=\"#1565c0\">■ action</tspan>");
        legend.add("<tspan fill=\"#ef6c00\">■ failed action</tspan>");
        legend.add("<tspan fill=\"#c62828\">■ compensation</tspan>");
        s.append("<text x=\"").append(labelW).append("\" y=\"").append(y + 18).append("\">")
                .append(String.join("  ", legend)).append(" (each row scaled to its saga; hover for details)</text>");
        return s.append("</svg>").toString();
    }

    private static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
