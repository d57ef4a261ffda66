package com.techzone.health;

import com.techzone.health.internal.render.JsonRenderer;
import com.techzone.health.internal.render.MarkdownRenderer;
import com.techzone.health.internal.render.TextRenderer;
import java.util.Locale;
import java.util.Objects;

/** The ways a {@link HealthReport} can be printed. */
public enum ReportFormat {
    /** For a terminal: status, score, one line per check, findings indented below. */
    TEXT,
    /** For machines: the stable fields documented in docs/health.md ("format": "techzone-health/1"). */
    JSON,
    /** The TechZone health report, its sections rebuilt from live data. */
    MARKDOWN;

    /**
     * Renders the report in this format.
     *
     * @throws NullPointerException if report is null
     */
    public String render(HealthReport report) {
        Objects.requireNonNull(report, "report");
        return switch (this) {
            case TEXT -> TextRenderer.render(report);
            case JSON -> JsonRenderer.render(report);
            case MARKDOWN -> MarkdownRenderer.render(report);
        };
    }

    /**
     * The format named by text, md, markdown or json (any case).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static ReportFormat parse(String name) {
        return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            case "markdown", "md" -> MARKDOWN;
            default -> throw new IllegalArgumentException("Unknown format \"" + name + "\": use text, json or markdown");
        };
    }
}
