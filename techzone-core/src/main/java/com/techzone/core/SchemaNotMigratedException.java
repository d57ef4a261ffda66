package com.techzone.core;

import com.techzone.TechzoneException;
import java.util.List;

/**
 * The schema a {@link Techzone} was built for does not hold the TechZone tables: it was never
 * migrated, or the migrations ran into another schema. Thrown by {@link Techzone.Builder#build()},
 * before any DAO is handed out.
 */
public class SchemaNotMigratedException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    private final String schema;
    private final List<String> missingTables;

    /**
     * @param schema the schema the facade was configured with
     * @param missingTables the TechZone tables it lacks
     */
    public SchemaNotMigratedException(String schema, List<String> missingTables) {
        super("Schema \"" + schema + "\" does not hold the TechZone tables (missing: " + String.join(", ", missingTables)
                + "). Run TechzoneMigrations.configure(dataSource).schema(\"" + schema + "\").load().migrate() first, "
                + "or give Techzone.configure(...).schema(...) the schema the migrations used.");
        this.schema = schema;
        this.missingTables = List.copyOf(missingTables);
    }

    /** The schema the facade was configured with. */
    public String schema() {
        return schema;
    }

    /** The TechZone tables the schema lacks, in a fixed order. */
    public List<String> missingTables() {
        return missingTables;
    }
}
