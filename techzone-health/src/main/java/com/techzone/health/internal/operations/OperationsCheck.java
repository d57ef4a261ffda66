package com.techzone.health.internal.operations;

import com.techzone.health.CheckGroup;
import com.techzone.health.Metric;
import com.techzone.health.Severity;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.GroupCheck;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The common shape of group C checks: runtime, in group OPERATIONS. */
abstract class OperationsCheck extends GroupCheck {

    OperationsCheck(String name, String title) {
        super(CheckGroup.OPERATIONS, "ops", name, title);
    }

    @Override
    public boolean runtime() {
        return true;
    }

    /** A finding judged against a metric's threshold: INFO when within it, with value and threshold filled in. */
    static Issue judged(CheckContext context, Metric metric, double value, String object, String message) {
        Severity severity = context.threshold(metric).judge(value, metric.lowerIsWorse());
        return Issue.of(severity, object, message).measured(CheckContext.value(value, metric))
                .threshold(context.thresholdText(metric));
    }

    /**
     * Empty when the role may see every session's statistics (pg_read_all_stats, which pg_monitor
     * grants; superusers may), else the UNKNOWN finding naming the missing privilege: without it
     * the server hides the state, times and text of other roles' sessions and statements, so the
     * check would see nothing and say all is well.
     */
    static Optional<Issue> withoutStatistics(CheckContext context, String hidden) throws SQLException {
        List<String> role = context.queryText("select current_user::text as role from (select 1) x "
                + "where not pg_has_role('pg_read_all_stats', 'USAGE')", rs -> rs.getString("role"));
        return role.isEmpty() ? Optional.empty() : Optional.of(Issue.unknown("pg_read_all_stats", "Not measured: role " + role.get(0)
                        + " lacks the privilege pg_read_all_stats, without which the server hides " + hidden)
                .fix("GRANT pg_monitor TO " + CheckContext.quote(role.get(0)) + "; (TechzoneRoles grants it to the monitor role)"));
    }
}
