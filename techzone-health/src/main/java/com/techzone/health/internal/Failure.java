package com.techzone.health.internal;

import java.sql.SQLException;

/** Turns the exception of a check that could not run into an UNKNOWN finding that says why. */
final class Failure {

    private Failure() {
    }

    /**
     * @param context the run's context, whose role a missing privilege's grants name; null where there is none
     */
    static Issue describe(HealthCheck check, Throwable e, HealthOptions options, CheckContext context) {
        SQLException sql = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
                break;
            }
        }
        String detail = firstLine(sql != null ? sql.getMessage() : e.getMessage() != null ? e.getMessage() : e.toString());
        if (e instanceof LinkageError) {
            return Issue.unknown("database", "Could not run: " + e.getClass().getSimpleName() + ": " + detail
                    + " (a library on the class path is not in a version this check supports)")
                    .fix("Put a version of that library on the class path within the range techzone-health declares in its pom");
        }
        String state = sql == null ? "" : String.valueOf(sql.getSQLState());
        return switch (state) {
            case "57014" -> Issue.unknown("database", "Timed out after " + options.statementTimeout().toMillis()
                    + " ms (statement_timeout); the check was cancelled").fix("Run it again off-peak, or raise statementTimeout");
            case "55P03" -> Issue.unknown("database", "A lock it needed was not free within "
                    + options.lockTimeout().toMillis() + " ms (lock_timeout): " + detail)
                    .fix("Run it again when no DDL holds locks on the schema");
            case "42703", "42P01", "42704" -> Issue.unknown("database", "The TechZone schema \"" + options.schema()
                            + "\" is older than this check: " + detail + " (schema.migrations lists what is pending)")
                    .fix("Migrate it: TechzoneMigrations.configure(dataSource).schema(\"" + options.schema()
                            + "\").load().migrate(), or techzone migrate --schema " + options.schema());
            case "42501" -> {
                String role = role(context);
                String grantee = role == null ? "<role>" : CheckContext.quote(role);
                String schema = CheckContext.quote(options.schema());
                yield Issue.unknown("database", (role == null ? "The role" : "Role " + role)
                                + " lacks a privilege this check needs: " + detail)
                        .fix("Run the check as the monitor role of TechzoneRoles, or grant its privileges: GRANT pg_monitor TO "
                                + grantee + "; GRANT USAGE ON SCHEMA " + schema + " TO " + grantee
                                + "; GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + grantee
                                + "; GRANT SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + grantee);
            }
            default -> Issue.unknown("database", "Could not run: " + detail + (state.isEmpty() ? "" : " (SQLState " + state + ")"));
        };
    }

    /** The role the checks run as, or null if it cannot be read (the grants then say {@code <role>}). */
    private static String role(CheckContext context) {
        try {
            return context == null ? null : context.role();
        } catch (SQLException e) {
            return null;
        }
    }

    /** The first line, without the server's severity prefix ({@code ERROR: }) that pgjdbc puts before its message. */
    private static String firstLine(String text) {
        String line = text.strip();
        int newline = line.indexOf('\n');
        line = newline < 0 ? line : line.substring(0, newline).strip();
        return line.replaceFirst("^(?:ERROR|FATAL|PANIC):\\s+", "");
    }
}
