package com.techzone.health.internal.operations;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import com.techzone.health.internal.Sql;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Whether pg_stat_statements can be read here, and the statement set its checks judge, read from the
 * schema the extension was installed in (qualified: it need not be on the role's search_path).
 */
final class StatementStatistics {

    private StatementStatistics() {
    }

    /** The check's SQL, or the UNKNOWN finding that says why pg_stat_statements cannot be read. */
    record Source(Optional<Issue> unavailable, String sql) {
    }

    /**
     * The SQL resource {@code <name>.sql} beside {@code check}, with the tracked statement set
     * ({@code TrackedStatements.sql}) in place of {@code {tracked}}: the one set that
     * ops.mean-query-time and ops.slow-statements judge, read from the extension's own schema.
     * Unavailable when the server does not preload the module, the extension is not installed in
     * this database, or the role lacks USAGE on the extension's schema.
     */
    static Source of(CheckContext context, Class<?> check) throws SQLException {
        Object[] state = context.queryNamed(StatementStatistics.class, "StatementsExtension",
                rs -> new Object[] {rs.getBoolean("installed"), rs.getBoolean("preloaded"), rs.getString("schema"),
                        rs.getBoolean("usable"), rs.getString("role")}).get(0);
        boolean installed = (Boolean) state[0];
        boolean preloaded = (Boolean) state[1];
        String schema = (String) state[2];
        if (!installed || !preloaded) {
            String missing = !preloaded ? "the server does not preload pg_stat_statements" : "the extension is not installed in this database";
            return new Source(Optional.of(Issue.unknown("pg_stat_statements", "Query times cannot be measured: " + missing)
                    .fix((preloaded ? "" : "Set shared_preload_libraries = 'pg_stat_statements' in postgresql.conf and restart; then ")
                            + "CREATE EXTENSION pg_stat_statements; (in this database)")), null);
        }
        if (!(Boolean) state[3]) {
            return new Source(Optional.of(Issue.unknown("pg_stat_statements", "Query times cannot be read: pg_stat_statements "
                    + "is installed in schema " + CheckContext.quote(schema) + ", on which this role has no USAGE privilege")
                    .fix("GRANT USAGE ON SCHEMA " + CheckContext.quote(schema) + " TO " + CheckContext.quote((String) state[4]) + ";")), null);
        }
        String view = CheckContext.quote(schema) + ".pg_stat_statements";
        return new Source(Optional.empty(), Sql.of(check).replace("{tracked}",
                Sql.of(StatementStatistics.class, "TrackedStatements").replace("{pg_stat_statements}", view)));
    }
}
