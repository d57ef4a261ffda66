package com.techzone.examples.bench;

import com.techzone.core.TechzonePool;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A streaming replica of the embedded benchmark server, on the same machine, made from an online
 * base backup the way {@code pg_basebackup} makes one (the embedded binaries have none): a
 * replication slot keeps the WAL, {@code pg_backup_start}, a copy of the running data directory
 * without its WAL and runtime files, {@code pg_backup_stop}'s label as {@code backup_label}, then
 * {@code standby.signal} and {@code primary_conninfo}. The primary keeps running. {@link #close()}
 * stops the replica, deletes its directory and drops the slot.
 */
final class BenchReplica implements AutoCloseable {

    static final String SLOT = "techzone_bench_replica";

    /** Not copied at all. */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "tablespace_map", "pg_internal.init", "standby.signal");
    /** Copied as empty directories: WAL comes through the slot; the rest is runtime state. */
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp",
            "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

    private final BenchServer primary;
    private final Path directory;
    private final EmbeddedPostgres postgres;

    private BenchReplica(BenchServer primary, Path directory, EmbeddedPostgres postgres) {
        this.primary = primary;
        this.directory = directory;
        this.postgres = postgres;
    }

    /**
     * Makes and starts the replica; returns once it accepts connections.
     *
     * @throws IllegalStateException if the server is not the embedded one on this machine
     */
    static BenchReplica start(BenchServer server) throws SQLException, IOException {
        String[] hostPort = server.hostAndPort().orElseThrow(() -> new IllegalStateException("no host and port in the URL"));
        Path copy = Files.createTempDirectory("techzone-bench-replica-");
        try (Connection c = server.dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            boolean modern = c.getMetaData().getDatabaseMajorVersion() >= 15;
            Path data = Path.of(value(s, "SHOW data_directory"));
            s.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
            s.execute(modern ? "SELECT pg_backup_start('techzone-bench', true)" : "SELECT pg_start_backup('techzone-bench', true, false)");
            copy(data, copy);
            String label = value(s, modern ? "SELECT labelfile FROM pg_backup_stop(true)"
                    : "SELECT labelfile FROM pg_stop_backup(false, true)");
            Files.writeString(copy.resolve("backup_label"), label);
        } catch (SQLException | IOException | RuntimeException e) {
            delete(copy);
            dropSlot(server);
            throw e;
        }
        Files.createFile(copy.resolve("standby.signal"));
        Files.writeString(copy.resolve("postgresql.auto.conf"), "\nprimary_conninfo = 'host=" + hostPort[0] + " port="
                + hostPort[1] + " user=" + server.user() + " application_name=techzone_bench_replica'\n"
                + "primary_slot_name = '" + SLOT + "'\n", StandardOpenOption.APPEND);
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(copy).setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofMinutes(5))
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("max_connections", "100");
            BenchServer.DURABLE.forEach(builder::setServerConfig);
            return new BenchReplica(server, copy, builder.start());
        } catch (IOException | RuntimeException e) {
            delete(copy);
            dropSlot(server);
            throw e;
        }
    }

    /** A started pool of {@code size} connections to a database of the replica, with {@link TechzonePool}'s defaults. */
    HikariDataSource pool(String database, int size, String applicationName) {
        HikariConfig config = TechzonePool.config(postgres.getJdbcUrl("postgres", database), "postgres", null, applicationName);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(2_000);
        return new HikariDataSource(config);
    }

    /** The first column of the first row of a query on a database of the replica. */
    Object queryValue(String database, String sql) throws SQLException {
        try (Connection c = postgres.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1) : null;
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(directory);
            dropSlot(primary);
        }
    }

    private static String value(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Copies a running data directory; files the server removes meanwhile are skipped (the WAL replay recreates what matters). */
    private static void copy(Path data, Path target) throws IOException {
        Files.walkFileTree(data, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Path relative = data.relativize(dir);
                Files.createDirectories(target.resolve(relative.toString()));
                return relative.getNameCount() == 1 && EMPTIED_DIRECTORIES.contains(relative.toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!SKIPPED_FILES.contains(file.getFileName().toString())) {
                    try {
                        Files.copy(file, target.resolve(data.relativize(file).toString()));
                    } catch (NoSuchFileException e) {
                        // removed by the running server after the walk saw it
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void dropSlot(BenchServer server) {
        try (Connection c = server.dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'");
        } catch (SQLException e) {
            // the slot stays: a later run reports it when it tries to create it
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: left for the OS
        }
    }
}
