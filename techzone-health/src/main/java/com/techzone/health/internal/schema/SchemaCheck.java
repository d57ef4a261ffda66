package com.techzone.health.internal.schema;

import com.techzone.health.CheckGroup;
import com.techzone.health.internal.HealthCheck;

/** The common shape of group A checks: schema-only, in group SCHEMA. */
abstract class SchemaCheck implements HealthCheck {

    private final String id;
    private final String title;
    private final boolean scored;

    SchemaCheck(String name, String title, boolean scored) {
        this.id = "schema." + name;
        this.title = title;
        this.scored = scored;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final CheckGroup group() {
        return CheckGroup.SCHEMA;
    }

    @Override
    public final String title() {
        return title;
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
