package com.techzone.examples.bench;

import java.util.List;

/**
 * What one workload measured.
 *
 * @param name the workload's name, e.g. {@code seed-queries}
 * @param title a one-line description printed as the section heading
 * @param tables its result tables
 * @param notes remarks printed under the tables (what was compared, caveats)
 */
public record WorkloadResult(String name, String title, List<ResultTable> tables, List<String> notes) {

    public WorkloadResult {
        tables = List.copyOf(tables);
        notes = List.copyOf(notes);
    }
}
