package com.techzone.examples.cli;

import com.techzone.Secrets;
import com.techzone.examples.EmbeddedDatabase;
import com.techzone.examples.demo.HealthSection;
import com.techzone.examples.demo.SchemaSummary;
import com.techzone.examples.demo.ShoppingFlow;
import com.techzone.migrations.MigrationResult;
import com.techzone.migrations.TechzoneMigrations;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code techzone demo}: starts an embedded PostgreSQL (or uses {@code --jdbc-url}), migrates it
 * and walks through what the library does.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the TechZone demo on an embedded PostgreSQL (or on --jdbc-url): migrate, show the schema, "
                + "run a shopping flow, print the health report.")
final class DemoCommand implements Callable<Integer>, Failures.VerboseAware {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--verbose", description = "Print the stack trace of a failure.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (connection.present()) {
            out.println("Using " + connection.maskedUrl());
            run(connection.dataSource("techzone-demo"), out);
        } else {
            out.println("Starting an embedded PostgreSQL (real server binaries, temporary directory)...");
            try (EmbeddedDatabase embedded = EmbeddedDatabase.start()) {
                out.println("Started: " + Secrets.mask(embedded.jdbcUrl()));
                run(embedded.dataSource(), out);
            }
        }
        return 0;
    }

    private void run(DataSource dataSource, PrintWriter out) throws Exception {
        section(out, "1. Migrate");
        MigrationResult result = TechzoneMigrations.migrate(dataSource);
        out.printf("Schema %s: from version %s to version %s, %d migration(s) applied.%n", result.schema(),
                result.fromVersion() == null ? "none" : result.fromVersion(), result.toVersion(), result.migrationsApplied());

        section(out, "2. The schema the migrations built");
        SchemaSummary.print(dataSource, out);

        section(out, "3. A shopping flow");
        ShoppingFlow.run(dataSource, out);

        section(out, "4. The health report of this database");
        HealthSection.print(dataSource, out);
        out.flush();
    }

    static void section(PrintWriter out, String title) {
        out.println();
        out.println("== " + title + " ==");
    }

    @Override
    public boolean verbose() {
        return verbose;
    }
}
