package com.techzone.examples.bench;

import javax.sql.DataSource;

/**
 * What a {@link Workload} runs against.
 *
 * @param server the server, for workloads that create databases of their own (and drop them)
 * @param database the name of the database holding the generated data set
 * @param options sizes, iterations, warm-up
 * @param progress the progress line on stderr
 * @param baseline a copy of the data set's database taken at {@link BenchRunner#BASELINE_VERSION}, before the
 *     newer migrations were applied to {@code database}; null unless a selected workload {@link Workload#usesBaseline()}
 */
public record BenchContext(BenchServer server, String database, BenchOptions options, Progress progress,
                           String baseline) {

    /** A new unpooled data source for the data set's database. */
    public DataSource dataSource() {
        return server.dataSource(database);
    }
}
