package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Mean query time over pg_stat_statements: the report's > 100 ms warning, > 500 ms critical. */
final class MeanQueryTimeCheck extends OperationsCheck {

    MeanQueryTimeCheck() {
        super("mean-query-time", "Mean query time (pg_stat_statements)");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Optional<Issue> blind = withoutStatistics(context, "other roles' statement texts, which tell queries from maintenance statements");
        if (blind.isPresent()) {
            return List.of(blind.get());
        }
        StatementStatistics.Source statements = StatementStatistics.of(context, getClass());
        if (statements.unavailable().isPresent()) {
            return List.of(statements.unavailable().get());
        }
        return context.queryText(statements.sql(), rs -> {
            double mean = rs.getDouble("mean_ms");
            long calls = rs.getLong("calls");
            if (calls == 0) {
                return Issue.info("pg_stat_statements", "No statement recorded yet in this database");
            }
            Issue issue = judged(context, Metric.MEAN_QUERY_MILLIS, mean, "pg_stat_statements",
                    "Mean execution time is " + CheckContext.value(mean, Metric.MEAN_QUERY_MILLIS) + " over " + calls + " calls");
            return mean > context.threshold(Metric.MEAN_QUERY_MILLIS).warning()
                    ? issue.fix("See ops.slow-statements; EXPLAIN (ANALYZE, BUFFERS) the worst and index their filters") : issue;
        });
    }
}
