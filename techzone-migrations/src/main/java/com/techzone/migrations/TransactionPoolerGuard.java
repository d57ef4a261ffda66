package com.techzone.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Detects a transaction pooler (PgBouncer {@code pool_mode=transaction}), through which migrations
 * refuse to apply anything: there Flyway's session-level advisory lock holds nothing, the lock and
 * the migrations land on different server connections, concurrent instances apply the same migration
 * at once, and the schema is left half-migrated.
 *
 * <p>A direct connection is recognised at once and for certain: with pgjdbc, the backend key the
 * server sent at login names the backend that answers {@code pg_backend_pid()}; PgBouncer gives its
 * clients keys of its own. Behind a pooler, a probe (two connections, six one-row queries, repeated
 * up to five times) tells session from transaction pooling, with no false alarm: through a session
 * pooler a client connection keeps one server backend, so {@code pg_backend_pid()} never changes
 * between its transactions. A transaction pooler shows itself
 * by moving the client to another backend: two clients each hold a transaction (so two backends are
 * in the pool), end them in a known order, and the first client then runs two more transactions.
 * PgBouncer hands out its most recently released backend first by default ({@code
 * server_round_robin=0}: the second client's) and rotates them otherwise ({@code
 * server_round_robin=1}: the first client's, then the second's); either way a pid changes, unless
 * other clients take those connections in between, which is why the probe is repeated.
 */
final class TransactionPoolerGuard {

    static final String ERROR_CODE = "TRANSACTION_POOLER";

    private static final String PID = "SELECT pg_backend_pid()";
    private static final int SECOND_CONNECTION_TIMEOUT_MILLIS = 10_000;
    private static final int ROUNDS = 5;

    private TransactionPoolerGuard() {
    }

    /**
     * What shows the data source to be a transaction pooler, or null when it is not one.
     *
     * @throws SQLException when the server cannot be asked (the caller turns it into a MigrationException)
     */
    static String transactionPoolerEvidence(DataSource dataSource) throws SQLException {
        if (direct(dataSource)) {
            return null;
        }
        // A pooler (or a driver whose backend key cannot be read): its mode shows only by chance in
        // one round when other clients use the pool at the same time, so look several times.
        for (int round = 0; round < ROUNDS; round++) {
            String evidence = probe(dataSource);
            if (evidence != null) {
                return evidence;
            }
        }
        return null;
    }

    /**
     * True when pgjdbc's backend key (sent by whatever the client connected to) names the backend
     * that runs the queries: PostgreSQL itself. PgBouncer gives its clients keys of its own.
     */
    private static boolean direct(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Integer keyPid = pgjdbcBackendKeyPid(connection);
            return keyPid != null && keyPid == pid(connection);
        }
    }

    /** pgjdbc's {@code PGConnection.getBackendPID()}, read reflectively (pgjdbc is not a dependency); null for other drivers. */
    private static Integer pgjdbcBackendKeyPid(Connection connection) {
        try {
            Class<?> pgConnection = Class.forName("org.postgresql.PGConnection", false, connection.getClass().getClassLoader());
            if (!connection.isWrapperFor(pgConnection)) {
                return null;
            }
            Object unwrapped = connection.unwrap(pgConnection);
            return (Integer) pgConnection.getMethod("getBackendPID").invoke(unwrapped);
        } catch (ReflectiveOperationException | SQLException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static String probe(DataSource dataSource) throws SQLException {
        Set<Integer> backends = new LinkedHashSet<>();
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            backends.add(pid(first));
            Connection second = secondConnection(dataSource);
            if (second != null) {
                try (second) {
                    // A pooler with one server connection makes the second client wait for the
                    // first; a direct server never queues a connection it has accepted.
                    second.setNetworkTimeout(Runnable::run, SECOND_CONNECTION_TIMEOUT_MILLIS);
                    second.setAutoCommit(false);
                    try {
                        pid(second);
                    } catch (SQLException e) {
                        return "a second connection waited " + SECOND_CONNECTION_TIMEOUT_MILLIS / 1000
                                + " s for a server connection while the first held a transaction, as a pooler with "
                                + "a single server connection does";
                    }
                    first.commit();
                    second.commit();
                }
            }
            for (int i = 0; i < 2; i++) {
                first.commit();
                backends.add(pid(first));
            }
            first.commit();
        }
        return backends.size() > 1 ? "one client connection ran its transactions on server backends " + backends : null;
    }

    /** A second connection, or null when the data source has none to spare (a pool of one). */
    private static Connection secondConnection(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            return null;
        }
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(PID)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The refusal to apply the pending versions through a transaction pooler. */
    static MigrationException refusal(String schema, String evidence, List<String> pending) {
        return new MigrationException("Refusing to migrate the TechZone schema in \"" + schema + "\" (pending versions "
                + pending + "): the data source goes through a transaction pooler (" + evidence
                + "), e.g. PgBouncer with pool_mode=transaction. "
                + "There Flyway's session-level lock cannot keep concurrent instances apart, and a migration could "
                + "half-apply. Migrate through a direct connection to PostgreSQL (the server's own host and port, "
                + "typically 5432, not PgBouncer's 6432), or through a PgBouncer database in pool_mode=session; "
                + "nothing was changed. Once migrated, migrate() through the pooler finds nothing to do and succeeds.",
                ERROR_CODE, null);
    }
}
