package com.techzone.examples.boot4;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.health.CheckGroup;
import com.techzone.health.TechzoneHealth;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The host with TechZone's health check pointed at a database that does not answer: the techzone
 * component is DOWN with the reason, the endpoint answers 503 (not 500), and no password shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {ShopApplication.class, TechzoneHealthDownTest.UnreachableDatabase.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class TechzoneHealthDownTest {

    static final TestDatabase DATABASE = TestPostgres.get().createEmptyDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DATABASE::jdbcUrl);
        registry.add("spring.datasource.username", DATABASE::user);
        registry.add("spring.datasource.password", DATABASE::password);
    }

    /** Nothing listens on port 1: connecting is refused at once. */
    @TestConfiguration(proxyBeanMethods = false)
    static class UnreachableDatabase {
        @Bean
        @Primary
        TechzoneHealth unreachableTechzoneHealth() {
            PGSimpleDataSource unreachable = new PGSimpleDataSource();
            unreachable.setUrl("jdbc:postgresql://127.0.0.1:1/shop");
            unreachable.setUser("shop");
            unreachable.setPassword("s3cret-never-shown");
            unreachable.setConnectTimeout(2);
            return TechzoneHealth.configure(unreachable).schema("shop").groups(CheckGroup.SCHEMA).build();
        }
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    HikariDataSource pool;

    @AfterAll
    void dropDatabase() {
        pool.close();
        DATABASE.close();
    }

    @Test
    void shouldAnswer503WithTheTechzoneComponentDownAndTheReason() {
        Http.Response response = new Http(port).get("/actuator/health");

        assertThat(response.status()).as(response.body()).isEqualTo(503);
        JsonNode body = response.json();
        assertThat(body.path("status").asString()).isEqualTo("DOWN");
        JsonNode techzone = body.path("components").path("techzone");
        assertThat(techzone.path("status").asString()).isEqualTo("DOWN");
        assertThat(techzone.path("details").path("error").asString())
                .startsWith("com.techzone.health.HealthCheckException: Could not connect to the database")
                .contains("127.0.0.1:1");
        assertThat(body.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(response.body()).doesNotContain("s3cret-never-shown");
    }
}
