package io.friendlikit.mock.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** The drift report for a console (one line per difference, then the summary) and as JSON (fixed member order). */
public final class DriftText {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DriftText() {
    }

    /** One line per difference (file, drift or known, kind, pointer, recorded -> now, the reason), then the summary. */
    public static List<String> console(DriftReport report) {
        List<String[]> rows = new ArrayList<>();
        for (DriftReport.RecordingDrift r : report.recordings()) {
            for (Difference d : r.differences()) {
                rows.add(new String[] {r.file(), d.isKnown() ? "known" : "DRIFT", d.kind(),
                        d.pointer().isEmpty() ? "(answer)" : d.pointer(),
                        d.recorded() + " -> " + d.now() + (d.isKnown() ? "  (" + d.known() + ")" : "")});
            }
        }
        int[] width = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < width.length; i++) {
                line.append(row[i]).append(" ".repeat(width[i] - row[i].length() + 2));
            }
            lines.add(line.append(row[4]).toString());
        }
        lines.add(report.summary() + " (against " + report.against() + ", divergences for " + report.target() + ")");
        return lines;
    }

    public static ObjectNode tree(DriftReport report) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("summary", report.summary());
        root.put("against", report.against());
        root.put("target", report.target());
        root.put("recordingsCount", report.recordings().size());
        root.put("drifted", report.drifted());
        root.put("knownDifferences", report.knownDifferences());
        ArrayNode recordings = root.putArray("recordings");
        for (DriftReport.RecordingDrift r : report.recordings()) {
            ObjectNode o = recordings.addObject();
            o.put("file", r.file());
            o.put("status", r.status());
            ArrayNode differences = o.putArray("differences");
            for (Difference d : r.differences()) {
                ObjectNode x = differences.addObject();
                x.put("kind", d.kind());
                x.put("pointer", d.pointer());
                x.put("recorded", d.recorded());
                x.put("now", d.now());
                x.put("known", d.known());
            }
        }
        return root;
    }

    public static String json(DriftReport report) {
        try {
            return JSON.writeValueAsString(tree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
