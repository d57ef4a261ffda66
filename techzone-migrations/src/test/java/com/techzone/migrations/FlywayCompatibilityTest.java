package com.techzone.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Flyway a host brings may not be the one this library was built against. Whatever goes wrong
 * then must reach the host as a MigrationException naming the versions, never as an Error that
 * slips past the host's per-call isolation (a health endpoint answering 500). The build runs every
 * test against both ends of the supported range (profiles oldest-deps and flyway11, see .ci/run).
 */
class FlywayCompatibilityTest {

    @Test
    void shouldNameTheFlywayVersionTheBuildChose() {
        String version = System.getProperty("techzone.test.flyway.version");

        assertThat(FlywayVersion.describe())
                .isEqualTo("Flyway " + version + " (flyway-database-postgresql " + version + ")");
    }

    @Test
    void shouldReportAFlywayThatDoesNotFitAsAMigrationExceptionNotAnError() throws Exception {
        // An application whose Flyway lacks the PostgreSQL module: linking our Flyway code fails.
        List<URL> jars = new ArrayList<>();
        for (Class<?> type : List.of(TechzoneMigrations.class, Flyway.class, PGSimpleDataSource.class)) {
            jars.add(type.getProtectionDomain().getCodeSource().getLocation());
        }
        try (URLClassLoader host = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Object dataSource = host.loadClass(PGSimpleDataSource.class.getName()).getConstructor().newInstance();
            Object builder = host.loadClass(TechzoneMigrations.class.getName())
                    .getMethod("configure", DataSource.class).invoke(null, dataSource);

            Throwable thrown = null;
            try {
                builder.getClass().getMethod("load").invoke(builder);
            } catch (InvocationTargetException e) {
                thrown = e.getCause();
            }

            assertThat(thrown).isNotNull();
            assertThat(thrown.getClass().getName()).isEqualTo(MigrationException.class.getName());
            assertThat(thrown.getCause()).isInstanceOf(LinkageError.class);
            assertThat(thrown.getMessage())
                    .contains("work with Flyway " + TechzoneMigrations.SUPPORTED_FLYWAY)
                    .contains("no flyway-database-postgresql")
                    .containsPattern("this application has Flyway \\d+\\.\\d+");
            assertThat(thrown.getClass().getMethod("errorCode").invoke(thrown)).isEqualTo("INCOMPATIBLE_FLYWAY");
        }
    }
}
