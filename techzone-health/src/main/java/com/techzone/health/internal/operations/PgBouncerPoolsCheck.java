package com.techzone.health.internal.operations;

import com.techzone.health.Metric;
import com.techzone.health.Severity;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PgBouncer's own pools, read from its admin console ({@code SHOW POOLS}): per database/user pool,
 * the clients waiting for a server connection ({@code cl_waiting}) and how long the oldest has
 * waited ({@code maxwait}), judged; active and idle clients and server connections, reported.
 * Without an admin console configured it says so (INFO) and judges nothing; an unreachable console
 * is UNKNOWN.
 */
final class PgBouncerPoolsCheck extends OperationsCheck {

    /** PgBouncer's admin command (not SQL: the console's own). */
    private static final String SHOW_POOLS = "SHOW POOLS";
    private static final String ADMIN_DATABASE = "pgbouncer";

    PgBouncerPoolsCheck() {
        super("pgbouncer-pools", "PgBouncer pools");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        PgBouncerConsole admin = context.options().pgbouncerAdmin();
        if (admin == null) {
            return List.of(Issue.info("pgbouncer", "No PgBouncer admin console given (pgbouncerAdmin, "
                    + "--pgbouncer-admin-url): its pools are not reported"));
        }
        List<Issue> issues = new ArrayList<>();
        for (Map<String, String> pool : admin.show(SHOW_POOLS, context.options().statementTimeout())) {
            if (!ADMIN_DATABASE.equals(pool.get("database"))) {
                issues.add(judge(context, pool));
            }
        }
        if (issues.isEmpty()) {
            issues.add(Issue.info("pgbouncer", "PgBouncer has no pool yet (no client has connected through it)"));
        }
        return issues;
    }

    private static Issue judge(CheckContext context, Map<String, String> pool) {
        String name = pool.get("database") + "/" + pool.get("user");
        long waiting = number(pool, "cl_waiting");
        double maxWaitSeconds = number(pool, "maxwait") + number(pool, "maxwait_us") / 1_000_000.0;
        String message = String.format(Locale.ROOT,
                "Pool %s (%s mode): %d active and %d waiting client(s), oldest wait %.3f s; %d active and %d idle "
                        + "server connection(s)",
                name, pool.get("pool_mode"), number(pool, "cl_active"), waiting, maxWaitSeconds,
                number(pool, "sv_active"), number(pool, "sv_idle") + number(pool, "sv_used"));
        Issue byClients = judged(context, Metric.PGBOUNCER_CLIENTS_WAITING, waiting, "pgbouncer pool " + name, message);
        Issue byWait = judged(context, Metric.PGBOUNCER_MAXWAIT_SECONDS, maxWaitSeconds, "pgbouncer pool " + name, message);
        Issue worse = byWait.severity().compareTo(byClients.severity()) > 0 ? byWait : byClients;
        return worse.severity() == Severity.INFO ? worse : worse.fix("Clients queue for server connections: raise "
                + "default_pool_size (within max_connections), or shorten the transactions that hold them");
    }

    /** A numeric column; 0 when this PgBouncer version has no such column. */
    private static long number(Map<String, String> pool, String column) {
        String value = pool.get(column);
        return value == null ? 0 : Long.parseLong(value);
    }
}
