package com.techzone.health;

import com.techzone.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Waits until the cumulative statistics show what a fixture did. PostgreSQL 15+ can flush them on
 * demand ({@code pg_stat_force_next_flush()}); on 14 the statistics collector receives them within
 * about half a second of the transaction's end.
 */
final class Statistics {

    /**
     * Run as the last statement of a fixture, in the fixture's own session: flushes that session's
     * statistics where the server can (15+). {@link #awaitVisible} then covers 14's collector delay.
     */
    static final String FLUSH = "DO $$ BEGIN IF to_regproc('pg_stat_force_next_flush') IS NOT NULL THEN "
            + "PERFORM pg_stat_force_next_flush(); END IF; END $$";

    private static final long TIMEOUT_MILLIS = 10_000;

    private Statistics() {
    }

    /** Polls a boolean query (in fresh snapshots) until it is true, for at most ten seconds. */
    static void awaitVisible(TestDatabase db, String condition) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            while (true) {
                s.execute("SELECT pg_stat_clear_snapshot()");
                try (ResultSet rs = s.executeQuery(condition)) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return;
                    }
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("Statistics did not show, within 10 s: " + condition);
                }
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
