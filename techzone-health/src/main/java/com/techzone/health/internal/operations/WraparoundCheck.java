package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/**
 * Transaction-ID and multixact age of the oldest database of the cluster (templates included), not
 * only the current one: the server stops assigning IDs for every database when the oldest nears
 * 2^31. Both are judged on the XID_AGE thresholds (1.0 billion WARNING, 1.5 billion CRITICAL), since
 * both wrap at the same limit. One finding each, naming the oldest database (or saying that several, or all,
 * share that age, as they do at multixact age 0 on a server that never used multixacts).
 */
final class WraparoundCheck extends OperationsCheck {

    WraparoundCheck() {
        super("xid-wraparound", "Transaction-ID and multixact wraparound age (whole cluster)");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        return context.query(getClass(), rs -> {
            boolean xid = "xid".equals(rs.getString("kind"));
            long age = rs.getLong("age");
            String database = rs.getString("datname");
            String what = xid ? "transaction ID" : "multixact ID";
            long tied = rs.getLong("tied");
            long databases = rs.getLong("databases");
            String where = tied > 1 && tied == databases ? "in every database of the cluster (" + databases + ")"
                    : "in database " + database + (database.equals(rs.getString("current_db")) ? " (this one)" : "")
                    + (tied > 1 ? " and " + (tied - 1) + " other database(s) of the same age" : "");
            Issue issue = judged(context, Metric.XID_AGE, age, database,
                    "The oldest unfrozen " + what + " of the cluster is " + age + " old, " + where
                            + " (autovacuum forces a freeze at " + rs.getLong("freeze_max_age") + ")");
            return age > context.threshold(Metric.XID_AGE).warning()
                    ? issue.fix("In database " + database + ", VACUUM (FREEZE, VERBOSE) its oldest tables now (template0 does not "
                    + "accept connections: autovacuum freezes it once nothing holds it back); find what blocks autovacuum "
                    + "(long transactions, prepared transactions, replication slots)") : issue;
        });
    }
}
