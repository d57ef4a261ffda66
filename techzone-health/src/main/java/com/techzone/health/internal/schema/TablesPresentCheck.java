package com.techzone.health.internal.schema;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A1: all 13 TechZone tables are present. */
final class TablesPresentCheck extends SchemaCheck {

    TablesPresentCheck() {
        super("tables", "All 13 tables present", true);
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        Set<String> present = new HashSet<>(context.query(getClass(), rs -> rs.getString("table_name"), context.schema()));
        List<String> missing = ExpectedSchema.TABLES.stream().filter(t -> !present.contains(t)).toList();
        List<Issue> issues = new ArrayList<>();
        String measured = (ExpectedSchema.TABLES.size() - missing.size()) + "/" + ExpectedSchema.TABLES.size();
        String fix = missing.isEmpty() ? null : elsewhere(context, present.size()).orElse(migrateFix());
        if (present.isEmpty() && !schemaExists(context)) {
            // One finding that says why, not 13 "missing" lines that leave a misspelt --schema to be guessed.
            issues.add(Issue.critical(context.schema(), "Schema " + context.schema() + " does not exist in this database, so none "
                            + "of the " + ExpectedSchema.TABLES.size() + " TechZone tables is there")
                    .measured(measured).threshold(ExpectedSchema.TABLES.size() + "/" + ExpectedSchema.TABLES.size()).fix(fix));
            return issues;
        }
        for (String table : missing) {
            issues.add(Issue.critical(table, "Table " + table + " is missing from schema " + context.schema())
                    .measured(measured).threshold(ExpectedSchema.TABLES.size() + "/" + ExpectedSchema.TABLES.size())
                    .fix(fix));
        }
        return issues;
    }

    private static boolean schemaExists(CheckContext context) throws SQLException {
        return context.queryNamed(TablesPresentCheck.class, "SchemaExists", rs -> rs.getBoolean("present"), context.schema()).get(0);
    }

    /**
     * When another schema holds more of the TechZone tables than the inspected one (the caller
     * forgot {@code .schema()}, or gave the wrong one), a fix that names it.
     */
    private static Optional<String> elsewhere(CheckContext context, int presentHere) throws SQLException {
        List<String> schemas = new ArrayList<>();
        context.queryNamed(TablesPresentCheck.class, "TablesElsewhere", rs -> {
            if (rs.getInt("tables") > presentHere) {
                schemas.add(rs.getString("schema_name") + " (" + rs.getInt("tables") + "/" + ExpectedSchema.TABLES.size() + " tables)");
            }
            return null;
        }, ExpectedSchema.TABLES.toArray(new String[0]), context.schema());
        if (schemas.isEmpty()) {
            return Optional.empty();
        }
        String first = schemas.get(0).substring(0, schemas.get(0).indexOf(' '));
        return Optional.of("The TechZone tables are in schema " + String.join(", ", schemas) + ", not in " + context.schema()
                + ": inspect that schema with TechzoneHealth.configure(dataSource).schema(\"" + first + "\") (CLI: --schema "
                + first + "); or, if " + context.schema() + " is meant to hold them, " + migrateFix());
    }
}
