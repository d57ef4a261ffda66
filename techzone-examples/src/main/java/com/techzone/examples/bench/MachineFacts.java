package com.techzone.examples.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The conditions a run measured under, printed and written with the results: numbers from two
 * machines, or from two server configurations, are not comparable.
 *
 * @param cores processors available to the JVM
 * @param jvm JVM name and version
 * @param os operating system and architecture
 * @param server "embedded" or "external"
 * @param jdbcUrl the server's URL, password masked
 * @param postgresVersion {@code server_version}
 * @param synchronousCommit {@code synchronous_commit} as a benchmark session sees it
 * @param fsync {@code fsync}
 * @param fullPageWrites {@code full_page_writes}
 * @param sharedBuffers {@code shared_buffers}
 */
public record MachineFacts(int cores, String jvm, String os, String server, String jdbcUrl, String postgresVersion,
                           String synchronousCommit, String fsync, String fullPageWrites, String sharedBuffers) {

    /**
     * Reads the JVM's facts and the server's settings.
     *
     * @throws SQLException if the server cannot be queried
     */
    public static MachineFacts read(BenchServer server, DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            return new MachineFacts(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                    server.kind(), server.maskedUrl(), show(s, "server_version"), show(s, "synchronous_commit"),
                    show(s, "fsync"), show(s, "full_page_writes"), show(s, "shared_buffers"));
        }
    }

    /** True when commits wait for the disk: synchronous_commit and fsync both on. */
    public boolean durableCommits() {
        return "on".equals(synchronousCommit) && "on".equals(fsync);
    }

    /** The facts as JSON-ready fields (snake_case keys). */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", cores);
        m.put("jvm", jvm);
        m.put("os", os);
        m.put("server", server);
        m.put("jdbc_url", jdbcUrl);
        m.put("postgres_version", postgresVersion);
        m.put("synchronous_commit", synchronousCommit);
        m.put("fsync", fsync);
        m.put("full_page_writes", fullPageWrites);
        m.put("shared_buffers", sharedBuffers);
        m.put("durable_commits", durableCommits());
        return m;
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
