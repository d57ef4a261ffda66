package com.techzone.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class IdleCpuGroupTest {

    @Test
    void shouldMoveEveryThreadOfAProcessIntoAnIdleGroupAndRemoveTheGroupAfterIt() throws Exception {
        Optional<IdleCpuGroup> created = IdleCpuGroup.create("techzone-test-idle-" + ProcessHandle.current().pid());
        Assumptions.assumeTrue(created.isPresent(), "no writable CPU cgroup on this machine (needs root or a delegated subtree)");
        IdleCpuGroup group = created.get();
        Path directory = group.directory();
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(Files.readString(directory.resolve("cpu.idle")).trim()).isEqualTo("1");

            assertThat(group.add(sleeper.pid())).isTrue();

            assertThat(Files.readAllLines(Path.of("/proc", Long.toString(sleeper.pid()), "cgroup")))
                    .anyMatch(line -> line.endsWith("/" + directory.getFileName()));
            assertThat(Files.readString(directory.resolve("cgroup.procs")).lines()).containsExactly(Long.toString(sleeper.pid()));
            group.close();
            assertThat(directory).as("a group that still holds a process stays").exists();
        } finally {
            sleeper.destroyForcibly();
            sleeper.waitFor(10, TimeUnit.SECONDS);
            group.close();
        }
        assertThat(directory).doesNotExist();
    }

    @Test
    void shouldRefuseToAddAProcessThatDoesNotExist() {
        Optional<IdleCpuGroup> created = IdleCpuGroup.create("techzone-test-idle-none-" + ProcessHandle.current().pid());
        Assumptions.assumeTrue(created.isPresent(), "no writable CPU cgroup on this machine");
        try (IdleCpuGroup group = created.get()) {
            assertThat(group.add(Integer.MAX_VALUE)).isFalse();
        }
    }
}
