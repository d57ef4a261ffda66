package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.Severity;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Autovacuum and statistics collection are on; no table of the schema has many dead tuples
 * (20% of live, at least 1,000) or stale statistics (1,000+ and 20%+ changes, not analyzed for a day).
 * A partitioned table is judged on the sums over its partitions.
 */
final class AutovacuumCheck extends OperationsCheck {

    AutovacuumCheck() {
        super("autovacuum", "Autovacuum on; no stale vacuum, analyze or dead tuples");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        List<Issue> issues = new ArrayList<>();
        context.queryText("select current_setting('autovacuum') as autovacuum, current_setting('track_counts') as track_counts",
                rs -> {
                    for (String setting : List.of("autovacuum", "track_counts")) {
                        if (!"on".equals(rs.getString(setting))) {
                            issues.add(Issue.critical(setting, setting + " is off: dead tuples pile up and statistics go stale")
                                    .measured("off").threshold("on").fix("ALTER SYSTEM SET " + setting + " = on; SELECT pg_reload_conf();"));
                        }
                    }
                    return null;
                });
        context.query(getClass(), rs -> {
            String table = rs.getString("relname");
            String name = rs.getLong("partitions") > 0 ? table + " (" + rs.getLong("partitions") + " partitions)" : table;
            long live = rs.getLong("n_live_tup");
            long dead = rs.getLong("n_dead_tup");
            double deadPercent = 100.0 * dead / Math.max(live, 1);
            if (dead >= 1000) {
                Issue issue = judged(context, Metric.DEAD_TUPLE_PERCENT, deadPercent, table,
                        "Table " + name + " has " + dead + " dead tuples for " + live + " live; last vacuum "
                                + (rs.getString("last_vacuum") == null ? "never" : rs.getString("last_vacuum")));
                if (issue.severity() != Severity.INFO) {
                    issues.add(issue.fix("VACUUM (ANALYZE) " + context.qualified(table)
                            + "; if it recurs, lower autovacuum_vacuum_scale_factor for this table"));
                }
            }
            long changed = rs.getLong("n_mod_since_analyze");
            if (changed >= 1000 && changed * 5 >= live && rs.getBoolean("analyze_stale")) {
                issues.add(Issue.warning(table, "Table " + name + " changed " + changed + " rows since its last analyze ("
                                + (rs.getString("last_analyze") == null ? "never" : rs.getString("last_analyze"))
                                + "): the planner works from stale statistics")
                        .measured(changed + " changes").threshold("1000 changes and 20% of rows, analyzed within a day")
                        .fix("ANALYZE " + context.qualified(table)));
            }
            return null;
        }, context.schema());
        return issues;
    }
}
