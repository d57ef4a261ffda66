package com.techzone.examples.cli;

import com.techzone.Secrets;
import com.techzone.TechzoneException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one readable line on stderr and an exit code. The
 * stack trace follows only with {@code --verbose}. The line and the trace pass through {@link Secrets#mask}
 * so no password leaks, whatever a driver put in them.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        Object command = commandLine.getCommand();
        boolean verbose = command instanceof VerboseAware v && v.verbose();
        commandLine.getErr().println("error: " + Secrets.mask(describe(e)));
        if (verbose) {
            // The trace is masked too: a driver's message may quote the URL, its credentials included.
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            commandLine.getErr().print(Secrets.mask(trace.toString()));
            commandLine.getErr().flush();
        }
        return command instanceof ExitCodes codes ? codes.failureExitCode() : TechzoneCli.EXIT_FAILURE;
    }

    /**
     * A usage error (unknown option, bad value): one line on stderr naming what was wrong and where
     * the help is. Exits as the command's failures do where it has its own codes (the health check:
     * 3 UNKNOWN, since a monitor must not read a typo as CRITICAL), else picocli's usage code 2.
     */
    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        String message = e.getMessage() == null ? "invalid arguments" : e.getMessage().strip().lines().findFirst().orElseThrow();
        commandLine.getErr().println("error: " + Secrets.mask(message) + " (see '"
                + commandLine.getCommandSpec().qualifiedName() + " --help')");
        return commandLine.getCommand() instanceof ExitCodes codes
                ? codes.failureExitCode()
                : commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * The most useful message of a chain, first line only: where the chain holds an SQL error, the
     * library's own message if a {@link TechzoneException} wraps it (in the domain's words, naming the
     * fix, the server's error quoted where it matters), else the SQL error's (not a pool's, Jdbi's or
     * Flyway's wrapper of it); without one, the outermost message (a command's own wording of a bad
     * option stays). A file error, whose message is only the path, also says what went wrong ("no such
     * file or directory").
     */
    static String describe(Throwable e) {
        String message = e instanceof FileSystemException file ? file.getFile() + ": " + reason(file) : e.getMessage();
        TechzoneException ours = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (ours == null && t instanceof TechzoneException own && own.getMessage() != null && !own.getMessage().isBlank()) {
                ours = own;
            }
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                message = ours != null ? ours.getMessage() : sql.getMessage();
                break;
            }
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip().lines().findFirst().orElseThrow();
    }

    private static String reason(FileSystemException e) {
        if (e.getReason() != null) {
            return e.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName();
    }

    /** A command with a {@code --verbose} flag. */
    interface VerboseAware {
        boolean verbose();
    }

    /** A command whose failures exit with a code of its own (the health check's 3 = UNKNOWN). */
    interface ExitCodes {
        int failureExitCode();
    }
}
