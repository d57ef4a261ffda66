package com.techzone.migrations;

import com.techzone.TechzoneException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The three least-privilege roles of a TechZone database, and the grants that make them so:
 * <ul>
 *   <li><b>owner</b> (default {@value #DEFAULT_OWNER}) runs the migrations and owns the objects;</li>
 *   <li><b>application</b> (default {@value #DEFAULT_APPLICATION}) reads and writes rows of the
 *       TechZone tables and nothing else: no DDL, no TRUNCATE, no access to the migration history;</li>
 *   <li><b>monitor</b> (default {@value #DEFAULT_MONITOR}) is a member of {@code pg_monitor} and may
 *       read the TechZone tables, for the health check.</li>
 * </ul>
 * The roles are created {@code LOGIN} without a password: set one out of band
 * ({@code ALTER ROLE ... PASSWORD}), so no password ever passes through this library. Applying is
 * idempotent. Run it as a superuser or a role with CREATEROLE before the owner migrates (default
 * privileges then grant the application and the monitor what the owner creates), and once more
 * after the first migration, which takes the migration history table away from the application.
 *
 * <pre>{@code
 * TechzoneRoles roles = TechzoneRoles.configure().schema("public").load();
 * roles.apply(adminDataSource);   // or print roles.script() and hand it to a DBA
 * }</pre>
 */
public final class TechzoneRoles {

    /** Default owner role: {@value}. */
    public static final String DEFAULT_OWNER = "techzone_owner";
    /** Default application role: {@value}. */
    public static final String DEFAULT_APPLICATION = "techzone_app";
    /** Default monitor role: {@value}. */
    public static final String DEFAULT_MONITOR = "techzone_monitor";


    private final String schema;
    private final String owner;
    private final String application;
    private final String monitor;

    private TechzoneRoles(Builder builder) {
        this.schema = builder.schema;
        this.owner = builder.owner;
        this.application = builder.application;
        this.monitor = builder.monitor;
    }

    /** Starts a configuration with the default names and schema {@code public}. */
    public static Builder configure() {
        return new Builder();
    }

    /** The owner role's name. */
    public String owner() {
        return owner;
    }

    /** The application role's name. */
    public String application() {
        return application;
    }

    /** The monitor role's name. */
    public String monitor() {
        return monitor;
    }

    /**
     * The SQL that creates the roles and grants their privileges, runnable as it is with psql;
     * {@link #apply(DataSource)} runs exactly this.
     */
    public String script() {
        return """
                -- TechZone least-privilege roles for schema %1$s: owner %2$s, application %3$s, monitor %4$s.
                -- Idempotent. Run as a superuser (or CREATEROLE) before the owner runs the migrations.
                -- The roles get no password here: set one with ALTER ROLE ... PASSWORD.
                DO $$
                BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%2$s') THEN CREATE ROLE %2$s LOGIN; END IF;
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%3$s') THEN CREATE ROLE %3$s LOGIN; END IF;
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%4$s') THEN CREATE ROLE %4$s LOGIN; END IF;
                    EXECUTE format('GRANT CREATE ON DATABASE %%I TO %2$s', current_database());
                END $$;
                CREATE SCHEMA IF NOT EXISTS %1$s AUTHORIZATION %2$s;
                GRANT USAGE, CREATE ON SCHEMA %1$s TO %2$s;

                -- Nobody but the owner creates objects in the schema (the default from PostgreSQL 15 on).
                REVOKE CREATE ON SCHEMA %1$s FROM PUBLIC;

                -- The application: rows of the TechZone tables, nothing else.
                GRANT USAGE ON SCHEMA %1$s TO %3$s;
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %1$s TO %3$s;
                GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %1$s TO %3$s;
                ALTER DEFAULT PRIVILEGES FOR ROLE %2$s IN SCHEMA %1$s
                    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %3$s;
                ALTER DEFAULT PRIVILEGES FOR ROLE %2$s IN SCHEMA %1$s
                    GRANT USAGE, SELECT ON SEQUENCES TO %3$s;

                -- The monitor: server statistics through pg_monitor, reading the tables, and reading (never
                -- advancing) the sequences, whose values the overflow check judges.
                GRANT pg_monitor TO %4$s;
                GRANT USAGE ON SCHEMA %1$s TO %4$s;
                GRANT SELECT ON ALL TABLES IN SCHEMA %1$s TO %4$s;
                GRANT SELECT ON ALL SEQUENCES IN SCHEMA %1$s TO %4$s;
                ALTER DEFAULT PRIVILEGES FOR ROLE %2$s IN SCHEMA %1$s GRANT SELECT ON TABLES TO %4$s;
                ALTER DEFAULT PRIVILEGES FOR ROLE %2$s IN SCHEMA %1$s GRANT SELECT ON SEQUENCES TO %4$s;

                -- The migration history is the owner's to write; the monitor may read it. It exists only after
                -- the first migration: apply this script again then (it is idempotent).
                DO $$
                BEGIN
                    IF to_regclass('%1$s.%5$s') IS NOT NULL THEN
                        REVOKE ALL ON %1$s.%5$s FROM %3$s;
                    END IF;
                END $$;
                """.formatted(schema, owner, application, monitor, TechzoneMigrations.DEFAULT_HISTORY_TABLE);
    }

    /**
     * Runs {@link #script()} on the data source, in one transaction.
     *
     * @param adminDataSource a connection as a superuser or a role with CREATEROLE
     * @throws TechzoneException naming the SQLState if the server refuses (e.g. missing privilege);
     *     nothing is changed then
     */
    public void apply(DataSource adminDataSource) {
        Objects.requireNonNull(adminDataSource, "adminDataSource");
        try (Connection c = adminDataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(script());
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new TechzoneException("Could not create the TechZone roles (" + owner + ", " + application + ", "
                    + monitor + "): " + e.getMessage(), e, e.getSQLState(), null);
        }
    }

    /** Fluent configuration of role names and schema. */
    public static final class Builder {
        private String schema = TechzoneMigrations.DEFAULT_SCHEMA;
        private String owner = DEFAULT_OWNER;
        private String application = DEFAULT_APPLICATION;
        private String monitor = DEFAULT_MONITOR;

        private Builder() {
        }

        /** The schema the roles work in (default: {@code public}). */
        public Builder schema(String schema) {
            this.schema = Identifiers.require("schema", schema);
            return this;
        }

        /** The owner role (default: {@value TechzoneRoles#DEFAULT_OWNER}). */
        public Builder owner(String owner) {
            this.owner = Identifiers.require("owner", owner);
            return this;
        }

        /** The application role (default: {@value TechzoneRoles#DEFAULT_APPLICATION}). */
        public Builder application(String application) {
            this.application = Identifiers.require("application", application);
            return this;
        }

        /** The monitor role (default: {@value TechzoneRoles#DEFAULT_MONITOR}). */
        public Builder monitor(String monitor) {
            this.monitor = Identifiers.require("monitor", monitor);
            return this;
        }

        /**
         * The immutable roles definition.
         *
         * @throws IllegalArgumentException if two roles share a name
         */
        public TechzoneRoles load() {
            if (owner.equals(application) || owner.equals(monitor) || application.equals(monitor)) {
                throw new IllegalArgumentException("owner, application and monitor must be three different roles, got: "
                        + owner + ", " + application + ", " + monitor);
            }
            return new TechzoneRoles(this);
        }
    }
}
