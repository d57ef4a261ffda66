package com.techzone.health.internal.schema;

import com.techzone.health.Severity;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drift: objects on the TechZone tables that the migrations did not create (WARNING: a column,
 * index, constraint or trigger added to {@code orders}, say), and objects they created that are gone
 * (CRITICAL for tables, columns, constraints and types; WARNING for indexes, functions and triggers).
 * A schema may be shared with the host application: tables, types and functions that are not
 * TechZone's, and everything on those tables (the host's {@code flyway_schema_history} included),
 * are the host's and not judged. Objects owned by extensions and the TechZone history table are
 * ignored; extensions in the schema are INFO; column types are judged by the column-types check.
 */
final class SchemaDriftCheck extends SchemaCheck {

    SchemaDriftCheck() {
        super("drift", "No drift from the migrations (extra or missing objects)", false);
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Optional<Issue> nothing = nothingToJudge(context);
        if (nothing.isPresent()) {
            return List.of(nothing.get());
        }
        Map<String, ExpectedSchema.SchemaObject> actual = new LinkedHashMap<>();
        context.query(getClass(), rs -> {
            ExpectedSchema.SchemaObject o = new ExpectedSchema.SchemaObject(rs.getString("kind"), rs.getString("name"), rs.getString("detail"));
            return actual.put(o.key(), o);
        }, context.schema(), context.options().historyTable());
        Map<String, ExpectedSchema.SchemaObject> expected = new LinkedHashMap<>();
        ExpectedSchema.MANIFEST.stream().filter(o -> !o.kind().equals("migration")).forEach(o -> expected.put(o.key(), o));
        List<Issue> issues = new ArrayList<>();
        for (ExpectedSchema.SchemaObject o : expected.values()) {
            if (!actual.containsKey(o.key())) {
                boolean structural = List.of("table", "column", "constraint", "type").contains(o.kind());
                String object = o.kind().equals("column") || o.detail().isEmpty() || o.kind().equals("type")
                        || o.kind().equals("function") ? o.name() : o.detail() + "." + o.name();
                String message = "The " + o.kind() + " " + o.name() + (o.kind().equals("index") || o.kind().equals("constraint")
                        || o.kind().equals("trigger") ? " on " + o.detail() : "") + " that the migrations create is missing";
                issues.add((structural ? Issue.critical(object, message) : Issue.warning(object, message))
                        .fix("Restore it as techzone-migrations defines it, in a new migration"));
            }
        }
        for (ExpectedSchema.SchemaObject o : actual.values()) {
            if (!expected.containsKey(o.key()) && onTechzoneTable(o) && !MONITORING_EXTENSION.equals(o.name())) {
                String object = o.kind().equals("index") || o.kind().equals("constraint") || o.kind().equals("trigger")
                        ? o.detail() + "." + o.name() : o.name();
                // Extensions such as pg_stat_statements are operations' business, not schema drift.
                Severity severity = o.kind().equals("extension") ? Severity.INFO : Severity.WARNING;
                issues.add(Issue.of(severity, object, "The " + o.kind() + " " + o.name()
                                + (o.detail().isEmpty() || o.kind().equals("column") || o.kind().equals("type") ? "" : " on " + o.detail())
                                + " was not created by the TechZone migrations")
                        .fix(o.kind().equals("extension")
                                ? "Nothing to do if the database's owner installed it on purpose; otherwise DROP EXTENSION " + o.name()
                                : "Add it to the migrations (a new V<n> migration) if it is meant to stay, or drop it; "
                                        + "or exclude it from the check"));
            }
        }
        return issues;
    }

    /** The extension the query-time checks read and recommend: never reported as drift. */
    private static final String MONITORING_EXTENSION = "pg_stat_statements";

    /** True for what hangs on a TechZone table (and extensions); false for what is the host's. */
    private static boolean onTechzoneTable(ExpectedSchema.SchemaObject o) {
        return switch (o.kind()) {
            case "column" -> ExpectedSchema.TABLES.contains(o.name().substring(0, o.name().indexOf('.')));
            case "index", "constraint", "trigger" -> ExpectedSchema.TABLES.contains(o.detail());
            case "extension" -> true;
            default -> false;
        };
    }
}
