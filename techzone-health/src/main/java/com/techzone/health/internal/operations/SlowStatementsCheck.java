package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.Severity;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The slowest statements by mean time (top N, INFO); those over 1 s mean are WARNING, over 5 s CRITICAL. */
final class SlowStatementsCheck extends OperationsCheck {

    SlowStatementsCheck() {
        super("slow-statements", "Slowest statements (pg_stat_statements)");
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
            double mean = rs.getDouble("mean_exec_time");
            Issue issue = judged(context, Metric.SLOW_STATEMENT_MILLIS, mean, "queryid " + rs.getLong("queryid"),
                    CheckContext.value(Math.round(mean * 10) / 10.0, Metric.SLOW_STATEMENT_MILLIS) + " mean over "
                            + rs.getLong("calls") + " calls: " + rs.getString("query"));
            return issue.severity() == Severity.INFO ? issue
                    : issue.fix("EXPLAIN (ANALYZE, BUFFERS) it; add the index its filter needs (CREATE INDEX CONCURRENTLY ...)");
        }, context.options().topStatements());
    }
}
