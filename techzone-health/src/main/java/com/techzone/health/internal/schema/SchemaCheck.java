package com.techzone.health.internal.schema;

import com.techzone.health.CheckGroup;
import com.techzone.health.internal.GroupCheck;

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

    static String migrateFix() {
        return "Run the TechZone migrations: TechzoneMigrations.configure(dataSource).load().migrate() "
                + "(or java -jar techzone.jar migrate --jdbc-url ...)";
    }
}
