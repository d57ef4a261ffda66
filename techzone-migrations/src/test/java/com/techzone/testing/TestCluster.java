package com.techzone.testing;

import com.techzone.migrations.TechzoneMigrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A private embedded PostgreSQL (zonky) for one test, for the topologies the shared
 * {@link TestPostgres} server cannot be: server settings of its own ({@code max_connections},
 * {@code superuser_reserved_connections}, ...), more databases, and a streaming replica made the
 * way the embedded binaries allow (they have no {@code pg_basebackup}): a cold copy of the stopped
 * primary's data directory with {@code standby.signal} and {@code primary_conninfo}.
 * Superuser {@code postgres}, no password (trust). {@link #close()} stops the server and deletes
 * its data directory.
 */
public final class TestCluster implements AutoCloseable {

    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

    private final Path dataDirectory;
    private final Map<String, String> settings;
    private EmbeddedPostgres postgres;
    /** The port, kept for {@link #restart()}: the tests' data sources name it. */
    private final int port;

    private TestCluster(Path dataDirectory, Map<String, String> settings, int port) {
        this.dataDirectory = dataDirectory;
        this.settings = settings;
        this.postgres = start(dataDirectory, settings, port);
        this.port = postgres.getPort();
    }

    /**
     * Starts a new server with the given settings (postgresql.conf names and values) on top of
     * {@code fsync = off} and {@code shared_preload_libraries = pg_stat_statements}.
     */
    public static TestCluster start(Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("fsync", "off", "shared_preload_libraries", "pg_stat_statements"));
        all.putAll(settings);
        try {
            return new TestCluster(Files.createTempDirectory("techzone-cluster-"), all, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A streaming replica of this server: this server is stopped, its data directory copied, then
     * both are started, the copy as a hot standby streaming from this one. Close the replica before
     * this server.
     */
    public TestCluster startReplica() {
        try {
            postgres.close();
            awaitStopped(dataDirectory);
            Path copy = Files.createTempDirectory("techzone-replica-");
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path target = copy.resolve(dataDirectory.relativize(source).toString());
                    if (NOT_COPIED.contains(source.getFileName().toString())) {
                        continue;
                    }
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
            Files.createFile(copy.resolve("standby.signal"));
            // In postgresql.auto.conf, not on the command line: zonky joins the settings into one pg_ctl -o string.
            Files.writeString(copy.resolve("postgresql.auto.conf"),
                    "primary_conninfo = 'host=localhost port=" + port + " user=postgres application_name=techzone_replica'\n",
                    StandardOpenOption.APPEND);
            postgres = start(dataDirectory, settings, port);
            return new TestCluster(copy, settings, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops this server (fast shutdown) and waits until it is down; its data directory and port stay
     * for {@link #restart()}. A replica stopped this way resumes streaming when restarted.
     */
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitStopped(dataDirectory);
    }

    /** Starts this server again after {@link #stop()}, on the same port and data directory. */
    public void restart() {
        postgres = start(dataDirectory, settings, port);
    }

    /** The JDBC URL of a database of this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** An unpooled data source for a database of this server, as the given role (no password). */
    public DataSource dataSource(String database, String user) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl(database));
        ds.setUser(user);
        ds.setApplicationName("techzone-tests");
        return ds;
    }

    /** An unpooled data source for a database of this server, as the superuser postgres. */
    public DataSource dataSource(String database) {
        return dataSource(database, "postgres");
    }

    /** Creates a database holding the migrated TechZone schema; returns its name. */
    public String createMigratedDatabase(String name) {
        execute("postgres", "CREATE DATABASE " + name);
        TechzoneMigrations.migrate(dataSource(name));
        return name;
    }

    /** Runs SQL statements on a database of this server, autocommitted, as postgres. */
    public void execute(String database, String... sql) {
        try (Connection c = dataSource(database).getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Test cluster refused SQL on " + database + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of a query on a database of this server. */
    public Object queryValue(String database, String sql) {
        try (Connection c = dataSource(database).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("Test cluster refused SQL on " + database + ": " + e.getMessage(), e);
        }
    }

    /** Polls a boolean query (every 20 ms, up to 30 s) until it is true; fails the test otherwise. */
    public void awaitTrue(String database, String sql) {
        for (int i = 0; i < 1500; i++) {
            if (Boolean.TRUE.equals(queryValue(database, sql))) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Never true within 30 s: " + sql);
    }

    @Override
    public void close() {
        try {
            postgres.close();
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Polls until the postmaster has removed its pid file: zonky's close gives pg_ctl 5 s, and a copy
     * taken while the shutdown checkpoint is still being written would be a torn data directory.
     */
    private static void awaitStopped(Path dataDirectory) {
        Path pid = dataDirectory.resolve("postmaster.pid");
        for (int i = 0; i < 3000 && Files.exists(pid); i++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (Files.exists(pid)) {
            throw new IllegalStateException("The server in " + dataDirectory + " did not stop within 60 s");
        }
    }

    private static EmbeddedPostgres start(Path dataDirectory, Map<String, String> settings, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        if (port != 0) {
            builder.setPort(port);
        }
        settings.forEach(builder::setServerConfig);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }
}
