package com.techzone.examples.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar techzone.jar <command>}: the TechZone command line.
 *
 * <p>Every command prints one clear line and exits non-zero when the database cannot be reached or
 * refuses the credentials; {@code --verbose} adds the stack trace. A usage error (unknown option, bad
 * value) is one line too, exit 2, except for {@code health} and for a missing or unknown command (a
 * monitor's typo in {@code health}), where anything that is not a judgement of the database exits 3
 * (UNKNOWN). Passwords are never printed and JDBC URLs are masked.
 */
@Command(name = "techzone",
        mixinStandardHelpOptions = true,
        versionProvider = TechzoneCli.Version.class,
        description = "TechZone Data: migrations, demo, health checks and benchmarks for the TechZone PostgreSQL schema.",
        subcommands = {DemoCommand.class, MigrateCommand.class, PartitionLedgersCommand.class, HealthCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class TechzoneCli implements Failures.ExitCodes {

    /**
     * Exit code for a missing or unknown command: 3, UNKNOWN in the monitoring plugins' convention, so
     * that a misspelt {@code health} in a cron or Nagios job never reads as CRITICAL (2).
     */
    static final int EXIT_UNKNOWN_COMMAND = 3;

    /** Exit code for a failure that is not a usage error: the database, the network, the data. */
    static final int EXIT_FAILURE = 1;

    @Override
    public int failureExitCode() {
        return EXIT_UNKNOWN_COMMAND;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on stdout/stderr and returns its exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output and error writers; for tests and embedding. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new TechzoneCli());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new Failures());
        commandLine.setParameterExceptionHandler(Failures::usage);
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    /** The jar's version, from its manifest when packaged. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TechzoneCli.class.getPackage().getImplementationVersion();
            return new String[] {"techzone " + (version == null ? "development build" : version)};
        }
    }
}
