package com.techzone.examples.cli;

import com.techzone.migrations.MigrationResult;
import com.techzone.migrations.TechzoneMigrations;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code techzone migrate}: brings a database's TechZone schema to the latest version. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Migrates the TechZone schema of a PostgreSQL database and prints from/to version.")
final class MigrateCommand implements Callable<Integer>, Failures.VerboseAware {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--schema", paramLabel = "S", defaultValue = TechzoneMigrations.DEFAULT_SCHEMA,
            description = "Schema to migrate (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--verbose", description = "Print the stack trace of a failure.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!connection.present()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--jdbc-url=URL'");
        }
        PrintWriter out = spec.commandLine().getOut();
        TechzoneMigrations migrations = TechzoneMigrations.configure(connection.dataSource("techzone-migrate"))
                .schema(schema)
                .load();
        MigrationResult result = migrations.migrate();
        out.printf("Migrated %s (schema %s): from version %s to version %s, %d migration(s) applied.%n",
                connection.maskedUrl(), result.schema(),
                result.fromVersion() == null ? "none" : result.fromVersion(), result.toVersion(),
                result.migrationsApplied());
        for (MigrationResult.AppliedMigration m : result.applied()) {
            out.printf("  V%s %s (%d ms)%n", m.version(), m.description(), m.executionMillis());
        }
        return 0;
    }

    @Override
    public boolean verbose() {
        return verbose;
    }

}
