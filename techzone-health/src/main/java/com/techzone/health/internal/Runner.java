package com.techzone.health.internal;

import com.techzone.Secrets;
import com.techzone.health.CheckResult;
import com.techzone.health.Finding;
import com.techzone.health.HealthCheckException;
import com.techzone.health.HealthReport;
import com.techzone.health.Inventory;
import com.techzone.health.Score;
import com.techzone.health.Severity;
import com.techzone.health.Status;
import com.techzone.health.TechzoneHealth;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Runs the selected checks in one read-only transaction and assembles the report. */
public final class Runner {

    private static final String QUERY_CANCELED = "57014";

    private final DataSource dataSource;
    private final HealthOptions options;

    /** A runner for one data source and frozen options. */
    public Runner(DataSource dataSource, HealthOptions options) {
        this.dataSource = dataSource;
        this.options = options;
    }

    /**
     * Runs the checks.
     *
     * @throws HealthCheckException if no connection can be had or the session cannot be prepared
     */
    public HealthReport run() {
        Instant startedAt = Instant.now();
        long start = System.nanoTime();
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new HealthCheckException("Could not connect to the database: " + e.getMessage(), e, e.getSQLState());
        }
        try (connection) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                String url = connection.getMetaData().getURL();
                prepare(connection);
                String version = connection.getMetaData().getDatabaseProductVersion();
                CheckContext context = new CheckContext(OwnQueries.marking(connection), dataSource, options, url);
                List<CheckResult> results = runChecks(context);
                Inventory inventory = readInventory(context);
                Status status = Status.HEALTHY;
                for (CheckResult result : results) {
                    status = status.worse(result.status());
                }
                List<CheckResult> scored = results.stream().filter(CheckResult::scored).toList();
                Score score = new Score((int) scored.stream().filter(r -> r.status() == Status.HEALTHY).count(), scored.size());
                return new HealthReport(startedAt, describe(url), options.schema(), version, status, score, results,
                        inventory, Duration.ofNanos(System.nanoTime() - start));
            } finally {
                rollback(connection, null);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new HealthCheckException("Could not run the health check: " + e.getMessage(), e, e.getSQLState());
        }
    }

    /**
     * Rolls back to the savepoint (or the whole transaction when it is null). With a statement
     * timeout of a few milliseconds the rollback itself can be cancelled (PostgreSQL 14 times
     * transaction-control commands too); it is retried a few times, as it cannot do harm.
     */
    private static void rollback(Connection connection, Savepoint savepoint) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                if (savepoint == null) {
                    connection.rollback();
                } else {
                    connection.rollback(savepoint);
                }
                return;
            } catch (SQLException e) {
                if (!QUERY_CANCELED.equals(e.getSQLState()) || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /**
     * A savepoint before a check. With a statement timeout of a few milliseconds the {@code SAVEPOINT}
     * itself can be cancelled, which aborts the run's read-only transaction; it is then started again
     * ({@link #prepare}) and the savepoint retried a few times.
     */
    private Savepoint savepoint(Connection connection) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return connection.setSavepoint();
            } catch (SQLException e) {
                if (!QUERY_CANCELED.equals(e.getSQLState()) || attempt == 5) {
                    throw e;
                }
                rollback(connection, null);
                prepare(connection);
            }
        }
    }

    private void prepare(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("SET TRANSACTION READ ONLY");
            s.execute("SELECT " + OwnQueries.MARKER + " set_config('statement_timeout', '" + options.statementTimeout().toMillis() + "ms', true), "
                    + "set_config('lock_timeout', '" + options.lockTimeout().toMillis() + "ms', true), "
                    + "set_config('application_name', '" + TechzoneHealth.APPLICATION_NAME + "', true)");
        }
    }

    private List<CheckResult> runChecks(CheckContext context) throws SQLException {
        List<CheckResult> results = new ArrayList<>();
        for (HealthCheck check : Checks.all()) {
            if (!options.groups().contains(check.group()) || options.skippedChecks().contains(check.id())) {
                continue;
            }
            long start = System.nanoTime();
            List<Issue> issues;
            Savepoint savepoint = savepoint(context.connection());
            try {
                issues = check.run(context);
                context.connection().releaseSavepoint(savepoint);
            } catch (SQLException | RuntimeException | LinkageError e) {
                // LinkageError: a library on the host's class path (Flyway, pg-index-health) in a version
                // this check was not built for; it fails this check, never the host's probe.
                rollback(context.connection(), savepoint);
                issues = List.of(Failure.describe(check, e, options, context));
            }
            List<Finding> findings = new ArrayList<>();
            Status status = Status.HEALTHY;
            for (Issue issue : issues) {
                if (issue.severity != Severity.UNKNOWN && excluded(issue.object)) {
                    continue;
                }
                findings.add(new Finding(check.id(), issue.severity, Secrets.mask(issue.object), Secrets.mask(issue.message),
                        Secrets.mask(issue.measured), Secrets.mask(issue.threshold), Secrets.mask(issue.recommendation)));
                status = status.worse(issue.severity.status());
            }
            results.add(new CheckResult(check.id(), check.group(), check.title(), check.runtime(), check.scored(),
                    status, findings, Duration.ofNanos(System.nanoTime() - start)));
        }
        return results;
    }

    private Inventory readInventory(CheckContext context) throws SQLException {
        Savepoint savepoint = context.connection().setSavepoint();
        try {
            Inventory inventory = InventoryReader.read(context);
            context.connection().releaseSavepoint(savepoint);
            return inventory;
        } catch (SQLException | RuntimeException | LinkageError e) {
            context.connection().rollback(savepoint);
            return null;
        }
    }

    private boolean excluded(String object) {
        for (String name : options.excludedObjects()) {
            if (object.equals(name) || object.startsWith(name + ".") || object.endsWith("." + name)) {
                return true;
            }
        }
        return false;
    }

    /** "host:port/database" of a JDBC URL, without parameters or credentials. */
    static String describe(String url) {
        String text = url == null ? "" : url;
        int query = text.indexOf('?');
        if (query >= 0) {
            text = text.substring(0, query);
        }
        text = text.replaceFirst("^jdbc:postgresql:(//)?", "");
        int at = text.lastIndexOf('@');
        return Secrets.mask(at >= 0 ? text.substring(at + 1) : text);
    }
}
