package com.techzone.migrations;

import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * Every use of Flyway's API, so that {@link TechzoneMigrations} itself names no Flyway type and can
 * turn a Flyway of the wrong version (a {@link LinkageError} here) into a {@link MigrationException}.
 * Uses only API present from Flyway 10.0 to 13.x; the build tests both ends (profile oldest-deps).
 */
final class FlywayMigrator {

    /**
     * The version of the baseline marker written when the schema already holds the host's objects:
     * below V1, so every TechZone migration still runs.
     */
    static final String BASELINE_VERSION = "0";

    private final DataSource dataSource;
    private final String schema;
    private final String historyTable;
    private final String target;
    private final InvalidIndexRepair repair;
    private final Flyway flyway;

    FlywayMigrator(DataSource dataSource, String schema, String historyTable, String target) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.historyTable = historyTable;
        this.target = target;
        this.repair = new InvalidIndexRepair(schema, TechzoneMigrations.class.getClassLoader(),
                java.util.List.of(TechzoneMigrations.LOCATION.substring("classpath:".length())));
        this.flyway = load(false);
    }

    /**
     * The one place the TechZone Flyway is configured.
     *
     * @param baselineOnMigrate true only for the first migration of a schema that already holds
     *     other objects (the host's): Flyway then records a baseline at version 0 in OUR history
     *     table instead of refusing the non-empty schema
     */
    private Flyway load(boolean baselineOnMigrate) {
        FluentConfiguration configuration = Flyway.configure(TechzoneMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations(TechzoneMigrations.LOCATION)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table(historyTable)
                .target(target == null ? MigrationVersion.LATEST : MigrationVersion.fromVersion(target))
                .baselineOnMigrate(baselineOnMigrate)
                .baselineVersion(BASELINE_VERSION)
                .baselineDescription("TechZone beside existing objects")
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .javaMigrations(new V9__Index_stock_history_in_page_order(schema))
                .callbacks(repair, new ExtensionNoticeCallback());
        disableTransactionalLock(configuration);
        return configuration.load();
    }

    /**
     * Flyway's transaction-level PostgreSQL lock would make a migration that builds an index
     * CONCURRENTLY wait on its own lock; the session-level lock has no such problem.
     * getPluginRegister().getPlugin(Class) is the one way present from Flyway 10.0 to 13.x (deprecated
     * from 12 on, still there): getConfigurationExtension(Class) is missing from 10 and 11 (Spring Boot
     * 3.5's 11.7 fails with NoSuchMethodError), and Flyway 13 refuses the property form
     * flyway.postgresql.transactional.lock unless Jackson databind is on the class path.
     */
    @SuppressWarnings("deprecation")
    private static void disableTransactionalLock(FluentConfiguration configuration) {
        configuration.getPluginRegister().getPlugin(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
    }

    MigrationResult migrate(boolean besideOtherObjects) {
        try {
            // A run that failed (or whose backend died) in a migration that builds indexes
            // CONCURRENTLY is retried: its failed history row goes, its INVALID indexes are dropped
            // by the callback before the script runs again (InvalidIndexRepair).
            repair.forgetFailedRuns(dataSource, historyTable);
            Flyway migrating = besideOtherObjects ? load(true) : flyway;
            MigrateResult result = migrating.migrate();
            List<MigrationResult.AppliedMigration> applied = result.migrations.stream()
                    .map(m -> new MigrationResult.AppliedMigration(m.version, m.description, m.executionTime))
                    .toList();
            // Flyway takes its lock per migration, so instances migrating at once share the work:
            // the result's targetSchemaVersion is only the last version this instance applied
            // (V1, say, while another applied V2-V8.1). The version after the call is read back.
            MigrationInfo current = migrating.info().current();
            String to = current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
            return new MigrationResult(schema, ours(result.initialSchemaVersion), ours(to), applied);
        } catch (FlywayException e) {
            throw translate("migrate", e);
        }
    }

    void validate() {
        try {
            flyway.validate();
        } catch (FlywayException e) {
            throw translate("validate", e);
        }
    }

    /** The versions that migrate would apply now, oldest first. */
    List<String> pendingVersions() {
        try {
            return java.util.Arrays.stream(flyway.info().pending()).map(m -> m.getVersion().getVersion()).toList();
        } catch (FlywayException e) {
            throw translate("read the migration state of", e);
        }
    }

    String currentVersion() {
        try {
            MigrationInfo current = flyway.info().current();
            return current == null || current.getVersion() == null ? null : ours(current.getVersion().getVersion());
        } catch (FlywayException e) {
            throw translate("read the migration state of", e);
        }
    }

    String latestVersion() {
        try {
            MigrationInfo[] all = flyway.info().all();
            return all.length == 0 ? null : ours(all[all.length - 1].getVersion().getVersion());
        } catch (FlywayException e) {
            throw translate("read the migration state of", e);
        }
    }

    /** A version of ours, or null for the baseline marker, which is no TechZone migration. */
    private static String ours(String version) {
        return BASELINE_VERSION.equals(version) ? null : version;
    }

    private MigrationException translate(String action, FlywayException e) {
        String code = e.getErrorCode() == null ? "ERROR" : e.getErrorCode().toString();
        String detail = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()).strip();
        String message;
        if (e instanceof FlywayValidateException) {
            message = "The TechZone schema in \"" + schema + "\" does not match the packaged migrations. "
                    + "A released migration is never edited; restore it and add a new migration instead. "
                    + "Details: " + detail;
        } else {
            message = "Could not " + action + " the TechZone schema in \"" + schema + "\": " + detail;
        }
        return new MigrationException(message, code, e);
    }
}
