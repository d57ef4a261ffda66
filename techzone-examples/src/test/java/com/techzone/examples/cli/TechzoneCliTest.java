package com.techzone.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The top-level command: a missing or unknown command is UNKNOWN (3), never CRITICAL (2). */
class TechzoneCliTest {

    @Test
    void shouldExitUnknownWithOneLineForAMissingOrUnknownCommand() {
        for (String[] args : new String[][] {{}, {"helth", "--jdbc-url", "jdbc:postgresql://db/shop"}, {"--bogus"}}) {
            CliRun run = CliRun.of(args);

            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(3);
            assertThat(run.err().lines()).as(String.join(" ", args)).hasSize(1).first().asString()
                    .startsWith("error: ").endsWith("(see 'techzone --help')");
        }
    }

    @Test
    void shouldPrintEveryCommandsHelpWithoutAnUnresolvedVariable() {
        for (String command : new picocli.CommandLine(new TechzoneCli()).getSubcommands().keySet()) {
            CliRun run = CliRun.of(command, "--help");

            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: techzone " + command)
                    .doesNotContain("null").doesNotContain("${");
        }
    }

    @Test
    void shouldKeepTheUsageExitCodeOfACommandThatIsNotAJudgement() {
        CliRun run = CliRun.of("migrate", "--bogus");

        assertThat(run.exitCode()).isEqualTo(2);
    }
}
