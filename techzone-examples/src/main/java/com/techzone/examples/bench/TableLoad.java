package com.techzone.examples.bench;

/**
 * What loading one table took.
 *
 * @param table the table
 * @param rows rows it holds afterwards
 * @param millis wall-clock time of its step, staging included
 */
public record TableLoad(String table, long rows, long millis) {

    /** Rows per second; 0 when the step took no measurable time. */
    public double rowsPerSecond() {
        return millis == 0 ? 0 : rows * 1000.0 / millis;
    }
}
