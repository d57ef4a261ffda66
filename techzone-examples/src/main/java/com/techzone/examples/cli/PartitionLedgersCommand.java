package com.techzone.examples.cli;

import com.techzone.migrations.LedgerPartitioning;
import com.techzone.migrations.PartitioningResult;
import com.techzone.migrations.TechzoneMigrations;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code techzone partition-ledgers}: the opt-in online conversion of {@code inventory_logs} and
 * {@code order_status_history} into monthly partitions ({@link LedgerPartitioning#convert()}), or with
 * {@code --ahead-only} the monthly job that keeps partitions created ahead
 * ({@link LedgerPartitioning#createPartitionsAhead()}). Both are idempotent.
 */
@Command(name = "partition-ledgers", mixinStandardHelpOptions = true,
        description = "Partitions the two TechZone ledgers by month, online (opt-in), or creates the partitions ahead.")
final class PartitionLedgersCommand implements Callable<Integer>, Failures.VerboseAware {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--schema", paramLabel = "S", defaultValue = TechzoneMigrations.DEFAULT_SCHEMA,
            description = "Schema holding the TechZone tables (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--ahead-only", description = "Only create the partitions ahead (the monthly job); never convert.")
    boolean aheadOnly;

    @Option(names = "--months-ahead", paramLabel = "N", defaultValue = "" + LedgerPartitioning.DEFAULT_MONTHS_AHEAD,
            description = "Months after the current one that get a partition, 1 to 24 (default: ${DEFAULT-VALUE}).")
    int monthsAhead;

    @Option(names = "--default-partition",
            description = "Also keep a default partition (rows of a month without a partition go there; "
                    + "PostgreSQL then refuses DETACH PARTITION ... CONCURRENTLY).")
    boolean defaultPartition;

    @Option(names = "--verbose", description = "Print the stack trace of a failure.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!connection.present()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--jdbc-url=URL'");
        }
        LedgerPartitioning partitioning = LedgerPartitioning.configure(connection.dataSource("techzone-partition-ledgers"))
                .schema(schema)
                .monthsAhead(monthsAhead)
                .defaultPartition(defaultPartition)
                .load();
        PartitioningResult result = aheadOnly ? partitioning.createPartitionsAhead() : partitioning.convert();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Ledgers of %s (schema %s): %s.%n", connection.maskedUrl(), result.schema(),
                summary(result));
        result.createdPartitions().forEach(p -> out.printf("  %s%n", p));
        out.printf("Longest lock blocking the shop: %d ms; lock waits retried: %d.%n",
                result.longestLock().toMillis(), result.retries());
        return 0;
    }

    private static String summary(PartitioningResult result) {
        if (result.noChange()) {
            return "nothing to do";
        }
        String created = "created " + result.createdPartitions().size() + " partition(s)";
        return result.convertedTables().isEmpty() ? created
                : "converted " + String.join(" and ", result.convertedTables()) + ", " + created;
    }

    @Override
    public boolean verbose() {
        return verbose;
    }
}
