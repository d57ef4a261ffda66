package com.techzone.health.internal;

import com.techzone.health.CheckGroup;
import com.techzone.health.Metric;
import com.techzone.health.Threshold;
import com.techzone.health.internal.operations.PgBouncerConsole;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The frozen configuration of a run; see {@link com.techzone.health.TechzoneHealth.Builder} for
 * meanings and defaults.
 *
 * @param schema inspected schema
 * @param historyTable Flyway history table of the TechZone migrations
 * @param groups selected groups
 * @param skippedChecks ids of checks not to run
 * @param excludedObjects objects whose findings are dropped
 * @param thresholds one threshold per metric
 * @param statementTimeout statement_timeout of the run
 * @param lockTimeout lock_timeout of the run
 * @param diskCapacityBytes capacity for the disk check, or null when unknown
 * @param minimumStatisticsAge statistics younger than this are not judged
 * @param topStatements how many slowest statements to list
 * @param bloatMinimumBytes relations below this size are not judged for bloat
 * @param reportZone zone of the daily sales reports
 * @param salesReportDays closed days the sales-report check looks back
 * @param cacheHitMinimumBlocks block accesses before the cache hit ratio is judged
 * @param requireSsl true when a connection without SSL is a WARNING even from a local client
 * @param pool the pool whose metrics ops.connection-pool reports, or null for the run's data source
 * @param pgbouncerAdmin PgBouncer's admin console, whose pools ops.pgbouncer-pools reports, or null
 * @param replicas the read replicas the host uses, whose state ops.replicas reports; empty for none
 */
public record HealthOptions(String schema, String historyTable, Set<CheckGroup> groups, List<String> skippedChecks,
                            List<String> excludedObjects, Map<Metric, Threshold> thresholds,
                            Duration statementTimeout, Duration lockTimeout, Long diskCapacityBytes,
                            Duration minimumStatisticsAge, int topStatements, long bloatMinimumBytes,
                            ZoneId reportZone, int salesReportDays, long cacheHitMinimumBlocks, boolean requireSsl,
                            DataSource pool, PgBouncerConsole pgbouncerAdmin, List<DataSource> replicas) {

    /** The groups run unless the caller selects others. */
    public static final Set<CheckGroup> DEFAULT_GROUPS =
            Set.copyOf(EnumSet.of(CheckGroup.SCHEMA, CheckGroup.INDEXES, CheckGroup.OPERATIONS));

    /** Copies collections into immutable ones. */
    public HealthOptions {
        groups = Set.copyOf(groups);
        skippedChecks = List.copyOf(skippedChecks);
        excludedObjects = List.copyOf(excludedObjects);
        thresholds = Map.copyOf(thresholds);
        replicas = List.copyOf(replicas);
    }

    /** The threshold of a metric. */
    public Threshold threshold(Metric metric) {
        return thresholds.get(metric);
    }
}
