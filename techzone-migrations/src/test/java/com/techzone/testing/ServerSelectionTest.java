package com.techzone.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;

/** How the shared test server is chosen: external URL, Testcontainers, embedded. */
class ServerSelectionTest {

    @Test
    void shouldUseTheExternalServerNamedByTheEnvironment() {
        TestPostgres.Server server = TestPostgres.startServer(Map.of(
                "TECHZONE_TEST_JDBC_URL", "jdbc:postgresql://db.internal:6432/postgres?sslmode=require",
                "TECHZONE_TEST_USER", "ci", "TECHZONE_TEST_PASSWORD", "s3cret"), null);

        assertThat(server.kind()).isEqualTo("external");
        assertThat(server.jdbcUrl("techzone_test_1")).isEqualTo("jdbc:postgresql://db.internal:6432/techzone_test_1?sslmode=require");
        assertThat(server.user()).isEqualTo("ci");
        assertThat(server.toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldRefuseAnExternalUrlThatIsNotPostgres() {
        assertThatThrownBy(() -> TestPostgres.startServer(Map.of("TECHZONE_TEST_JDBC_URL", "jdbc:mysql://db/x"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TECHZONE_TEST_JDBC_URL must look like jdbc:postgresql://");
    }

    @Test
    void shouldSkipRatherThanFailWhenTestcontainersIsAskedForWithoutDocker() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "Docker is present here");

        assertThatThrownBy(() -> TestPostgres.startServer(Map.of("TECHZONE_TEST_DATABASE", "testcontainers"), null))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no Docker engine");
        assertThatThrownBy(() -> TestPostgres.startServer(Map.of(), "testcontainers"))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void shouldNeverPrintTheTestDatabasePassword() {
        TestDatabase db = new TestDatabase("x", "jdbc:postgresql://h:1/x", "u", "pw-123");

        assertThat(db.toString()).doesNotContain("pw-123").contains("password=****");
    }
}
