package com.techzone.health.internal.operations;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import com.techzone.health.internal.Sql;
import java.sql.SQLException;
import java.util.Optional;

/** Whether pg_stat_statements can be read here; the UNKNOWN finding that says how to enable it if not. */
final class StatementStatistics {

    private StatementStatistics() {
    }

    /**
     * The SQL resource {@code <name>.sql} beside this class with the tracked statement set
     * ({@code TrackedStatements.sql}) in place of {@code {tracked}}: the one set that
     * ops.mean-query-time and ops.slow-statements judge.
     */
    static String over(Class<?> check) {
        return Sql.of(check).replace("{tracked}", Sql.of(StatementStatistics.class, "TrackedStatements"));
    }

    /** Empty when pg_stat_statements is usable, else the UNKNOWN finding. */
    static Optional<Issue> unavailable(CheckContext context) throws SQLException {
        boolean[] state = context.queryNamed(StatementStatistics.class, "StatementsExtension",
                rs -> new boolean[] {rs.getBoolean("installed"), rs.getBoolean("preloaded")}).get(0);
        if (state[0] && state[1]) {
            return Optional.empty();
        }
        String missing = !state[1] ? "the server does not preload pg_stat_statements" : "the extension is not installed in this database";
        return Optional.of(Issue.unknown("pg_stat_statements", "Query times cannot be measured: " + missing)
                .fix((state[1] ? "" : "Set shared_preload_libraries = 'pg_stat_statements' in postgresql.conf and restart; then ")
                        + "CREATE EXTENSION pg_stat_statements; (in this database)"));
    }
}
