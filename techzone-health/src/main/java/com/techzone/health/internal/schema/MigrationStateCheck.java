package com.techzone.health.internal.schema;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import com.techzone.health.internal.Sql;
import com.techzone.migrations.MigrationException;
import com.techzone.migrations.TechzoneMigrations;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The migration history is up to date with the migrations packaged in techzone-migrations, has no
 * failed migration, and matches the packaged checksums. Flyway reads the history through the
 * caller's data source (read only: info and validate never write).
 */
final class MigrationStateCheck extends SchemaCheck {

    MigrationStateCheck() {
        super("migrations", "Migration history up to date, no failed migration", false);
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        TechzoneMigrations migrations = TechzoneMigrations.configure(context.callerDataSource())
                .schema(context.schema()).historyTable(context.options().historyTable()).load();
        String latest = migrations.latestVersion();
        String current = migrations.currentVersion();
        List<Issue> issues = new ArrayList<>();
        String history = context.options().historyTable();
        if (current == null) {
            issues.add(Issue.critical(history, "No TechZone migration is recorded in " + context.schema() + "." + history)
                    .measured("none").threshold("version " + latest).fix(migrateFix()));
            return issues;
        }
        String failedSql = Sql.of(getClass()).formatted(CheckContext.quote(context.schema()) + "." + CheckContext.quote(history));
        context.queryText(failedSql, rs -> issues.add(Issue.critical(history + ".V" + rs.getString("version"),
                "Migration V" + rs.getString("version") + " (" + rs.getString("description") + ") failed on "
                        + rs.getString("installed_on")).fix("Fix the cause, remove the failed row (Flyway repair), then migrate again")));
        int order = compare(current, latest);
        if (order < 0) {
            issues.add(Issue.warning(history, "The schema is at version " + current + "; the packaged migrations reach "
                    + latest + ": migrations are pending").measured("version " + current).threshold("version " + latest)
                    .fix(migrateFix()));
        } else if (order > 0) {
            issues.add(Issue.warning(history, "The schema is at version " + current + ", newer than this library's "
                    + latest + ": upgrade techzone-migrations").measured("version " + current).threshold("version " + latest));
        } else {
            try {
                migrations.validate();
            } catch (MigrationException e) {
                issues.add(Issue.critical(history, e.getMessage()).fix("Restore the released migration files; "
                        + "never edit a released migration, add a new one"));
            }
        }
        return issues;
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
