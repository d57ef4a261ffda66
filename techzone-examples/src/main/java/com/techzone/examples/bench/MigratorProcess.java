package com.techzone.examples.bench;

import com.techzone.migrations.MigrationResult;
import com.techzone.migrations.TechzoneMigrations;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The migrations of {@code migrate-live}, applied from a JVM of their own, as a deploy applies them (a job or the
 * new release's start-up), not from the process that serves the load, where Flyway's class loading, scanning
 * and allocations would share the load's JVM and be counted against the migration. The child reads one command
 * per line on its standard input ({@code migrate <version>|latest}, {@code quit}) and answers each on its
 * standard output with one line: {@code ok <to version>} followed by {@code <version>\t<description>\t<ms>}
 * per applied migration and an empty line, or {@code error <message>}.
 * The password comes in the environment variable {@code TECHZONE_PASSWORD}, never on the command line.
 */
final class MigratorProcess implements AutoCloseable {

    static final String PASSWORD_ENV = "TECHZONE_PASSWORD";
    /** Migrates with nothing to apply that the child runs before it says it is ready, so its code is compiled. */
    static final int WARM_UP_CALLS = 3;
    /**
     * The child's connections, all opened at its start: a migrate opens several (Flyway's two, the preparation's,
     * the transaction-pooler guard's), and each new PostgreSQL connection forks a backend, which on this 2-core
     * machine measurably slowed the checkouts (10 connections opened during the load: their p99 8.8x, a
     * migrate with nothing to apply through unpooled connections: 9.8x). A deploy's migrator reuses its pool's.
     */
    static final int POOL_SIZE = 6;
    private static final String READY = "ready";
    /** {@code nice}, if the machine has it (Linux, macOS). */
    static final Optional<Path> NICE = Stream.of("/usr/bin/nice", "/bin/nice").map(Path::of)
            .filter(Files::isExecutable).findFirst();

    private final Process process;
    private final Optional<IdleCpuGroup> idleGroup;
    private final BufferedReader answers;
    private final PrintStream commands;

    private MigratorProcess(Process process, Optional<IdleCpuGroup> idleGroup) {
        this.process = process;
        this.idleGroup = idleGroup;
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /**
     * Starts the child JVM (this JVM's java and class path) for one database and waits until it has opened its
     * connections, loaded Flyway and run a migrate with nothing to apply {@value #WARM_UP_CALLS} times. In
     * production the migrator runs on a host of its own, so its client CPU does not compete with the database
     * server; here it runs in an {@link IdleCpuGroup} where the machine lets the benchmark make one, else at
     * {@code nice 19} where {@code nice} exists ({@link #isolation()} says which). The server's own work for the
     * migration (its backends) is not lowered: that is what the workload measures.
     */
    static MigratorProcess start(BenchServer server, String database, String applicationName) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        if (NICE.isPresent()) {
            command.addAll(List.of(NICE.get().toString(), "-n", "19"));
        }
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"),
                MigratorProcess.class.getName(), BenchServer.withDatabase(server.url(), database),
                server.user() == null ? "" : server.user(), applicationName));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        server.password().ifPresent(p -> builder.environment().put(PASSWORD_ENV, p));
        Process process = builder.start();
        Optional<IdleCpuGroup> group = IdleCpuGroup.create("techzone-bench-migrator-" + ProcessHandle.current().pid())
                .filter(g -> {
                    if (g.add(process.pid())) {
                        return true;
                    }
                    g.close();
                    return false;
                });
        MigratorProcess child = new MigratorProcess(process, group);
        String first = child.answers.readLine();
        if (!READY.equals(first)) {
            child.close();
            throw new IllegalStateException("the migrator process did not start: " + first);
        }
        return child;
    }

    /** How the child's CPU is kept from the server's cores, for the results' notes. */
    String isolation() {
        return idleGroup.map(g -> "an idle CPU cgroup (" + g.directory() + "/cpu.idle = 1)")
                .orElse(NICE.isEmpty() ? "none (neither a writable CPU cgroup nor nice)"
                        : autogroups() ? "nice 19 (no writable CPU cgroup: with autogroups it ranks the child only "
                        + "within its own session, so the server's backends still share the cores with it)"
                        : "nice 19 (no writable CPU cgroup; a niced task may still finish its time slice before a "
                        + "woken backend runs)");
    }

    /** Whether Linux groups tasks by session for CPU fairness ({@code kernel.sched_autogroup_enabled}), where nice acts within a session only. */
    private static boolean autogroups() {
        try {
            return "1".equals(Files.readString(Path.of("/proc/sys/kernel/sched_autogroup_enabled")).trim());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Applies the migrations up to {@code target} ("latest" for all) in the child and returns what it applied. */
    MigrationResult migrate(String target) throws IOException {
        commands.println("migrate " + target);
        String status = answers.readLine();
        if (status == null || !status.startsWith("ok ")) {
            throw new IllegalStateException("the migrator process failed: " + status);
        }
        List<MigrationResult.AppliedMigration> applied = new ArrayList<>();
        for (String line = answers.readLine(); line != null && !line.isEmpty(); line = answers.readLine()) {
            String[] parts = line.split("\t", 3);
            applied.add(new MigrationResult.AppliedMigration(parts[0], parts[1], Long.parseLong(parts[2])));
        }
        return new MigrationResult(TechzoneMigrations.DEFAULT_SCHEMA, null, status.substring(3), applied);
    }

    @Override
    public void close() {
        commands.println("quit");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        // A group is removed only once empty: after the child exited (else it stays, and says so by existing).
        idleGroup.ifPresent(IdleCpuGroup::close);
    }

    /** The child: {@code MigratorProcess <jdbc url> <user or ""> <application name>}. */
    public static void main(String[] args) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(args[0]);
        if (!args[1].isEmpty()) {
            config.setUsername(args[1]);
        }
        String password = System.getenv(PASSWORD_ENV);
        if (password != null) {
            config.setPassword(password);
        }
        config.addDataSourceProperty("ApplicationName", args[2]);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        config.setPoolName("techzone-bench-migrator");
        PrintStream out = System.out;
        HikariDataSource dataSource = new HikariDataSource(config);
        // Opens every connection and loads and compiles Flyway's code before the parent starts measuring.
        for (Instant deadline = Instant.now().plusSeconds(10);
             dataSource.getHikariPoolMXBean().getTotalConnections() < POOL_SIZE && Instant.now().isBefore(deadline); ) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        String current = TechzoneMigrations.configure(dataSource).load().currentVersion();
        for (int i = 0; i < WARM_UP_CALLS; i++) {
            TechzoneMigrations.configure(dataSource).target(current).load().migrate();
        }
        out.println(READY);
        out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                String target = line.substring("migrate ".length());
                try {
                    TechzoneMigrations.Builder builder = TechzoneMigrations.configure(dataSource);
                    MigrationResult result = (target.equals("latest") ? builder : builder.target(target)).load().migrate();
                    out.println("ok " + result.toVersion());
                    result.applied().forEach(m -> out.println(m.version() + "\t" + m.description() + "\t" + m.executionMillis()));
                    out.println();
                } catch (RuntimeException e) {
                    out.println("error " + e.getMessage().replace('\n', ' '));
                }
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            dataSource.close();
        }
    }
}
