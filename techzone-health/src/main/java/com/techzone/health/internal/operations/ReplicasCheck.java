package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import com.techzone.health.internal.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The read replicas the host gave ({@code TechzoneHealth.Builder.replicas}), each on a connection of
 * its own: reachable, still a standby, and its replay lag, judged by
 * {@link Metric#REPLICATION_LAG_SECONDS}. A replica that has replayed all it received from a running
 * WAL receiver is 0 behind however idle the primary; one whose receiver is gone counts from its last
 * replayed commit, since it no longer hears from the primary. An unreachable replica, or one that is
 * no longer in recovery (promoted), is a WARNING: the library's routing then sends its reads to the
 * primary, so the shop works, but with one server less. Without replicas given it says so (INFO).
 */
final class ReplicasCheck extends OperationsCheck {

    ReplicasCheck() {
        super("replicas", "Read replicas given to the check");
    }

    @Override
    public List<Issue> run(CheckContext context) {
        List<DataSource> replicas = context.options().replicas();
        if (replicas.isEmpty()) {
            return List.of(Issue.info("replicas", "No read replicas given (TechzoneHealth.Builder.replicas): none reported"));
        }
        List<Issue> issues = new ArrayList<>();
        for (int i = 0; i < replicas.size(); i++) {
            issues.add(inspect(context, "replica " + (i + 1), replicas.get(i)));
        }
        return issues;
    }

    private Issue inspect(CheckContext context, String name, DataSource replica) {
        try (Connection c = replica.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET statement_timeout = " + Math.max(1, context.options().statementTimeout().toMillis()));
            try (ResultSet rs = s.executeQuery(Sql.of(getClass()))) {
                rs.next();
                String object = name + " (" + rs.getString("address") + ")";
                if (!rs.getBoolean("in_recovery")) {
                    return Issue.warning(object, "The " + name + " given is not in recovery: it was promoted or is not a "
                                    + "replica, so it does not follow the primary")
                            .fix("Give the check (and the facade's readReplicas) the current standbys; re-create this one "
                                    + "from the primary if it was promoted by mistake");
                }
                double lag = rs.getDouble("lag_seconds");
                String receiver = rs.getBoolean("receiving") ? "receiving WAL" : "not receiving WAL (no WAL receiver)";
                return judged(context, Metric.REPLICATION_LAG_SECONDS, Math.floor(lag), object,
                        "Replica " + object + " is " + receiver + " and replays " + Math.round(lag) + " s behind");
            }
        } catch (SQLException e) {
            return Issue.warning(name, "The " + name + " given cannot be reached: " + firstLine(e.getMessage()))
                    .fix("Start it or fix its address; until then the library sends its reads to the primary");
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no message" : message.strip().lines().findFirst().orElse("no message");
    }
}
