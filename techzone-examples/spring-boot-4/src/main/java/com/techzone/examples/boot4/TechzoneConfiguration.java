package com.techzone.examples.boot4;

import com.techzone.core.Techzone;
import com.techzone.health.CheckGroup;
import com.techzone.health.TechzoneHealth;
import com.techzone.migrations.TechzoneMigrations;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** TechZone in schema {@code shop} of the host's database, through the host's own pool. */
@Configuration(proxyBeanMethods = false)
class TechzoneConfiguration {

    // tag::techzone-beans[]
    @Bean
    @DependsOnDatabaseInitialization        // the host's own Flyway migrates public first
    Techzone techzone(DataSource dataSource) {
        TechzoneMigrations.configure(dataSource).schema("shop").load().migrate();   // history: shop.techzone_schema_history
        return Techzone.configure(dataSource).schema("shop").build();
    }

    @Bean
    TechzoneHealth techzoneHealth(@Value("${spring.datasource.url}") String url,
                                  @Value("${spring.datasource.username:}") String user,
                                  @Value("${spring.datasource.password:}") String password) {
        // A connection of its own with short timeouts, not the host's pool: with the database down,
        // the pool would hold the probe for its connectionTimeout (30 s) before answering DOWN.
        PGSimpleDataSource probe = new PGSimpleDataSource();
        probe.setUrl(url);
        probe.setUser(user);
        probe.setPassword(password);
        probe.setConnectTimeout(2);                  // seconds
        probe.setSocketTimeout(10);                  // seconds
        probe.setApplicationName("techzone-health-probe");
        return TechzoneHealth.configure(probe)
                .schema("shop")
                .groups(CheckGroup.SCHEMA)      // static checks, milliseconds: fit for every probe
                .build();
    }
    // end::techzone-beans[]
}
