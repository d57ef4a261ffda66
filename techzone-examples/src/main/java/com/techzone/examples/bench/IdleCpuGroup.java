package com.techzone.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Linux cgroup whose processes get the CPU only when nothing else wants it ({@code cpu.idle = 1}, Linux 5.15
 * on, cgroup v1's cpu controller or cgroup v2): the benchmark's stand-in for "another host" for a client process
 * that shares the database server's cores. {@code nice 19} is no such stand-in on Linux: with autogroups
 * ({@code kernel.sched_autogroup_enabled}, on by default) a process's nice value only ranks it within its own
 * session, and the postmaster, started through {@code pg_ctl}, has a session of its own, so the server's backends
 * share a core half and half with a niced client; and the EEVDF scheduler (Linux 6.6 on) lets even a low-weight
 * task finish its time slice before a waking backend runs. An idle group's task is preempted at once.
 * <p>
 * Creating one needs write access to the cgroup file system (root, or a delegated subtree); where that is missing
 * {@link #create} returns empty and the caller says so in its results.
 */
final class IdleCpuGroup implements AutoCloseable {

    /** cgroup v1's cpu controller, then the cgroup v2 hierarchy (where its root enables the cpu controller). */
    private static final List<Path> HIERARCHIES = List.of(Path.of("/sys/fs/cgroup/cpu"), Path.of("/sys/fs/cgroup"));

    private final Path directory;

    private IdleCpuGroup(Path directory) {
        this.directory = directory;
    }

    /** A new idle group named {@code name} in the first writable hierarchy that has {@code cpu.idle}; empty if none. */
    static Optional<IdleCpuGroup> create(String name) {
        for (Path hierarchy : HIERARCHIES) {
            if (!Files.isRegularFile(hierarchy.resolve("cpu.idle")) && !cpuControllerEnabled(hierarchy)) {
                continue;
            }
            Path directory = hierarchy.resolve(name);
            try {
                Files.createDirectories(directory);
                Files.writeString(directory.resolve("cpu.idle"), "1", StandardCharsets.US_ASCII);
                return Optional.of(new IdleCpuGroup(directory));
            } catch (IOException | SecurityException e) {
                removeQuietly(directory);
            }
        }
        return Optional.empty();
    }

    /** Moves a process, all its threads, into the group; false if the kernel refused. */
    boolean add(long pid) {
        try {
            Files.writeString(directory.resolve("cgroup.procs"), Long.toString(pid), StandardCharsets.US_ASCII);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Where the group lives, for the results' notes. */
    Path directory() {
        return directory;
    }

    /** Removes the group; the kernel refuses while a process is in it, so call this after they have exited. */
    @Override
    public void close() {
        removeQuietly(directory);
    }

    private static boolean cpuControllerEnabled(Path hierarchy) {
        Path subtree = hierarchy.resolve("cgroup.subtree_control");
        try {
            return Files.isRegularFile(subtree) && List.of(Files.readString(subtree).trim().split("\\s+")).contains("cpu");
        } catch (IOException e) {
            return false;
        }
    }

    private static void removeQuietly(Path directory) {
        try {
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // A group that still holds a process, or was never made: nothing to undo.
        }
    }
}
