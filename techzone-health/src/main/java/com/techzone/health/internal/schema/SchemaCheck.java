package com.techzone.health.internal.schema;

import com.techzone.health.CheckGroup;
import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.GroupCheck;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.Optional;

/** The common shape of group A checks: schema-only, in group SCHEMA. */
abstract class SchemaCheck extends GroupCheck {

    private final boolean scored;

    SchemaCheck(String name, String title, boolean scored) {
        super(CheckGroup.SCHEMA, "schema", name, title);
        this.scored = scored;
    }

    @Override
    public final boolean scored() {
        return scored;
    }

    /**
     * UNKNOWN when the schema holds none of the TechZone tables: a check that judges those tables has nothing
     * to judge, and must not say OK ({@code schema.tables} says what is missing).
     */
    static Optional<Issue> nothingToJudge(CheckContext context) throws SQLException {
        long present = context.queryNamed(SchemaCheck.class, "TechzoneTablesPresent", rs -> rs.getLong("present"),
                context.schema(), ExpectedSchema.TABLES.toArray(new String[0])).get(0);
        return present > 0 ? Optional.empty() : Optional.of(Issue.unknown(context.schema(), "Nothing to judge: schema "
                + context.schema() + " holds none of the TechZone tables (see schema.tables)").fix(migrateFix()));
    }

    static String migrateFix() {
        return "Run the TechZone migrations: TechzoneMigrations.configure(dataSource).load().migrate() "
                + "(or java -jar techzone.jar migrate --jdbc-url ...)";
    }
}
