package com.techzone.examples.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * CPU time spent by the processes of one round of a workload, read from Linux's {@code /proc}: the
 * local PostgreSQL server (its postmaster, every live child, and the children it has already reaped:
 * backends of closed connections, pgbench's among them), this JVM, and the child processes this JVM
 * has waited for (pgbench). All in nanoseconds of CPU (user + system), at the kernel's clock-tick
 * resolution (10 ms at the usual 100 ticks a second).
 *
 * <p>Only where the server runs on this machine: {@link #ofServer} is empty for a remote server, on a
 * system without {@code /proc}, or when the backend's parent is not a {@code postgres} process.
 */
final class ProcessCpu {

    private static final Path PROC = Path.of("/proc");
    private static final long NANOS_PER_TICK = 1_000_000_000L / clockTicks();

    private final long postmaster;

    private ProcessCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The postmaster behind {@code c}, when it is a process of this machine. */
    static Optional<ProcessCpu> ofServer(Connection c, BenchServer server) throws SQLException {
        Optional<String[]> hostPort = server.hostAndPort();
        if (hostPort.isEmpty() || !isLocal(hostPort.get()[0]) || !Files.isDirectory(PROC)) {
            return Optional.empty();
        }
        long backend;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            backend = rs.getLong(1);
        }
        return ProcessHandle.of(backend).flatMap(ProcessHandle::parent)
                .filter(p -> p.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false))
                .map(p -> new ProcessCpu(p.pid()));
    }

    private static boolean isLocal(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]");
    }

    /** The server's CPU so far: the postmaster, its live descendants, and the children it reaped. */
    long serverNanos() {
        long[] post = stat(postmaster);
        long ticks = post[0] + post[1] + post[2] + post[3];
        for (ProcessHandle child : ProcessHandle.of(postmaster).map(p -> p.descendants().toList()).orElse(List.of())) {
            long[] s = stat(child.pid());
            ticks += s[0] + s[1];
        }
        return ticks * NANOS_PER_TICK;
    }

    /** The server's processes now (pids), to pass to {@link #awaitGone} after a client has finished. */
    Set<Long> processes() {
        return ProcessHandle.of(postmaster).map(p -> p.descendants().map(ProcessHandle::pid)
                .collect(Collectors.toSet())).orElse(Set.of());
    }

    /**
     * Waits (up to 2 s) until the processes that started after {@code before} have ended and been
     * reaped: a backend's CPU reaches the postmaster's reaped-children total only then, and is read
     * nowhere while it is a zombie (measured: a pgbench run's single backend, read right after
     * pgbench exited, was missing from the total).
     */
    void awaitGone(Set<Long> before) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() - deadline < 0
                && processes().stream().anyMatch(pid -> !before.contains(pid))) {
            LockSupport.parkNanos(10_000_000L);
        }
    }

    /** This JVM's CPU so far, every thread (the operating system's figure, not the clock ticks). */
    static long jvmNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The CPU of the child processes this JVM has waited for (pgbench once it has exited). */
    static long reapedChildrenNanos() {
        long[] self = stat(ProcessHandle.current().pid());
        return (self[2] + self[3]) * NANOS_PER_TICK;
    }

    /** utime, stime, cutime, cstime in clock ticks; zeros for a process that has gone. */
    private static long[] stat(long pid) {
        try {
            String line = Files.readString(PROC.resolve(pid + "/stat"), StandardCharsets.US_ASCII);
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // After the name: state is field 3, so utime (14) .. cstime (17) are f[11] .. f[14].
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
