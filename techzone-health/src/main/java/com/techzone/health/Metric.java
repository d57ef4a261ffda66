package com.techzone.health;

/**
 * The measured quantities that have thresholds, with their defaults. The first four are the alert
 * thresholds of the TechZone health report; change any with
 * {@link TechzoneHealth.Builder#threshold(Metric, double, double)}.
 */
public enum Metric {
    /** Connections in use, percent of max_connections. Default warning 70, critical 90. */
    CONNECTION_USAGE_PERCENT(70, 90, false, "%"),
    /** Database size, percent of the capacity the caller gives. Default warning 75, critical 90. */
    DISK_USAGE_PERCENT(75, 90, false, "%"),
    /** Mean execution time over pg_stat_statements, milliseconds. Default warning 100, critical 500. */
    MEAN_QUERY_MILLIS(100, 500, false, " ms"),
    /** Estimated index bloat, percent. Default warning 20, critical 40. */
    INDEX_BLOAT_PERCENT(20, 40, false, "%"),
    /** Estimated table bloat, percent. Default warning 20, critical 40 (as for indexes). */
    TABLE_BLOAT_PERCENT(20, 40, false, "%"),
    /** Mean time of one statement, milliseconds: the report's "slow queries (> 1 second)". Default 1000, 5000. */
    SLOW_STATEMENT_MILLIS(1000, 5000, false, " ms"),
    /** Buffer cache hit ratio, percent; lower is worse. Default warning below 99, critical below 90. */
    CACHE_HIT_PERCENT(99, 90, true, "%"),
    /** Age of a running query or open transaction, seconds. Default warning 60, critical 300. */
    LONG_RUNNING_SECONDS(60, 300, false, " s"),
    /** Time a session has sat idle in a transaction, seconds. Default warning 30, critical 300. */
    IDLE_IN_TRANSACTION_SECONDS(30, 300, false, " s"),
    /** Time a session has waited on a lock, seconds. Default warning 0 (any wait), critical 60. */
    LOCK_WAIT_SECONDS(0, 60, false, " s"),
    /** Transaction-ID age of the database (wraparound at about 2.1 billion). Default 1.0e9, 1.5e9. */
    XID_AGE(1_000_000_000d, 1_500_000_000d, false, ""),
    /** Dead tuples, percent of live tuples, of a table with at least 1,000 dead. Default 20, 50. */
    DEAD_TUPLE_PERCENT(20, 50, false, "%"),
    /** Replication replay lag, seconds. Default warning 60, critical 300. */
    REPLICATION_LAG_SECONDS(60, 300, false, " s"),
    /** Size of a watched table (orders, inventory_logs, reviews), GiB: past it, partition. Default 10, 50. */
    TABLE_SIZE_GIB(10, 50, false, " GiB"),
    /** Pool threads waiting for a connection (HikariCP). Default warning 0 (any waiter), critical 10. */
    POOL_WAITING_THREADS(0, 10, false, ""),
    /** Clients waiting for a server connection in one PgBouncer pool ({@code cl_waiting}). Default warning 0 (any), critical 10. */
    PGBOUNCER_CLIENTS_WAITING(0, 10, false, ""),
    /** Age of the oldest waiting client of one PgBouncer pool ({@code maxwait}), seconds. Default warning 1, critical 10. */
    PGBOUNCER_MAXWAIT_SECONDS(1, 10, false, " s");

    private final Threshold defaultThreshold;
    private final boolean lowerIsWorse;
    private final String unit;

    Metric(double warning, double critical, boolean lowerIsWorse, String unit) {
        this.defaultThreshold = new Threshold(warning, critical);
        this.lowerIsWorse = lowerIsWorse;
        this.unit = unit;
    }

    /** The threshold used unless the caller sets another. */
    public Threshold defaultThreshold() {
        return defaultThreshold;
    }

    /** True when a smaller value is the worse one (only the cache hit ratio). */
    public boolean lowerIsWorse() {
        return lowerIsWorse;
    }

    /** The unit appended to values in messages ("%", " ms", ...), possibly empty. */
    public String unit() {
        return unit;
    }
}
