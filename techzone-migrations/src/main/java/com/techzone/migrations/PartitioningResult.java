package com.techzone.migrations;

import java.time.Duration;
import java.util.List;

/**
 * What one {@link LedgerPartitioning} call did.
 *
 * @param schema the schema of the ledgers
 * @param convertedTables the tables this call turned into partitioned tables, e.g.
 *     {@code [inventory_logs, order_status_history]}; empty when they already were
 * @param createdPartitions the partitions this call created, e.g. {@code inventory_logs_p2026_12}, in
 *     order; empty when every month asked for already had one
 * @param longestLock the longest time one of this call's short transactions held a lock that blocks
 *     the shop's reads or writes (ACCESS EXCLUSIVE on a ledger or its referenced table, SHARE ROW
 *     EXCLUSIVE on the referenced table), from the lock granted to the commit; {@link Duration#ZERO}
 *     when no such lock was taken
 * @param retries how many times a locking step gave up waiting (lock timeout) and was tried again; 0 on a
 *     quiet database
 */
public record PartitioningResult(String schema, List<String> convertedTables, List<String> createdPartitions,
                                 Duration longestLock, int retries) {

    public PartitioningResult {
        convertedTables = List.copyOf(convertedTables);
        createdPartitions = List.copyOf(createdPartitions);
    }

    /** True when the call changed nothing. */
    public boolean noChange() {
        return convertedTables.isEmpty() && createdPartitions.isEmpty();
    }
}
