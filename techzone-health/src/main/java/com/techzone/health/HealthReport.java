package com.techzone.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one run: immutable, safe to share, and free of passwords.
 *
 * @param startedAt when the run started
 * @param database where it ran: host, port and database name (no credentials)
 * @param schema the schema inspected
 * @param serverVersion the server's version string, e.g. "18.1"
 * @param status the overall status: the worst of the checks (see {@link Status})
 * @param score the schema score ("6/6")
 * @param checks every check that ran, in run order; immutable
 * @param inventory what the schema holds, for the Markdown report; null if it could not be read
 * @param duration how long the whole run took
 */
public record HealthReport(Instant startedAt, String database, String schema, String serverVersion,
                           Status status, Score score, List<CheckResult> checks, Inventory inventory,
                           Duration duration) {

    /** Copies the checks into an immutable list. */
    public HealthReport {
        checks = List.copyOf(checks);
    }

    /** All findings of all checks, in run order. */
    public List<Finding> findings() {
        return checks.stream().flatMap(c -> c.findings().stream()).toList();
    }

    /** The findings of one severity, in run order. */
    public List<Finding> findings(Severity severity) {
        return findings().stream().filter(f -> f.severity() == severity).toList();
    }

    /** The result of the check with this id, if it ran. */
    public Optional<CheckResult> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The inventory, if it could be read. */
    public Optional<Inventory> inventoryIfRead() {
        return Optional.ofNullable(inventory);
    }

    /** The exit code of the command line for this report: {@code status().exitCode()}. */
    public int exitCode() {
        return status.exitCode();
    }
}
