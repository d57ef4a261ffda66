package com.techzone.core.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * Another session holding {@code SELECT ... FOR UPDATE} on one row, so that a workflow touching
 * that row blocks deterministically until the lock is released (or its backend is killed).
 */
final class RowLock implements AutoCloseable {

    private static final long WAIT_LIMIT_NANOS = 20_000_000_000L;

    private final Connection connection;
    private final int pid;

    private RowLock(Connection connection, int pid) {
        this.connection = connection;
        this.pid = pid;
    }

    /** Locks the row of {@code table} with this id until {@link #close()}. */
    static RowLock on(DataSource dataSource, String table, UUID id) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ? FOR UPDATE")) {
            s.setObject(1, id);
            s.executeQuery().close();
        }
        return new RowLock(c, query(c, "SELECT pg_backend_pid()", 0));
    }

    /**
     * The backend waiting for this lock; waits (polling, bounded) until one does.
     *
     * @throws IllegalStateException if none waits within 20 seconds
     */
    int awaitBlockedBackend() throws SQLException {
        long deadline = System.nanoTime() + WAIT_LIMIT_NANOS;
        while (System.nanoTime() < deadline) {
            int blocked = query(connection, "SELECT coalesce(min(pid), 0) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))", pid);
            if (blocked != 0) {
                return blocked;
            }
            LockSupport.parkNanos(10_000_000L);
        }
        throw new IllegalStateException("No backend waited for the lock held by backend " + pid);
    }

    /** Terminates a backend as an administrator would; returns whether the server signalled it. */
    boolean terminate(int backend) throws SQLException {
        return query(connection, "SELECT pg_terminate_backend(?)::int", backend) == 1;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }

    private static int query(Connection c, String sql, int parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                s.setInt(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
