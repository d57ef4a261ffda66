package com.techzone.health;

import com.techzone.health.internal.HealthOptions;
import com.techzone.health.internal.Runner;
import com.techzone.health.internal.operations.PgBouncerConsole;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Inspects a live TechZone database and returns a {@link HealthReport}.
 *
 * <pre>{@code
 * HealthReport report = TechzoneHealth.configure(dataSource)
 *         .groups(CheckGroup.SCHEMA, CheckGroup.INDEXES, CheckGroup.OPERATIONS)
 *         .diskCapacityBytes(100L << 30)
 *         .build()
 *         .run();
 * System.out.println(ReportFormat.TEXT.render(report));
 * }</pre>
 *
 * <p>A run borrows one connection, opens a read-only transaction with {@code statement_timeout}
 * (default 5 s), {@code lock_timeout} (default 50 ms) and {@code application_name=techzone-health}
 * set locally, runs each check inside its own savepoint, and rolls back. A check that times out or
 * lacks a privilege comes back UNKNOWN and the others still run; so does one that meets a library
 * version it cannot use (a {@link LinkageError}). Every check reads the configured schema with
 * qualified names, whatever the connection's search_path. A run logs nothing at INFO and starts
 * no Flyway (the migration state is read from the history table with SQL), so it can serve a
 * host's health probe. Built instances are immutable and thread-safe; each {@link #run()} is
 * independent.
 */
public final class TechzoneHealth {

    /** The application_name a run sets: {@value}. */
    public static final String APPLICATION_NAME = "techzone-health";

    private final DataSource dataSource;
    private final HealthOptions options;

    private TechzoneHealth(DataSource dataSource, HealthOptions options) {
        this.dataSource = dataSource;
        this.options = options;
    }

    /**
     * Starts a configuration.
     *
     * @param dataSource the database to inspect; a HikariDataSource also gets its pool reported
     * @throws NullPointerException if dataSource is null
     */
    public static Builder configure(DataSource dataSource) {
        return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Runs the selected checks.
     *
     * @return the report; checks that could not run are in it as UNKNOWN
     * @throws HealthCheckException if no connection can be had or the session cannot be set up
     */
    public HealthReport run() {
        return new Runner(dataSource, options).run();
    }

    /** The options this instance runs with. */
    HealthOptions options() {
        return options;
    }

    /** Fluent configuration; {@link #build()} freezes it. Every setting has a default. */
    public static final class Builder {

        private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

        private final DataSource dataSource;
        private String schema = "public";
        private String historyTable = "techzone_schema_history";
        private final Set<CheckGroup> groups = EnumSet.copyOf(HealthOptions.DEFAULT_GROUPS);
        private final Set<String> skippedChecks = new LinkedHashSet<>();
        private final Set<String> excludedObjects = new LinkedHashSet<>();
        private final Map<Metric, Threshold> thresholds = new EnumMap<>(Metric.class);
        private Duration statementTimeout = Duration.ofSeconds(5);
        private Duration lockTimeout = Duration.ofMillis(50);
        private Long diskCapacityBytes;
        private Duration minimumStatisticsAge = Duration.ofDays(7);
        private int topStatements = 5;
        private long bloatMinimumBytes = 1L << 20;
        private ZoneId reportZone = ZoneId.of("UTC");
        private int salesReportDays = 7;
        private long cacheHitMinimumBlocks = 1_000_000;
        private boolean requireSsl;
        private DataSource pool;
        private PgBouncerConsole pgbouncerAdmin;
        private List<DataSource> replicas = List.of();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * The schema to inspect (default: public).
         *
         * @throws IllegalArgumentException unless a lower-case SQL identifier
         */
        public Builder schema(String schema) {
            this.schema = identifier("schema", schema);
            return this;
        }

        /**
         * The Flyway history table of the TechZone migrations (default: techzone_schema_history).
         *
         * @throws IllegalArgumentException unless a lower-case SQL identifier
         */
        public Builder historyTable(String historyTable) {
            this.historyTable = identifier("historyTable", historyTable);
            return this;
        }

        /**
         * The groups to run, replacing the selection (default: SCHEMA, INDEXES, OPERATIONS; DOMAIN
         * reads the TechZone tables and runs only when selected).
         *
         * @throws IllegalArgumentException if none is given
         */
        public Builder groups(CheckGroup... groups) {
            if (groups == null || groups.length == 0) {
                throw new IllegalArgumentException("groups: select at least one of " + Arrays.toString(CheckGroup.values()));
            }
            this.groups.clear();
            this.groups.addAll(Arrays.asList(groups));
            return this;
        }

        /**
         * Skips the checks with these ids (e.g. {@code ops.ssl}); unknown ids are ignored.
         *
         * @throws NullPointerException naming {@code checkIds} or its null element
         */
        public Builder skipChecks(String... checkIds) {
            skippedChecks.addAll(nonNull(checkIds, "checkIds"));
            return this;
        }

        /**
         * Drops findings about these objects: a name matches a finding's object exactly, its
         * unqualified last part, or every object under it ({@code orders} excludes
         * {@code orders.total}).
         *
         * @throws NullPointerException naming {@code objectNames} or its null element
         */
        public Builder exclude(String... objectNames) {
            excludedObjects.addAll(nonNull(objectNames, "objectNames"));
            return this;
        }

        /**
         * Replaces the default threshold of a metric (see {@link Metric} for the defaults).
         *
         * @throws IllegalArgumentException if a limit is negative or not a number, or the critical
         *     limit is on the wrong side of the warning limit
         */
        public Builder threshold(Metric metric, double warning, double critical) {
            Objects.requireNonNull(metric, "metric");
            if (!(warning >= 0) || !(critical >= 0)) {
                throw new IllegalArgumentException(metric + ": limits must be >= 0, got " + warning + " / " + critical);
            }
            if (metric.lowerIsWorse() ? critical > warning : critical < warning) {
                throw new IllegalArgumentException(metric + ": the critical limit (" + critical + ") must be "
                        + (metric.lowerIsWorse() ? "at or below" : "at or above") + " the warning limit (" + warning + ")");
            }
            thresholds.put(metric, new Threshold(warning, critical));
            return this;
        }

        /**
         * statement_timeout of every query of the run (default 5 s).
         *
         * @throws IllegalArgumentException unless between 1 ms and 10 minutes
         */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = duration("statementTimeout", timeout);
            return this;
        }

        /**
         * lock_timeout of every query of the run (default 50 ms): a check never queues behind DDL.
         *
         * @throws IllegalArgumentException unless between 1 ms and 10 minutes
         */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = duration("lockTimeout", timeout);
            return this;
        }

        /**
         * The disk capacity available to the database, in bytes. Without it disk usage is reported,
         * not judged (the server cannot know its volume size).
         *
         * @throws IllegalArgumentException unless positive
         */
        public Builder diskCapacityBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("diskCapacityBytes must be positive, got " + bytes);
            }
            this.diskCapacityBytes = bytes;
            return this;
        }

        /**
         * How old the cumulative statistics must be before runtime checks (unused indexes, tables
         * with missing indexes) judge them (default 7 days). Younger statistics are reported as
         * such, not judged. {@code Duration.ZERO} always judges.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder minimumStatisticsAge(Duration age) {
            if (age == null || age.isNegative()) {
                throw new IllegalArgumentException("minimumStatisticsAge must be zero or positive, got " + age);
            }
            this.minimumStatisticsAge = age;
            return this;
        }

        /**
         * How many of the slowest statements to list (default 5). Utility statements (DDL, SET,
         * VACUUM, ...) and the health check's own queries are never listed.
         *
         * @throws IllegalArgumentException unless between 0 and 100
         */
        public Builder topStatements(int count) {
            if (count < 0 || count > 100) {
                throw new IllegalArgumentException("topStatements must be between 0 and 100, got " + count);
            }
            this.topStatements = count;
            return this;
        }

        /**
         * Tables and indexes smaller than this are not judged for bloat (default 1 MiB): the
         * estimate is noise on a few pages.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder bloatMinimumBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("bloatMinimumBytes must be >= 0, got " + bytes);
            }
            this.bloatMinimumBytes = bytes;
            return this;
        }

        /**
         * The time zone whose calendar days the daily sales reports cover (default UTC), and how many
         * closed days back the sales-report check looks (default 7).
         *
         * @throws IllegalArgumentException if days is not between 1 and 366
         */
        public Builder salesReports(ZoneId zone, int days) {
            if (days < 1 || days > 366) {
                throw new IllegalArgumentException("days must be between 1 and 366, got " + days);
            }
            this.reportZone = Objects.requireNonNull(zone, "zone");
            this.salesReportDays = days;
            return this;
        }

        /**
         * How many block accesses (hits and reads) the database must have had before its cache hit
         * ratio is judged (default 1,000,000): a freshly started server reads everything from disk
         * once, and its ratio says nothing yet.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder cacheHitMinimumBlocks(long blocks) {
            if (blocks < 0) {
                throw new IllegalArgumentException("cacheHitMinimumBlocks must be >= 0, got " + blocks);
            }
            this.cacheHitMinimumBlocks = blocks;
            return this;
        }

        /**
         * Whether the caller requires SSL (default false). When true, a connection without SSL is a
         * WARNING whatever its origin; when false, only a remote client without SSL is, and a local
         * one is reported (INFO).
         */
        public Builder requireSsl(boolean required) {
            this.requireSsl = required;
            return this;
        }

        /**
         * The application's HikariCP pool to report in {@code ops.connection-pool}, when the checks
         * run on another data source (e.g. a monitoring role's). Default: the data source given to
         * {@link TechzoneHealth#configure(DataSource)}. Only its metrics are read; no connection is
         * borrowed from it.
         *
         * @throws NullPointerException if pool is null
         */
        public Builder pool(DataSource pool) {
            this.pool = Objects.requireNonNull(pool, "pool");
            return this;
        }

        /**
         * The read replicas the host reads from (for example those given to
         * {@code Techzone.configure(..).readReplicas(..)}), which {@code ops.replicas} connects to and
         * reports: reachable, in recovery, and replay lag judged by {@link Metric#REPLICATION_LAG_SECONDS}
         * (0 when the replica has replayed all it received from a running WAL receiver). Default: none.
         * The run itself stays on the data source given to {@link #configure}.
         *
         * @throws NullPointerException if the array or one of them is null
         */
        public Builder replicas(DataSource... replicas) {
            Objects.requireNonNull(replicas, "replicas");
            for (int i = 0; i < replicas.length; i++) {
                Objects.requireNonNull(replicas[i], "replicas[" + i + "]");
            }
            this.replicas = List.of(replicas);
            return this;
        }

        /**
         * PgBouncer's admin console, whose pools {@code ops.pgbouncer-pools} reports (clients waiting,
         * {@code cl_waiting}; the oldest wait, {@code maxwait}; active and idle server connections).
         * Default: none, and the check says it was not given one. The user must be in PgBouncer's
         * {@code admin_users} or {@code stats_users}; trust, password, md5 and SCRAM-SHA-256
         * authentication work. The check speaks the console's simple query protocol itself, over
         * plain TCP (no TLS: use a console on the same host or a trusted network); pgjdbc cannot open
         * the consoles of PgBouncer before 1.25 (it sends a SET they refuse).
         *
         * @param jdbcUrl e.g. {@code jdbc:postgresql://bouncer:6432/pgbouncer}; user and password may be in it as
         *     {@code ?user=...&password=...}, not before the host
         * @param user null for the URL's (or the driver's default)
         * @param password null for the URL's, or none; never logged or reported
         * @throws IllegalArgumentException unless a PostgreSQL JDBC URL naming the database {@code pgbouncer}, with no
         *     {@code user:password@} before the host (the message masks the password)
         */
        public Builder pgbouncerAdmin(String jdbcUrl, String user, String password) {
            this.pgbouncerAdmin = PgBouncerConsole.of(jdbcUrl, user, password);
            return this;
        }

        /** The names, or a {@link NullPointerException} naming the array or its first null element. */
        private static List<String> nonNull(String[] names, String setting) {
            Objects.requireNonNull(names, setting);
            for (int i = 0; i < names.length; i++) {
                Objects.requireNonNull(names[i], setting + "[" + i + "]");
            }
            return Arrays.asList(names);
        }

        /** Freezes the configuration; nothing touches the database yet. */
        public TechzoneHealth build() {
            Map<Metric, Threshold> all = new EnumMap<>(Metric.class);
            for (Metric metric : Metric.values()) {
                all.put(metric, thresholds.getOrDefault(metric, metric.defaultThreshold()));
            }
            HealthOptions options = new HealthOptions(schema, historyTable, EnumSet.copyOf(groups),
                    List.copyOf(new ArrayList<>(skippedChecks)), List.copyOf(new ArrayList<>(excludedObjects)), all,
                    statementTimeout, lockTimeout, diskCapacityBytes, minimumStatisticsAge, topStatements,
                    bloatMinimumBytes, reportZone, salesReportDays, cacheHitMinimumBlocks, requireSsl, pool, pgbouncerAdmin, replicas);
            return new TechzoneHealth(dataSource, options);
        }

        private static String identifier(String setting, String value) {
            if (value == null || !IDENTIFIER.matcher(value).matches()) {
                throw new IllegalArgumentException(setting + " must be a lower-case SQL identifier "
                        + "(letters, digits, underscores; at most 63 characters), got: " + value);
            }
            return value;
        }

        private static Duration duration(String setting, Duration value) {
            if (value == null || value.toMillis() < 1 || value.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new IllegalArgumentException(setting + " must be between 1 ms and 10 minutes, got " + value);
            }
            return value;
        }
    }
}
