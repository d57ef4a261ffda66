package com.techzone.examples.bench;

import java.util.List;

/**
 * The outcome of {@link DataGenerator#generate}.
 *
 * @param sizes the counts asked for
 * @param tables one entry per table, in load order
 * @param vacuumMillis time of the final {@code VACUUM ANALYZE} (not part of the load rate)
 */
public record GeneratedData(DataSizes sizes, List<TableLoad> tables, long vacuumMillis) {

    public GeneratedData {
        tables = List.copyOf(tables);
    }

    /** Rows in all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(TableLoad::rows).sum();
    }

    /** Load time of all tables, without the final vacuum. */
    public long totalMillis() {
        return tables.stream().mapToLong(TableLoad::millis).sum();
    }

    /** Overall load rate in rows per second. */
    public double rowsPerSecond() {
        long millis = totalMillis();
        return millis == 0 ? 0 : totalRows() * 1000.0 / millis;
    }
}
