package com.techzone.health.internal.render;

import com.techzone.health.CheckResult;
import com.techzone.health.Finding;
import com.techzone.health.HealthReport;
import com.techzone.health.Severity;
import com.techzone.health.Status;

/** The terminal form of a report: a header, one line per check, its findings indented below. */
public final class TextRenderer {

    private TextRenderer() {
    }

    /** Renders the report as lines of plain text ending with a newline. */
    public static String render(HealthReport report) {
        StringBuilder out = new StringBuilder();
        out.append("TechZone health: ").append(report.status()).append("   schema score ").append(report.score())
                .append('\n');
        out.append("Database ").append(report.database()).append(", schema ").append(report.schema())
                .append(", PostgreSQL ").append(report.serverVersion()).append(", ")
                .append(report.checks().size()).append(" checks in ").append(report.duration().toMillis()).append(" ms\n");
        for (CheckResult check : report.checks()) {
            out.append(String.format("%n%-9s %s %s  %s (%d ms)", "[" + label(check.status()) + "]",
                    check.group().letter(), check.id(), check.title(), check.duration().toMillis()));
            for (Finding f : check.findings()) {
                out.append("\n    ").append(f.severity() == Severity.INFO ? "info" : f.severity().name())
                        .append(": ").append(f.message());
                if (f.measured() != null || f.threshold() != null) {
                    out.append(" [");
                    if (f.measured() != null) {
                        out.append("measured ").append(f.measured());
                    }
                    if (f.threshold() != null) {
                        out.append(f.measured() != null ? "; " : "").append("threshold ").append(f.threshold());
                    }
                    out.append(']');
                }
                if (f.recommendation() != null) {
                    out.append("\n        fix: ").append(f.recommendation());
                }
            }
        }
        out.append("\n\n").append(summary(report)).append('\n');
        return out.toString();
    }

    static String summary(HealthReport report) {
        long warnings = report.findings(Severity.WARNING).size();
        long critical = report.findings(Severity.CRITICAL).size();
        long unknown = report.checks().stream().filter(c -> c.status() == Status.UNKNOWN).count();
        return "Status " + report.status() + " (exit " + report.exitCode() + "): " + critical + " critical, "
                + warnings + " warning(s), " + unknown + " check(s) unknown; schema score " + report.score() + ".";
    }

    private static String label(Status status) {
        return switch (status) {
            case HEALTHY -> "OK";
            case WARNING -> "WARN";
            case CRITICAL -> "CRIT";
            case UNKNOWN -> "UNKNOWN";
        };
    }
}
