package dev.comptoir.saga.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.comptoir.saga.StepTrace;
import java.util.List;

/**
 * Writes a saga timeline as JSON by hand (it is rewritten on every transition, so this is on the
 * hot path); the shape is what Jackson reads back into {@link StepTrace} records.
 */
final class TimelineJson {
    private TimelineJson() {
    }

    static String write(List<StepTrace> timeline) {
        StringBuilder sb = new StringBuilder(64 + 160 * timeline.size()).append('[');
        for (int i = 0; i < timeline.size(); i++) {
            StepTrace t = timeline.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"step\":");
            string(sb, t.step());
            sb.append(",\"direction\":\"").append(t.direction().name())
                    .append("\",\"state\":\"").append(t.state().name())
                    .append("\",\"attempts\":").append(t.attempts())
                    .append(",\"startedAt\":\"");
            IsoInstant.append(sb, t.startedAt()).append("\",\"finishedAt\":\"");
            IsoInstant.append(sb, t.finishedAt()).append("\",\"lastError\":");
            string(sb, t.lastError());
            sb.append('}');
        }
        return sb.append(']').toString();
    }

    private static void string(StringBuilder sb, String s) {
        if (s == null) {
            sb.append("null");
        } else {
            sb.append('"');
            JsonStringEncoder.getInstance().quoteAsString(s, sb);
            sb.append('"');
        }
    }
}
