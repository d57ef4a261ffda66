package com.techzone.health.internal.schema;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A5: the enum types order_status (8 values) and user_role (2) with exactly their values, in order. */
final class EnumTypesCheck extends SchemaCheck {

    EnumTypesCheck() {
        super("enum-types", "Enum types with exactly their values, in order", true);
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Optional<Issue> nothing = nothingToJudge(context);
        if (nothing.isPresent()) {
            return List.of(nothing.get());
        }
        Map<String, List<String>> actual = new HashMap<>();
        context.query(getClass(), rs -> actual.put(rs.getString("type_name"),
                Arrays.asList((String[]) rs.getArray("labels").getArray())), context.schema());
        List<Issue> issues = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : new TreeMap<>(ExpectedSchema.ENUMS).entrySet()) {
            String type = e.getKey();
            List<String> expected = e.getValue();
            List<String> found = actual.get(type);
            if (found == null) {
                issues.add(Issue.critical(type, "Enum type " + type + " is missing").threshold(String.join(", ", expected))
                        .fix("CREATE TYPE " + context.qualified(type) + " AS ENUM ('" + String.join("', '", expected) + "')"));
            } else if (!found.equals(expected)) {
                issues.add(Issue.critical(type, "Enum type " + type + " has values [" + String.join(", ", found)
                                + "]; expected [" + String.join(", ", expected) + "]")
                        .measured(found.size() + " values").threshold(expected.size() + " values, in this order")
                        .fix(fix(context, type, expected, found)));
            }
        }
        return issues;
    }

    private static String fix(CheckContext context, String type, List<String> expected, List<String> found) {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            String value = expected.get(i);
            if (!found.contains(value)) {
                statements.add("ALTER TYPE " + context.qualified(type) + " ADD VALUE '" + value + "'"
                        + (i > 0 ? " AFTER '" + expected.get(i - 1) + "'" : " BEFORE '" + expected.get(1) + "'"));
            }
        }
        if (statements.isEmpty() || found.stream().anyMatch(v -> !expected.contains(v))) {
            statements.add("values that should not exist or are out of order need a new type: create it, "
                    + "ALTER TABLE ... ALTER COLUMN ... TYPE new_type USING col::text::new_type, drop the old one");
        }
        return String.join("; ", statements);
    }
}
