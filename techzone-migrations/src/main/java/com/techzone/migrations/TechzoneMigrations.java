package com.techzone.migrations;

import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * The TechZone schema migrations, packaged in this jar under {@value #LOCATION}.
 *
 * <pre>{@code
 * MigrationResult result = TechzoneMigrations.configure(dataSource)
 *         .schema("shop")
 *         .load()
 *         .migrate();
 * }</pre>
 *
 * <p>Loaded instances are immutable and thread-safe. Migrating is safe to repeat (an up-to-date
 * schema is left alone) and safe to run from several application instances at once: one applies
 * the migrations while the others wait on a session-level advisory lock, then find nothing to do.
 * Flyway's transaction-level PostgreSQL lock is turned off, so a migration that builds an index
 * {@code CONCURRENTLY} cannot wait on its own lock.
 */
public final class TechzoneMigrations {

    /** Classpath location of the migrations. */
    public static final String LOCATION = "classpath:db/migration/techzone";
    /** Default schema: {@value}. */
    public static final String DEFAULT_SCHEMA = "public";
    /** Default history table: {@value}. */
    public static final String DEFAULT_HISTORY_TABLE = "techzone_schema_history";


    private final String schema;
    private final Flyway flyway;
    private final InvalidIndexRepair repair;

    private TechzoneMigrations(Builder builder) {
        this.schema = builder.schema;
        this.repair = new InvalidIndexRepair(builder.schema, TechzoneMigrations.class.getClassLoader(),
                List.of("db/migration/techzone", "com/techzone/migrations/db"));
        FluentConfiguration configuration = Flyway.configure(TechzoneMigrations.class.getClassLoader())
                .dataSource(builder.dataSource)
                .locations(LOCATION, "classpath:com/techzone/migrations/db")
                .schemas(builder.schema)
                .defaultSchema(builder.schema)
                .createSchemas(true)
                .table(builder.historyTable)
                .target(builder.target == null ? MigrationVersion.LATEST : MigrationVersion.fromVersion(builder.target))
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .callbacks(repair);
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        this.flyway = configuration.load();
    }

    /**
     * Starts a configuration for the given data source.
     *
     * @param dataSource where the schema lives; connections are borrowed and returned per call
     * @throws NullPointerException if dataSource is null
     */
    public static Builder configure(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Migrates the schema {@value #DEFAULT_SCHEMA} of the data source to the latest version, with
     * the default history table. Shortcut for {@code configure(dataSource).load().migrate()}.
     */
    public static MigrationResult migrate(DataSource dataSource) {
        return configure(dataSource).load().migrate();
    }

    /**
     * Applies the pending migrations up to the target version.
     *
     * @return what was applied, from which version to which
     * @throws MigrationException if the server cannot be reached, a migration fails, or an applied
     *     migration differs from the packaged one; a failed migration leaves its changes rolled back
     */
    public MigrationResult migrate() {
        try {
            repair.forgetFailedRuns(flyway.getConfiguration().getDataSource(), flyway.getConfiguration().getTable());
            MigrateResult result = flyway.migrate();
            List<MigrationResult.AppliedMigration> applied = result.migrations.stream()
                    .map(m -> new MigrationResult.AppliedMigration(m.version, m.description, m.executionTime))
                    .toList();
            String to = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            return new MigrationResult(schema, result.initialSchemaVersion, to, applied);
        } catch (FlywayException e) {
            throw translate("migrate", e);
        }
    }

    /**
     * Checks that every applied migration matches the packaged one and none is pending.
     *
     * @throws MigrationException describing each mismatch, if there is one
     */
    public void validate() {
        try {
            flyway.validate();
        } catch (FlywayException e) {
            throw translate("validate", e);
        }
    }

    /** The version the schema is at now, or null when no TechZone migration has been applied. */
    public String currentVersion() {
        try {
            MigrationInfo current = flyway.info().current();
            return current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw translate("read the migration state of", e);
        }
    }

    /** The newest version packaged in this jar. */
    public String latestVersion() {
        try {
            MigrationInfo[] all = flyway.info().all();
            return all.length == 0 ? null : all[all.length - 1].getVersion().getVersion();
        } catch (FlywayException e) {
            throw translate("read the migration state of", e);
        }
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

    /** Fluent configuration; {@link #load()} turns it into an immutable {@link TechzoneMigrations}. */
    public static final class Builder {

        private final DataSource dataSource;
        private String schema = DEFAULT_SCHEMA;
        private String historyTable = DEFAULT_HISTORY_TABLE;
        private String target;

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The schema to migrate (default: {@value TechzoneMigrations#DEFAULT_SCHEMA}); created if missing.
         *
         * @throws IllegalArgumentException unless it is a lower-case SQL identifier of at most 63 characters
         */
        public Builder schema(String schema) {
            this.schema = Identifiers.require("schema", schema);
            return this;
        }

        /**
         * The Flyway history table (default: {@value TechzoneMigrations#DEFAULT_HISTORY_TABLE}), so the
         * TechZone migrations can live beside the host application's own Flyway history.
         *
         * @throws IllegalArgumentException unless it is a lower-case SQL identifier of at most 63 characters
         */
        public Builder historyTable(String historyTable) {
            this.historyTable = Identifiers.require("historyTable", historyTable);
            return this;
        }

        /**
         * Migrate up to this version and no further (default: the latest packaged version).
         *
         * @throws IllegalArgumentException unless it is a version such as "3" or "3.1"
         */
        public Builder target(String version) {
            if (version == null || !version.matches("\\d+(\\.\\d+)*")) {
                throw new IllegalArgumentException("target must be a migration version such as \"3\", got: " + version);
            }
            this.target = version;
            return this;
        }

        /** Builds the immutable migrations object; nothing touches the database yet. */
        public TechzoneMigrations load() {
            return new TechzoneMigrations(this);
        }
    }
}
