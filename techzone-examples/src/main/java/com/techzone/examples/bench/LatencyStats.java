package com.techzone.examples.bench;

import java.util.Arrays;

/**
 * Summary of repeated timings: median, 95th percentile, min and max, in nanoseconds.
 *
 * <p>The median of an even number of samples is the mean of the two middle ones; the 95th
 * percentile is the nearest-rank value (the smallest sample with at least 95% of the samples at or
 * below it), so it is always a measured time.
 *
 * @param count number of samples
 * @param medianNanos median
 * @param p95Nanos 95th percentile (nearest rank)
 * @param minNanos fastest sample
 * @param maxNanos slowest sample
 */
public record LatencyStats(int count, double medianNanos, long p95Nanos, long minNanos, long maxNanos) {

    /**
     * Summarises samples; the array is not modified.
     *
     * @throws IllegalArgumentException if there are no samples
     */
    public static LatencyStats of(long... nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("No samples: run at least one measured iteration (--iterations >= 1)");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        int rank = (int) Math.ceil(0.95 * n);
        return new LatencyStats(n, median, sorted[rank - 1], sorted[0], sorted[n - 1]);
    }

    /** The median in milliseconds. */
    public double medianMillis() {
        return medianNanos / 1e6;
    }

    /** The 95th percentile in milliseconds. */
    public double p95Millis() {
        return p95Nanos / 1e6;
    }
}
