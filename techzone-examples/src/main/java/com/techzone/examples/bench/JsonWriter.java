package com.techzone.examples.bench;

import java.util.Collection;
import java.util.Map;

/**
 * Writes JSON from plain Java values: {@link Map} (keys in iteration order) becomes an object,
 * {@link Collection} or array of objects an array, {@link CharSequence} and enums strings,
 * {@link Number} and {@link Boolean} themselves, {@code null} null. Non-finite doubles (NaN,
 * infinity) become null, since JSON has no such numbers. Output is indented by two spaces.
 */
public final class JsonWriter {

    private JsonWriter() {
    }

    /**
     * The JSON text of a value.
     *
     * @throws IllegalArgumentException for a value of another type, naming it
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.append('\n').toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out, depth);
        } else if (value instanceof Collection<?> list) {
            writeArray(list.toArray(), out, depth);
        } else if (value instanceof Object[] array) {
            writeArray(array, out, depth);
        } else if (value instanceof CharSequence || value instanceof Enum<?>) {
            string(value.toString(), out);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isFinite(d) ? numberText(d) : "null");
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else {
            throw new IllegalArgumentException("Cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static String numberText(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String separator = "\n";
        for (Map.Entry<?, ?> e : map.entrySet()) {
            out.append(separator);
            indent(out, depth + 1);
            string(String.valueOf(e.getKey()), out);
            out.append(": ");
            write(e.getValue(), out, depth + 1);
            separator = ",\n";
        }
        out.append('\n');
        indent(out, depth);
        out.append('}');
    }

    private static void writeArray(Object[] items, StringBuilder out, int depth) {
        if (items.length == 0) {
            out.append("[]");
            return;
        }
        out.append('[');
        String separator = "\n";
        for (Object item : items) {
            out.append(separator);
            indent(out, depth + 1);
            write(item, out, depth + 1);
            separator = ",\n";
        }
        out.append('\n');
        indent(out, depth);
        out.append(']');
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("  ".repeat(depth));
    }

    /** Appends a JSON string literal: quotes, backslashes and control characters escaped. */
    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // U+2028/2029 are legal JSON but break JavaScript that evals it; escaped for safety.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
