package com.techzone.examples.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.techzone.health.CheckGroup;
import com.techzone.health.TechzoneHealth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The host with TechZone's health check pointed at a database that does not answer: the techzone
 * component is DOWN with the reason, the endpoint answers 503 (not 500), and no password shows.
 */
@ExtendWith(EmptyDatabaseExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {ShopApplication.class, TechzoneHealthDownTest.UnreachableDatabase.class})
@DirtiesContext
class TechzoneHealthDownTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmptyDatabaseExtension.register(TechzoneHealthDownTest.class, registry);
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

    @Test
    void shouldAnswer503WithTheTechzoneComponentDownAndTheReason() {
        Http.Response response = new Http(port).get("/actuator/health");

        assertThat(response.status()).as(response.body()).isEqualTo(503);
        JsonNode body = response.json();
        assertThat(body.path("status").asText()).isEqualTo("DOWN");
        JsonNode techzone = body.path("components").path("techzone");
        assertThat(techzone.path("status").asText()).isEqualTo("DOWN");
        assertThat(techzone.path("details").path("error").asText())
                .startsWith("com.techzone.health.HealthCheckException: Could not connect to the database")
                .contains("127.0.0.1:1");
        assertThat(body.path("components").path("db").path("status").asText()).isEqualTo("UP");
        assertThat(response.body()).doesNotContain("s3cret-never-shown");
    }
}
