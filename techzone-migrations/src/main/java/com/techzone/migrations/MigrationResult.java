package com.techzone.migrations;

import java.util.List;

/**
 * What one {@link TechzoneMigrations#migrate()} call did.
 *
 * @param schema the schema that was migrated
 * @param fromVersion the schema version before the call, or null when the schema had no TechZone
 *     migrations yet
 * @param toVersion the schema version after the call
 * @param applied the migrations this call applied, in order; empty when the schema was current
 */
public record MigrationResult(String schema, String fromVersion, String toVersion, List<AppliedMigration> applied) {

    public MigrationResult {
        applied = List.copyOf(applied);
    }

    /** How many migrations this call applied. */
    public int migrationsApplied() {
        return applied.size();
    }

    /** True when the schema was already at the target version and nothing ran. */
    public boolean upToDate() {
        return applied.isEmpty();
    }

    /**
     * One migration applied by the call.
     *
     * @param version the migration's version, e.g. "3"
     * @param description its description, e.g. "create carts and orders"
     * @param executionMillis how long it ran
     */
    public record AppliedMigration(String version, String description, long executionMillis) {
    }
}
