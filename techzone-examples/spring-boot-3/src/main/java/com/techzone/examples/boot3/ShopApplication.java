package com.techzone.examples.boot3;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot 3.5 host: its own tables {@code users} and {@code orders} in {@code public}, created
 * by its own Flyway migrations on Boot's default settings, and TechZone beside them in schema
 * {@code shop} (see {@link TechzoneConfiguration}).
 */
@SpringBootApplication
public class ShopApplication {

    /** Starts the application; the data source comes from {@code spring.datasource.*}. */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
