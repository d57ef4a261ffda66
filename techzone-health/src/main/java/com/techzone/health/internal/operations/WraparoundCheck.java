package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/** Transaction-ID age of the database: past 1.0 billion WARNING, past 1.5 billion CRITICAL (wraparound near 2.1 billion). */
final class WraparoundCheck extends OperationsCheck {

    WraparoundCheck() {
        super("xid-wraparound", "Transaction-ID wraparound age");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        return context.query(getClass(), rs -> {
            long age = rs.getLong("xid_age");
            Issue issue = judged(context, Metric.XID_AGE, age, rs.getString("datname"),
                    "The oldest unfrozen transaction ID is " + age + " transactions old (autovacuum forces a freeze at "
                            + rs.getLong("freeze_max_age") + ")");
            return age > context.threshold(Metric.XID_AGE).warning()
                    ? issue.fix("VACUUM (FREEZE, VERBOSE) the oldest tables now; find what blocks autovacuum (long transactions, "
                    + "prepared transactions, replication slots)") : issue;
        });
    }
}
