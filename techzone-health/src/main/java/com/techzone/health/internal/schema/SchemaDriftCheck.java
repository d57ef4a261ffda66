package com.techzone.health.internal.schema;

import com.techzone.health.Severity;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drift: objects in the schema that the migrations did not create (WARNING), and objects they
 * created that are gone (CRITICAL for tables, columns, constraints and types; WARNING for indexes,
 * functions and triggers; INFO for extensions). Objects owned by extensions and the Flyway history table are ignored;
 * column types are judged by the column-types check.
 */
final class SchemaDriftCheck extends SchemaCheck {

    SchemaDriftCheck() {
        super("drift", "No drift from the migrations (extra or missing objects)", false);
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Map<String, ExpectedSchema.SchemaObject> actual = new LinkedHashMap<>();
        context.query(getClass(), rs -> {
            ExpectedSchema.SchemaObject o = new ExpectedSchema.SchemaObject(rs.getString("kind"), rs.getString("name"), rs.getString("detail"));
            return actual.put(o.key(), o);
        }, context.schema(), context.options().historyTable());
        Map<String, ExpectedSchema.SchemaObject> expected = new LinkedHashMap<>();
        ExpectedSchema.MANIFEST.forEach(o -> expected.put(o.key(), o));
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
            if (!expected.containsKey(o.key())) {
                String object = o.kind().equals("index") || o.kind().equals("constraint") || o.kind().equals("trigger")
                        ? o.detail() + "." + o.name() : o.name();
                // Extensions such as pg_stat_statements are operations' business, not schema drift.
                Severity severity = o.kind().equals("extension") ? Severity.INFO : Severity.WARNING;
                issues.add(Issue.of(severity, object, "The " + o.kind() + " " + o.name()
                                + (o.detail().isEmpty() || o.kind().equals("column") || o.kind().equals("type") ? "" : " on " + o.detail())
                                + " was not created by the TechZone migrations")
                        .fix("Add it to the migrations (a new V<n> migration) if it is meant to stay, or drop it; "
                                + "or exclude it from the check"));
            }
        }
        return issues;
    }
}
