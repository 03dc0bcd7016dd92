package dev.comptoir.sim.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark run: JSON fields (for {@code --json}) and table rows (for people).
 *
 * <pre>{@code
 * BenchReport r = new BenchReport("bench core");
 * r.field("opsPerSecond", 1234.5);
 * r.row("memory", "reserve+confirm", "1,234 ops/s", "");
 * r.print(out, json);
 * }</pre>
 */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final String title;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String[] header = {"backend", "measure", "figure", "vs baseline"};

    public BenchReport(String title) {
        this.title = title;
    }

    /** Sets the table header (one label per column). */
    public BenchReport header(String... columns) {
        this.header = columns.clone();
        return this;
    }

    /** Adds a JSON field; numbers are rounded to 2 decimals. Nested maps are allowed. */
    public BenchReport field(String name, Object value) {
        fields.put(name, round(value));
        return this;
    }

    /** The JSON fields so far (for tests and for nesting). */
    public Map<String, Object> fields() {
        return fields;
    }

    /** Adds a table row. */
    public BenchReport row(String... cells) {
        rows.add(cells.clone());
        return this;
    }

    /** Adds a line printed under the table. */
    public BenchReport note(String note) {
        notes.add(note);
        return this;
    }

    /** Prints the report: one JSON object when {@code json}, else a table. */
    public void print(PrintWriter out, boolean json) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(fields));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.println(title);
            out.print(table(header, rows));
            notes.forEach(n -> out.println("  " + n));
        }
        out.flush();
    }

    /** Renders an aligned plain-text table. */
    public static String table(String[] header, List<String[]> rows) {
        int cols = header.length;
        int[] w = new int[cols];
        for (int i = 0; i < cols; i++) {
            w[i] = header[i].length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < Math.min(cols, r.length); i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        appendRow(sb, header, w);
        StringBuilder sep = new StringBuilder("  ");
        for (int i = 0; i < cols; i++) {
            sep.append("-".repeat(w[i])).append(i + 1 < cols ? "  " : "");
        }
        sb.append(sep).append('\n');
        rows.forEach(r -> appendRow(sb, r, w));
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, String[] cells, int[] w) {
        sb.append("  ");
        for (int i = 0; i < w.length; i++) {
            String c = i < cells.length && cells[i] != null ? cells[i] : "";
            sb.append(c).append(" ".repeat(w[i] - c.length()));
            if (i + 1 < w.length) {
                sb.append("  ");
            }
        }
        sb.append('\n');
    }

    /** Formats a rate such as {@code 12,345/s}. */
    public static String perSecond(double v) {
        return String.format("%,.0f/s", v);
    }

    /** Formats a ratio as a percentage such as {@code 87.1 %}. */
    public static String percent(double ratio) {
        return String.format("%.1f %%", ratio * 100);
    }

    private static Object round(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return null;
            }
            return BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP);
        }
        if (v instanceof Float f) {
            return round(f.doubleValue());
        }
        return v;
    }
}
