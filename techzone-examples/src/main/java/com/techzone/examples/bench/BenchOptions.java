package com.techzone.examples.bench;

/**
 * How long and how big a benchmark run is.
 *
 * @param sizes the data set's row counts (from {@code --scale})
 * @param iterations measured rounds of each comparison (default 20)
 * @param warmup discarded rounds before them (default 3)
 * @param bulkRows rows per bulk-load trial (default: 10,000 up to 500,000, growing with the scale)
 */
public record BenchOptions(DataSizes sizes, int iterations, int warmup, int bulkRows) {

    /** Default measured rounds. */
    public static final int DEFAULT_ITERATIONS = 20;
    /** Default warm-up rounds. */
    public static final int DEFAULT_WARMUP = 3;

    /**
     * @throws IllegalArgumentException if iterations < 1, warmup < 0 or bulkRows < 1
     */
    public BenchOptions {
        if (iterations < 1 || warmup < 0 || bulkRows < 1) {
            throw new IllegalArgumentException("Need --iterations >= 1, --warmup >= 0 and --bulk-rows >= 1, got "
                    + iterations + ", " + warmup + " and " + bulkRows);
        }
    }

    /** The default rows per bulk-load trial at a scale: 500,000 x scale, within 10,000..500,000. */
    public static int defaultBulkRows(double scale) {
        return (int) Math.max(10_000, Math.min(500_000, Math.round(500_000 * scale)));
    }
}
