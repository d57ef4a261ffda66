package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.Severity;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/**
 * Size of the tables the report says to watch (orders, inventory_logs, reviews), a partitioned one
 * summed over its partitions; past 10 GiB, partition (or, once partitioned, retire old partitions).
 */
final class TableGrowthCheck extends OperationsCheck {

    TableGrowthCheck() {
        super("table-growth", "Growth of orders, inventory_logs, reviews");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        return context.query(getClass(), rs -> {
            String table = rs.getString("relname");
            long bytes = rs.getLong("bytes");
            boolean partitioned = rs.getBoolean("partitioned");
            String size = CheckContext.bytes(bytes) + (partitioned ? " over its " + rs.getLong("partitions") + " partition(s)" : "");
            Issue issue = judged(context, Metric.TABLE_SIZE_GIB, bytes / (double) (1L << 30), table, "Table " + table
                    + rows(rs.getLong("estimated_rows"), rs.getLong("unestimated"), partitioned, size));
            if (partitioned) {
                return issue.severity() == Severity.INFO ? issue.measured(CheckContext.bytes(bytes))
                        : issue.fix("Detach and archive (or drop) old partitions of " + table
                        + " (ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY); pg_partman automates retention");
            }
            return issue.severity() == Severity.INFO ? issue.measured(CheckContext.bytes(bytes))
                    : issue.fix("Partition " + table + " by created_at (declarative RANGE partitions, e.g. quarterly; "
                    + "pg_partman automates it): CREATE TABLE " + table + "_2026_q1 PARTITION OF " + table
                    + " FOR VALUES FROM ('2026-01-01') TO ('2026-04-01')");
        }, context.schema());
    }

    /**
     * " holds about N rows in SIZE", from the planner's estimate; a table (or partition) never vacuumed or analyzed has
     * none yet, which is said rather than counted as 0 rows.
     */
    private static String rows(long estimated, long unestimated, boolean partitioned, String size) {
        if (unestimated == 0) {
            return " holds about " + estimated + " rows in " + size;
        }
        if (!partitioned || estimated == 0) {
            return " takes " + size + "; no row estimate yet (not vacuumed or analyzed since it was created)";
        }
        return " holds about " + estimated + " rows in " + size + ", besides " + unestimated
                + " partition(s) not yet vacuumed or analyzed";
    }
}
