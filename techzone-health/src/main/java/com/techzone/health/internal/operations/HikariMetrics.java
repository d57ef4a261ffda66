package com.techzone.health.internal.operations;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The only class that touches HikariCP; loaded only after {@link #available()} said it is on the classpath. */
final class HikariMetrics {

    record Snapshot(String name, int active, int idle, int total, int maximum, int waiting) {
    }

    private HikariMetrics() {
    }

    static boolean available() {
        try {
            Class.forName("com.zaxxer.hikari.HikariDataSource", false, HikariMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static boolean isHikari(DataSource dataSource) throws SQLException {
        return dataSource instanceof HikariDataSource || dataSource.isWrapperFor(HikariDataSource.class);
    }

    static Snapshot read(DataSource dataSource) throws SQLException {
        HikariDataSource hikari = dataSource instanceof HikariDataSource h ? h : dataSource.unwrap(HikariDataSource.class);
        HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
        if (pool == null) {
            return null;
        }
        return new Snapshot(hikari.getPoolName(), pool.getActiveConnections(), pool.getIdleConnections(),
                pool.getTotalConnections(), hikari.getMaximumPoolSize(), pool.getThreadsAwaitingConnection());
    }
}
