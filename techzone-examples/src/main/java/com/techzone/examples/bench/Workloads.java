package com.techzone.examples.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of workloads, in the order {@code bench all} runs them. To add one, implement
 * {@link Workload} and add it to {@link #REGISTERED}; the command line, {@code all} and the
 * reports pick it up from here.
 */
public final class Workloads {

    /** The name that runs every registered workload. */
    public static final String ALL = "all";

    private static final List<Workload> REGISTERED = List.of(
            new SeedQueriesWorkload(),
            new BulkLoadWorkload(),
            new DaoOverheadWorkload(),
            new CheckoutWorkload(),
            new MigrateLiveWorkload(),
            new PartitionedLedgersWorkload(),
            new ReplicasWorkload(),
            new HealthWorkload());

    private Workloads() {
    }

    /** Every registered workload, by name, in run order. */
    public static Map<String, Workload> registered() {
        Map<String, Workload> byName = new LinkedHashMap<>();
        REGISTERED.forEach(w -> byName.put(w.name(), w));
        return byName;
    }

    /**
     * The workloads a name selects: one, or all for {@value #ALL}.
     *
     * @return empty for an unknown name
     */
    public static Optional<List<Workload>> select(String name) {
        if (ALL.equals(name)) {
            return Optional.of(REGISTERED);
        }
        return Optional.ofNullable(registered().get(name)).map(List::of);
    }
}
