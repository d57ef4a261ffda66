package com.techzone.examples.cli;

import com.techzone.health.CheckGroup;
import com.techzone.health.HealthReport;
import com.techzone.health.ReportFormat;
import com.techzone.health.Status;
import com.techzone.health.TechzoneHealth;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code techzone health}: runs the TechZone health checks and exits 0 OK, 1 WARNING, 2 CRITICAL,
 * 3 UNKNOWN (the check_postgres / Nagios convention), so cron and monitoring can act on it. An
 * unreachable server is UNKNOWN: one line on stderr, exit 3.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Checks a TechZone database: schema conformance (score), index health, operations, invariants.",
                "Exit codes: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN."})
final class HealthCommand implements Callable<Integer>, Failures.VerboseAware, Failures.ExitCodes {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--schema", paramLabel = "S", defaultValue = "public", description = "Schema to inspect (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--format", paramLabel = "F", defaultValue = "text",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--capacity-bytes", paramLabel = "N",
            description = "Disk capacity for the database; without it disk usage is reported, not judged.")
    Long capacityBytes;

    @Option(names = "--checks", paramLabel = "GROUPS", split = ",", defaultValue = "schema,indexes,operations",
            description = "Groups to run: schema, indexes, operations, domain (reads the TechZone tables), or all "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> checks;

    @Option(names = "--statement-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "statement_timeout of every query, in seconds (default: ${DEFAULT-VALUE}); raise it for the "
                    + "domain checks on a large database, which read whole tables.")
    double statementTimeoutSeconds;

    @Option(names = "--pgbouncer-admin-url", paramLabel = "URL",
            description = "PgBouncer's admin console, e.g. jdbc:postgresql://localhost:6432/pgbouncer?user=stats: "
                    + "its pools (clients waiting, maxwait) are reported in the operations group. Password: the URL's, "
                    + "else --password / " + ConnectionOptions.PASSWORD_ENV + ".")
    String pgbouncerAdminUrl;

    @Option(names = "--verbose", description = "Print the stack trace of a failure.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!connection.present()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--jdbc-url=URL'");
        }
        ReportFormat reportFormat;
        List<CheckGroup> groups = new ArrayList<>();
        try {
            reportFormat = ReportFormat.parse(format);
            for (String word : checks) {
                if (word.strip().equalsIgnoreCase("all")) {
                    groups.addAll(List.of(CheckGroup.values()));
                } else {
                    groups.add(CheckGroup.parse(word));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        TechzoneHealth.Builder builder = TechzoneHealth.configure(connection.dataSource(TechzoneHealth.APPLICATION_NAME))
                .schema(schema)
                .groups(groups.toArray(CheckGroup[]::new));
        try {
            builder.statementTimeout(Duration.ofMillis(Math.round(statementTimeoutSeconds * 1000)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--statement-timeout: " + e.getMessage());
        }
        if (capacityBytes != null) {
            builder.diskCapacityBytes(capacityBytes);
        }
        if (pgbouncerAdminUrl != null) {
            try {
                builder.pgbouncerAdmin(pgbouncerAdminUrl, pgbouncerAdminUrl.contains("user=") ? null : connection.user,
                        pgbouncerAdminUrl.contains("password=") ? null : connection.secret());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--pgbouncer-admin-url: " + e.getMessage());
            }
        }
        HealthReport report = builder.build().run();
        String text = reportFormat.render(report);
        PrintWriter out = spec.commandLine().getOut();
        if (output != null) {
            Files.writeString(output, text, StandardCharsets.UTF_8);
            out.println("Health " + report.status() + ", schema score " + report.score() + ": report written to " + output);
        } else {
            out.print(text);
        }
        out.flush();
        return report.exitCode();
    }

    @Override
    public int failureExitCode() {
        return Status.UNKNOWN.exitCode();
    }

    @Override
    public boolean verbose() {
        return verbose;
    }
}
