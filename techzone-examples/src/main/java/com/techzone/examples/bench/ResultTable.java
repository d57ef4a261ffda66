package com.techzone.examples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One table of results: printed as Markdown, written to JSON as an array of objects whose field
 * names are the columns' keys (stable; documented in {@code docs/benchmarks.md}).
 *
 * @param key the table's JSON name within its workload, e.g. {@code latency}
 * @param title the heading printed above the Markdown table
 * @param columns the columns, in order
 * @param rows the rows, each mapping column keys to values (String, Number, Boolean or null)
 */
public record ResultTable(String key, String title, List<Column> columns, List<Map<String, Object>> rows) {

    public ResultTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * A column.
     *
     * @param key its JSON field name (snake_case)
     * @param header its Markdown heading
     */
    public record Column(String key, String header) {
    }

    /** A builder of rows for the given columns. */
    public static Builder builder(String key, String title, Column... columns) {
        return new Builder(key, title, List.of(columns));
    }

    /** The table in GitHub Markdown, numbers formatted for reading. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("### ").append(title).append("\n\n|");
        columns.forEach(c -> out.append(' ').append(c.header()).append(" |"));
        out.append("\n|");
        columns.forEach(c -> out.append("---|"));
        out.append('\n');
        for (Map<String, Object> row : rows) {
            out.append('|');
            columns.forEach(c -> out.append(' ').append(format(row.get(c.key())).replace("|", "\\|")).append(" |"));
            out.append('\n');
        }
        return out.toString();
    }

    /** The table's rows as JSON-ready maps. */
    List<Map<String, Object>> json() {
        return rows;
    }

    static String format(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return "-";
            }
            double abs = Math.abs(d);
            return abs >= 1000 ? String.format(Locale.ROOT, "%,.0f", d)
                    : abs >= 100 ? String.format(Locale.ROOT, "%.0f", d)
                    : abs >= 10 ? String.format(Locale.ROOT, "%.1f", d)
                    : String.format(Locale.ROOT, "%.2f", d);
        }
        if (value instanceof Long || value instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        return value.toString();
    }

    /** Collects rows, checking each names only known columns. */
    public static final class Builder {
        private final String key;
        private final String title;
        private final List<Column> columns;
        private final List<Map<String, Object>> rows = new ArrayList<>();

        private Builder(String key, String title, List<Column> columns) {
            this.key = key;
            this.title = title;
            this.columns = columns;
        }

        /**
         * Adds a row from alternating keys and values: {@code row("query", "q1", "speedup", 3.2)}.
         *
         * @throws IllegalArgumentException for an odd number of arguments or an unknown key
         */
        public Builder row(Object... keysAndValues) {
            if (keysAndValues.length % 2 != 0) {
                throw new IllegalArgumentException("row() takes key, value pairs");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            columns.forEach(c -> row.put(c.key(), null));
            for (int i = 0; i < keysAndValues.length; i += 2) {
                String k = (String) keysAndValues[i];
                if (!row.containsKey(k)) {
                    throw new IllegalArgumentException("Unknown column " + k + " in table " + key);
                }
                row.put(k, keysAndValues[i + 1]);
            }
            rows.add(row);
            return this;
        }

        /** The finished table. */
        public ResultTable build() {
            return new ResultTable(key, title, columns, rows);
        }
    }
}
