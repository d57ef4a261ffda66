package com.techzone.health.internal.schema;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import com.techzone.health.internal.Sql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The migration history is up to date with the migrations this library was built with, has no
 * failed migration, and matches their checksums and descriptions. It reads the history table with
 * one query in the run's transaction and compares it with the {@code migration} lines of the
 * manifest (version, Flyway checksum, description; generated from a real migration by
 * ExpectedSchemaTest). Flyway itself is not started: a probe that runs every few seconds must not
 * build Flyway, log at INFO, or depend on the Flyway version the host brings.
 */
final class MigrationStateCheck extends SchemaCheck {

    private record Applied(String version, String description, Integer checksum, boolean success, String installedOn) {
    }

    MigrationStateCheck() {
        super("migrations", "Migration history up to date, no failed migration", false);
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        String history = context.options().historyTable();
        String table = CheckContext.quote(context.schema()) + "." + CheckContext.quote(history);
        List<ExpectedSchema.SchemaObject> packaged = ExpectedSchema.manifest("migration").stream()
                .sorted(Comparator.comparing(ExpectedSchema.SchemaObject::name, MigrationStateCheck::compare)).toList();
        String latest = packaged.get(packaged.size() - 1).name();
        List<Issue> issues = new ArrayList<>();
        boolean present = context.queryNamed(getClass(), "HistoryTableExists", rs -> rs.getBoolean("present"), table).get(0);
        List<Applied> rows = present ? context.queryText(Sql.of(getClass()).formatted(table), rs -> new Applied(
                rs.getString("version"), rs.getString("description"), (Integer) rs.getObject("checksum"),
                rs.getBoolean("success"), rs.getString("installed_on"))) : List.of();
        for (Applied row : rows) {
            if (!row.success()) {
                issues.add(Issue.critical(history + ".V" + row.version(), "Migration V" + row.version() + " ("
                        + row.description() + ") failed on " + row.installedOn())
                        .fix("Fix the cause, remove the failed row (Flyway repair), then migrate again"));
            }
        }
        Map<String, Applied> applied = new LinkedHashMap<>();
        rows.stream().filter(Applied::success).forEach(r -> applied.put(r.version(), r));
        String current = applied.keySet().stream().max(MigrationStateCheck::compare).orElse(null);
        if (current == null) {
            issues.add(Issue.critical(history, "No TechZone migration is recorded in " + context.schema() + "." + history)
                    .measured("none").threshold("version " + latest).fix(migrateFix()));
            return issues;
        }
        int order = compare(current, latest);
        if (order < 0) {
            issues.add(Issue.warning(history, "The schema is at version " + current + "; the packaged migrations reach "
                    + latest + ": migrations are pending").measured("version " + current).threshold("version " + latest)
                    .fix(migrateFix()));
        } else if (order > 0) {
            issues.add(Issue.warning(history, "The schema is at version " + current + ", newer than this library's "
                    + latest + ": upgrade techzone-migrations").measured("version " + current).threshold("version " + latest));
        } else {
            List<String> mismatches = mismatches(packaged, applied);
            if (!mismatches.isEmpty()) {
                issues.add(Issue.critical(history, "The TechZone schema in \"" + context.schema() + "\" does not match the "
                                + "packaged migrations: " + String.join("; ", mismatches))
                        .fix("Restore the released migration files; never edit a released migration, add a new one"));
            }
        }
        return issues;
    }

    /** What Flyway's validate would refuse: unapplied, changed or unknown migrations. */
    private static List<String> mismatches(List<ExpectedSchema.SchemaObject> packaged, Map<String, Applied> applied) {
        List<String> mismatches = new ArrayList<>();
        for (ExpectedSchema.SchemaObject p : packaged) {
            int space = p.detail().indexOf(' ');
            int checksum = Integer.parseInt(p.detail().substring(0, space));
            String description = p.detail().substring(space + 1);
            Applied a = applied.get(p.name());
            if (a == null) {
                mismatches.add("migration V" + p.name() + " (" + description + ") is packaged but was never applied");
            } else if (a.checksum() == null || a.checksum() != checksum) {
                mismatches.add("migration V" + p.name() + " checksum mismatch: applied " + a.checksum() + ", packaged " + checksum);
            } else if (!a.description().equals(description)) {
                mismatches.add("migration V" + p.name() + " description mismatch: applied '" + a.description()
                        + "', packaged '" + description + "'");
            }
        }
        for (String version : applied.keySet()) {
            if (packaged.stream().noneMatch(p -> p.name().equals(version))) {
                mismatches.add("migration V" + version + " was applied but is not packaged");
            }
        }
        return mismatches;
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
