package com.techzone.health.internal.schema;

import com.techzone.health.internal.HealthCheck;
import java.util.List;

/** Group A: the six scored schema checks, then migration state, drift and the partitioned ledgers' upkeep. */
public final class SchemaChecks {

    private SchemaChecks() {
    }

    /** The checks of group A in run order. */
    public static List<HealthCheck> all() {
        return List.of(new TablesPresentCheck(), new ForeignKeysCheck(), new ForeignKeyIndexesCheck(),
                new CheckConstraintsCheck(), new EnumTypesCheck(), new ColumnTypesCheck(),
                new MigrationStateCheck(), new SchemaDriftCheck(), new LedgerPartitionsCheck());
    }
}
