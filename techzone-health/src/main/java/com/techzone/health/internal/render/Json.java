package com.techzone.health.internal.render;

import java.util.Locale;

/** A minimal streaming JSON writer: objects, arrays, strings escaped per RFC 8259, numbers, booleans, null. */
final class Json {

    private final StringBuilder out = new StringBuilder();
    private boolean first = true;
    private int depth;

    Json beginObject() {
        separator();
        out.append('{');
        first = true;
        depth++;
        return this;
    }

    Json endObject() {
        depth--;
        newline();
        out.append('}');
        first = false;
        return this;
    }

    Json beginArray() {
        separator();
        out.append('[');
        first = true;
        depth++;
        return this;
    }

    Json endArray() {
        depth--;
        if (!first) {
            newline();
        }
        out.append(']');
        first = false;
        return this;
    }

    /** A member name; the next value call writes its value. */
    Json name(String name) {
        separator();
        string(name);
        out.append(": ");
        first = true;
        suppressSeparator = true;
        return this;
    }

    private boolean suppressSeparator;

    Json value(String value) {
        separator();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    Json value(long value) {
        separator();
        out.append(value);
        return this;
    }

    Json value(double value) {
        separator();
        out.append(Double.isFinite(value) ? String.format(Locale.ROOT, "%s", value) : "null");
        return this;
    }

    Json value(boolean value) {
        separator();
        out.append(value);
        return this;
    }

    Json member(String name, String value) {
        return name(name).value(value);
    }

    Json member(String name, long value) {
        return name(name).value(value);
    }

    Json member(String name, boolean value) {
        return name(name).value(value);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void separator() {
        if (suppressSeparator) {
            suppressSeparator = false;
            first = false;
            return;
        }
        if (!first) {
            out.append(',');
        }
        if (depth > 0) {
            newline();
        }
        first = false;
    }

    private void newline() {
        out.append('\n');
        out.append("  ".repeat(Math.max(0, depth)));
    }

    private void string(String s) {
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
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
