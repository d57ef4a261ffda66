package com.techzone.examples.bench;

/**
 * One benchmark workload. Implementations are registered in {@link Workloads}; they get a database
 * holding the generated data set (migrated, with all indexes, vacuumed and analyzed) and must leave
 * that data as they found it (other workloads run on it after them), dropping anything they create.
 */
public interface Workload {

    /** The name used on the command line, e.g. {@code seed-queries}; lower case, dashes. */
    String name();

    /** One line for {@code --help} and the section heading of the results. */
    String description();

    /**
     * Whether the workload reads {@link BenchContext#baseline()}, the data set at the schema version before the
     * newest migrations (default: false). Copying the database costs a few seconds per GB, so only then is it made.
     */
    default boolean usesBaseline() {
        return false;
    }

    /**
     * Runs the workload, timing comparisons with {@link Interleaved} (A B A B ..., warm-up first).
     *
     * @throws Exception if the server fails; the benchmark stops and reports it
     */
    WorkloadResult run(BenchContext context) throws Exception;
}
