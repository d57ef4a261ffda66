package com.techzone.migrations;

import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.function.Supplier;
import javax.sql.DataSource;

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
 *
 * <p>A guest in the host's database: the migrations live under {@value #LOCATION}, outside the
 * {@code db/migration} folder that the host's own Flyway (and Spring Boot) scan by default, so the
 * host never applies them. A schema that already holds the host's tables but no TechZone history is
 * migrated beside them (a baseline marker at version 0 goes into the TechZone history table only).
 * The extension {@code btree_gist}, which the bookings exclusion constraint needs, is created in a
 * schema of its own, {@value #EXTENSION_SCHEMA}, so dropping one tenant schema never takes another
 * tenant's constraint with it.
 *
 * <p>Works with Flyway {@value #SUPPORTED_FLYWAY}. A Flyway outside that range surfaces as a
 * {@link MigrationException} naming the version found, never as a {@link LinkageError}.
 */
public final class TechzoneMigrations {

    /** Classpath location of the migrations. */
    public static final String LOCATION = "classpath:com/techzone/migrations/db";
    /** Default schema: {@value}. */
    public static final String DEFAULT_SCHEMA = "public";
    /** Default history table: {@value}. */
    public static final String DEFAULT_HISTORY_TABLE = "techzone_schema_history";
    /** The schema that holds the extension {@code btree_gist} when TechZone creates it: {@value}. */
    public static final String EXTENSION_SCHEMA = "techzone_extensions";
    /** The Flyway versions this library works with: {@value}. */
    public static final String SUPPORTED_FLYWAY = "10.x to 13.x";

    private final DataSource dataSource;
    private final String schema;
    private final String historyTable;
    private final FlywayMigrator flyway;

    private TechzoneMigrations(Builder builder) {
        this.dataSource = builder.dataSource;
        this.schema = builder.schema;
        this.historyTable = builder.historyTable;
        this.flyway = flywayCall(() -> new FlywayMigrator(builder.dataSource, builder.schema, builder.historyTable,
                builder.target));
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
     * Applies the pending migrations up to the target version. First, in a short transaction of
     * its own, makes sure {@code btree_gist} lives outside every tenant schema (see
     * {@link #EXTENSION_SCHEMA}). Borrows at most two connections at once (Flyway's).
     *
     * @return what was applied, from which version to which
     * @throws MigrationException if the server cannot be reached, a migration fails, an applied
     *     migration differs from the packaged one, the schema holds TechZone tables recorded under
     *     another history table, or the application's Flyway is not one of {@value #SUPPORTED_FLYWAY}
     *     (error code {@code INCOMPATIBLE_FLYWAY}); a failed migration leaves its changes rolled back.
     *     Error code {@code TRANSACTION_POOLER} when versions are pending and the data source goes
     *     through a transaction pooler (PgBouncer {@code pool_mode=transaction}), where the lock
     *     cannot hold: nothing is changed then; migrate through a direct connection (or a session
     *     pooler) instead. Through a transaction pooler an up-to-date schema is reported as such.
     */
    public MigrationResult migrate() {
        String pooler;
        try {
            pooler = TransactionPoolerGuard.transactionPoolerEvidence(dataSource);
        } catch (SQLException e) {
            throw new MigrationException("Could not migrate the TechZone schema in \"" + schema + "\": "
                    + e.getMessage(), "CONNECTION", e);
        }
        if (pooler != null) {
            List<String> pending = flywayCall(flyway::pendingVersions);
            if (!pending.isEmpty()) {
                throw TransactionPoolerGuard.refusal(schema, pooler, pending);
            }
            validate();                       // read-only: what migrate would have checked
            String version = currentVersion();
            return new MigrationResult(schema, version, version, List.of());
        }
        boolean besideOtherObjects = Preparation.prepare(dataSource, schema, historyTable);
        return flywayCall(() -> flyway.migrate(besideOtherObjects));
    }

    /**
     * Checks that every applied migration matches the packaged one and none is pending.
     *
     * @throws MigrationException describing each mismatch, if there is one
     */
    public void validate() {
        flywayCall(() -> {
            flyway.validate();
            return null;
        });
    }

    /** The version the schema is at now, or null when no TechZone migration has been applied. */
    public String currentVersion() {
        return flywayCall(flyway::currentVersion);
    }

    /** The newest version packaged in this jar. */
    public String latestVersion() {
        return flywayCall(flyway::latestVersion);
    }

    /**
     * Runs Flyway code; a Flyway of another version than this library was built for fails with an
     * Error (NoSuchMethodError, NoClassDefFoundError, ...), which a host's per-call isolation (a
     * health endpoint, a startup runner) does not catch: it becomes a MigrationException here.
     */
    private static <T> T flywayCall(Supplier<T> call) {
        try {
            return call.get();
        } catch (LinkageError | ServiceConfigurationError e) {
            throw new MigrationException("The TechZone migrations work with Flyway " + SUPPORTED_FLYWAY
                    + " (flyway-core and flyway-database-postgresql of one version); this application has "
                    + FlywayVersion.describe() + ". Use a supported Flyway version. Details: " + e,
                    "INCOMPATIBLE_FLYWAY", e);
        }
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

        /**
         * Builds the immutable migrations object; nothing touches the database yet.
         *
         * @throws MigrationException with error code {@code INCOMPATIBLE_FLYWAY} if the Flyway on the
         *     class path is not one of {@value TechzoneMigrations#SUPPORTED_FLYWAY}
         */
        public TechzoneMigrations load() {
            return new TechzoneMigrations(this);
        }
    }
}
