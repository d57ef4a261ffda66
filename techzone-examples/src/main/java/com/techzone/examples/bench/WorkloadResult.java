package com.techzone.examples.bench;

import java.util.List;

/**
 * What one workload measured.
 *
 * @param name the workload's name, e.g. {@code seed-queries}
 * @param title a one-line description printed as the section heading
 * @param tables its result tables
 * @param notes remarks printed under the tables (what was compared, caveats)
 * @param failures broken checks of the workload (e.g. checkout invariants); non-empty makes the
 *        command exit non-zero
 */
public record WorkloadResult(String name, String title, List<ResultTable> tables, List<String> notes,
                             List<String> failures) {

    public WorkloadResult {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
        failures = List.copyOf(failures);
    }

    /** A result without failures. */
    public WorkloadResult(String name, String title, List<ResultTable> tables, List<String> notes) {
        this(name, title, tables, notes, List.of());
    }

    /** True when the workload's own checks all held. */
    public boolean passed() {
        return failures.isEmpty();
    }
}
