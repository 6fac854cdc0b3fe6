package dev.mediapipeline.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows of figures, rendered as a markdown table for people and as a list of objects for JSON. Cells are
 * text, numbers or {@link Times}; null is a missing figure.
 */
public final class Table {

    private final List<String> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    public Table(String... columns) {
        this.columns = List.of(columns);
    }

    public Table row(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.length);
        }
        rows.add(java.util.Arrays.asList(cells));
        return this;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| ").append(String.join(" | ", columns)).append(" |\n|");
        columns.forEach(c -> md.append("---|"));
        md.append('\n');
        for (List<Object> row : rows) {
            md.append("| ");
            for (int i = 0; i < row.size(); i++) {
                md.append(i == 0 ? "" : " | ").append(format(row.get(i)));
            }
            md.append(" |\n");
        }
        return md.toString();
    }

    public List<Map<String, Object>> json() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                Object cell = row.get(i);
                object.put(columns.get(i), cell instanceof Times t ? finite(t.value()) : cell instanceof Double d
                        ? finite(d) : cell);
            }
            out.add(object);
        }
        return out;
    }

    /** Three significant digits or so: enough to compare, not so many that noise looks like signal. */
    static String format(Object cell) {
        if (cell == null) {
            return "–";
        }
        if (cell instanceof Times t) {
            return Double.isFinite(t.value()) ? number(t.value()) + "×" : "–";
        }
        if (cell instanceof Double d) {
            return Double.isFinite(d) ? number(d) : "–";
        }
        return cell.toString();
    }

    private static String number(double d) {
        double a = Math.abs(d);
        String pattern = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, d);
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }
}
