package com.techzone.health;

import java.time.Duration;
import java.util.List;

/**
 * What one check concluded.
 *
 * @param id stable id, e.g. {@code schema.tables}; used in JSON, exclusions and the docs
 * @param group the group it belongs to
 * @param title a short human title
 * @param runtime true when it judges cumulative statistics (needs a server that has run a while),
 *     false when it only reads the schema
 * @param scored true for the six checks that make up the {@link Score}
 * @param status the worst severity of its findings (INFO counts as HEALTHY)
 * @param findings what it found, possibly empty; immutable
 * @param duration how long it took
 */
public record CheckResult(String id, CheckGroup group, String title, boolean runtime, boolean scored,
                          Status status, List<Finding> findings, Duration duration) {

    /** Copies the findings into an immutable list. */
    public CheckResult {
        findings = List.copyOf(findings);
    }
}
