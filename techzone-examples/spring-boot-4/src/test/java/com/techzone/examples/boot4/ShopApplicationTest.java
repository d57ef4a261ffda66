package com.techzone.examples.boot4;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.health.CheckGroup;
import com.techzone.health.TechzoneHealth;
import com.techzone.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The Spring Boot 4.0 host, started once on a random port over an empty database: its own Flyway
 * (Boot's managed 11.14) on default settings creates public.users and public.orders, TechZone is
 * migrated into shop, and the actuator and the REST endpoint answer over HTTP.
 */
@ExtendWith(EmptyDatabaseExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ShopApplicationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmptyDatabaseExtension.register(ShopApplicationTest.class, registry);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HikariDataSource pool;

    @Test
    void shouldReportTheTechzoneComponentUpWithAPerfectScore() {
        Http.Response response = new Http(port).get("/actuator/health");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode techzone = response.json().path("components").path("techzone");
        assertThat(techzone.path("status").asString()).as(response.body()).isEqualTo("UP");
        assertThat(techzone.path("details").path("status").asString()).as(response.body()).isEqualTo("HEALTHY");
        assertThat(techzone.path("details").path("schema").asString()).isEqualTo("shop");
        assertThat(techzone.path("details").path("score").asString()).isEqualTo("6/6");
        assertThat(techzone.path("details").path("findings").isArray()).isTrue();
        assertThat(techzone.path("details").path("findings")).isEmpty();
        assertThat(response.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
    }

    /**
     * migrate refuses to create the TechZone schema when it is named like the connecting role and the
     * search_path holds "$user" (docs/usage.md): the shipped default user must not be named like the
     * schema this host migrates, or the example refuses to start as shipped.
     */
    @Test
    void shouldShipADefaultUserNotNamedLikeTheTechzoneSchema() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = TechzoneConfiguration.class.getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        Http.Response response = new Http(port).get("/actuator/health");
        String schema = response.json().path("components").path("techzone").path("details").path("schema").asString();

        assertThat(schema).as(response.body()).isNotBlank();
        assertThat(shipped.getProperty("spring.datasource.username")).isNotBlank().isNotEqualTo(schema);
    }

    @Test
    void shouldCreateAndListCategoriesInSchemaShopOverHttp() {
        Http http = new Http(port);

        Http.Response created = http.post("/catalog/categories",
                "{\"name\": \"Smart Home\", \"slug\": \"smart-home\", \"description\": \"Plugs and bulbs\"}");
        Http.Response listed = http.get("/catalog/categories");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("slug").asString()).isEqualTo("smart-home");
        assertThat(created.json().path("id").asString()).hasSize(36);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<String> slugs = new ArrayList<>();
        listed.json().forEach(c -> slugs.add(c.path("slug").asString()));
        assertThat(slugs).contains("smart-home");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shop.categories WHERE slug = 'smart-home'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT to_regclass('public.categories') IS NULL", Boolean.class)).isTrue();
    }

    @Test
    void shouldAnswerConflictNamingTheConstraintForATakenSlug() {
        Http http = new Http(port);
        http.post("/catalog/categories", "{\"name\": \"Cables\", \"slug\": \"cables\"}");

        Http.Response again = http.post("/catalog/categories", "{\"name\": \"More cables\", \"slug\": \"cables\"}");

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().path("constraint").asString()).isEqualTo("uq_categories_slug");
    }

    @Test
    void shouldKeepTheHostsFlywayHistoryToTheHostsOwnMigrations() {
        List<String> hostHistory = jdbc.queryForList(
                "SELECT version || ' ' || description FROM public.flyway_schema_history ORDER BY installed_rank", String.class);
        List<String> publicTables = jdbc.queryForList(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", String.class);
        List<String> techzoneHistory = jdbc.queryForList(
                "SELECT version FROM shop.techzone_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank", String.class);

        assertThat(hostHistory).containsExactly("1 create users and orders");
        assertThat(publicTables).containsExactly("flyway_schema_history", "orders", "users");
        assertThat(techzoneHistory).startsWith("1", "2", "3", "4", "5");
        assertThat(jdbc.queryForObject("SELECT to_regclass('shop.flyway_schema_history') IS NULL", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM shop.users", Integer.class)).isZero();
    }

    @Test
    void shouldSayUnknownNotUpWhenTheProbeRoleCannotReadTheMigrationHistory() {
        jdbc.execute("CREATE ROLE techzone_boot4_probe LOGIN PASSWORD 'probe-pw'");
        try {
            TestDatabase database = EmptyDatabaseExtension.of(ShopApplicationTest.class);
            TestDatabase asProbe = new TestDatabase(database.name(), database.jdbcUrl(), "techzone_boot4_probe", "probe-pw");
            TechzoneHealth probe = TechzoneHealth.configure(asProbe.dataSource()).schema("shop").groups(CheckGroup.SCHEMA).build();

            Health health = new TechzoneHealthIndicator(probe).health();

            assertThat(health.getStatus()).as(health.getDetails().toString()).isEqualTo(Status.UNKNOWN);
            assertThat(health.getDetails()).containsEntry("schema", "shop");
            assertThat(health.getDetails().get("findings").toString())
                    .contains("UNKNOWN schema.migrations database: Role techzone_boot4_probe lacks a privilege this check needs: permission denied");
        } finally {
            jdbc.execute("DROP ROLE techzone_boot4_probe");
        }
    }

    @Test
    void shouldBeDownWhenTheInspectedSchemaLacksTheTechzoneTables() {
        TechzoneHealth wrongSchema = TechzoneHealth.configure(pool).schema("public").groups(CheckGroup.SCHEMA).build();

        Health health = new TechzoneHealthIndicator(wrongSchema).health();

        assertThat(health.getStatus()).as(health.getDetails().toString()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("status", "CRITICAL").containsEntry("schema", "public");
        assertThat(health.getDetails().get("findings").toString()).contains("CRITICAL schema.tables");
    }
}
