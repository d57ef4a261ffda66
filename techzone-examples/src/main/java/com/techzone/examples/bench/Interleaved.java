package com.techzone.examples.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs A/B comparisons interleaved: in every round each comparison runs its A side, then its B side,
 * so both sides see the same machine noise (other processes, caches, autovacuum). The first
 * {@code warmup} rounds are run and discarded.
 */
public final class Interleaved {

    private Interleaved() {
    }

    /** One timed run. Returns the nanoseconds that count; setup it does around them is not timed. */
    @FunctionalInterface
    public interface Trial {
        /** Runs once and returns the measured nanoseconds. */
        long run() throws Exception;

        /** A trial timed from start to end. */
        static Trial timed(Action action) {
            return () -> {
                long start = System.nanoTime();
                action.run();
                return System.nanoTime() - start;
            };
        }

        /**
         * A trial that runs {@code action} until at least {@code minNanos} have passed (at least once)
         * and returns the mean nanoseconds of one run: a sub-millisecond query then yields a sample that
         * one scheduler hiccup does not decide, while a slow one still runs once.
         */
        static Trial repeated(Action action, long minNanos) {
            return () -> {
                long start = System.nanoTime();
                long runs = 0;
                long elapsed;
                do {
                    action.run();
                    runs++;
                    elapsed = System.nanoTime() - start;
                } while (elapsed < minNanos);
                return elapsed / runs;
            };
        }
    }

    /** Work to time. */
    @FunctionalInterface
    public interface Action {
        /** Does the work once. */
        void run() throws Exception;
    }

    /**
     * A comparison of two ways of doing one thing.
     *
     * @param name what is compared, used as the key of its results
     * @param a the first side (e.g. "before", "COPY")
     * @param b the second side
     */
    public record Comparison(String name, Trial a, Trial b) {
    }

    /**
     * Measured samples of both sides.
     *
     * @param name the comparison's name
     * @param a the A side's timings
     * @param b the B side's timings
     */
    public record Outcome(String name, LatencyStats a, LatencyStats b) {

        /** Median of A divided by median of B: how many times faster B is. */
        public double ratio() {
            return a.medianNanos() / b.medianNanos();
        }
    }

    /**
     * Runs {@code warmup + iterations} rounds of every comparison and summarises the last
     * {@code iterations}.
     *
     * @param label shown on the progress line
     * @throws IllegalArgumentException if iterations < 1 or warmup < 0
     * @throws Exception whatever a trial throws, at once
     */
    public static List<Outcome> run(List<Comparison> comparisons, int warmup, int iterations, Progress progress,
                                    String label) throws Exception {
        if (iterations < 1 || warmup < 0) {
            throw new IllegalArgumentException("Need --iterations >= 1 and --warmup >= 0, got " + iterations
                    + " and " + warmup);
        }
        int n = comparisons.size();
        long[][] a = new long[n][iterations];
        long[][] b = new long[n][iterations];
        int rounds = warmup + iterations;
        for (int round = 0; round < rounds; round++) {
            progress.update(String.format("%s: %s %d/%d", label, round < warmup ? "warm-up" : "round",
                    round < warmup ? round + 1 : round - warmup + 1, round < warmup ? warmup : iterations));
            for (int i = 0; i < n; i++) {
                long timeA = comparisons.get(i).a().run();
                long timeB = comparisons.get(i).b().run();
                if (round >= warmup) {
                    a[i][round - warmup] = timeA;
                    b[i][round - warmup] = timeB;
                }
            }
        }
        List<Outcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            outcomes.add(new Outcome(comparisons.get(i).name(), LatencyStats.of(a[i]), LatencyStats.of(b[i])));
        }
        return outcomes;
    }
}
