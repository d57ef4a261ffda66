package com.techzone.health.internal.schema;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A4: the named check constraints (the report's seven, and every other one the migrations create)
 * are present and validated.
 */
final class CheckConstraintsCheck extends SchemaCheck {

    CheckConstraintsCheck() {
        super("check-constraints", "Named check constraints present and validated", true);
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Optional<Issue> nothing = nothingToJudge(context);
        if (nothing.isPresent()) {
            return List.of(nothing.get());
        }
        Map<String, Boolean> validated = new HashMap<>();
        context.query(getClass(), rs -> validated.put(rs.getString("constraint_name"), rs.getBoolean("validated")), context.schema());
        Map<String, String> expected = new java.util.LinkedHashMap<>(ExpectedSchema.REPORT_CHECK_CONSTRAINTS);
        for (ExpectedSchema.SchemaObject o : ExpectedSchema.manifest("constraint")) {
            if (o.name().startsWith("chk_")) {
                expected.putIfAbsent(o.name(), o.detail());
            }
        }
        List<Issue> issues = new ArrayList<>();
        long present = expected.keySet().stream().filter(validated::containsKey).count();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String name = e.getKey();
            String table = e.getValue();
            boolean report = ExpectedSchema.REPORT_CHECK_CONSTRAINTS.containsKey(name);
            Boolean valid = validated.get(name);
            if (valid == null) {
                issues.add(Issue.critical(table + "." + name, (report ? "Check constraint " : "Check constraint (not in the report) ")
                                + name + " on " + table + " is missing: the database no longer refuses bad rows")
                        .measured(present + "/" + expected.size()).threshold(expected.size() + "/" + expected.size())
                        .fix("Restore it as the migrations define it (techzone-migrations, V2..V5), added NOT VALID "
                                + "and then validated: ALTER TABLE " + context.qualified(table) + " ADD CONSTRAINT " + name
                                + " CHECK (...) NOT VALID; ALTER TABLE " + context.qualified(table) + " VALIDATE CONSTRAINT " + name));
            } else if (!valid) {
                issues.add(Issue.warning(table + "." + name, "Check constraint " + name + " is NOT VALID: rows written "
                                + "before it was added were never checked")
                        .fix("ALTER TABLE " + context.qualified(table) + " VALIDATE CONSTRAINT " + name));
            }
        }
        return issues;
    }
}
