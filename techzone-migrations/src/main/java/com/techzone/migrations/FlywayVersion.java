package com.techzone.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Which Flyway the application has, read from the jars' resources rather than Flyway's API, so it
 * can be said even when that API is not the one this library was built against.
 */
final class FlywayVersion {

    private FlywayVersion() {
    }

    /** E.g. "Flyway 11.7.2 (flyway-database-postgresql 11.7.2)", or what is missing. */
    static String describe() {
        String core = coreVersion();
        String postgres = mavenVersion("flyway-database-postgresql");
        return (core == null ? "no flyway-core" : "Flyway " + core)
                + " (" + (postgres == null ? "no flyway-database-postgresql" : "flyway-database-postgresql " + postgres) + ")";
    }

    private static String coreVersion() {
        String version = read("org/flywaydb/core/internal/version.txt");
        return version != null ? version.strip() : mavenVersion("flyway-core");
    }

    private static String mavenVersion(String artifactId) {
        String text = read("META-INF/maven/org.flywaydb/" + artifactId + "/pom.properties");
        if (text == null) {
            return null;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            return null;
        }
        return properties.getProperty("version");
    }

    private static String read(String resource) {
        ClassLoader loader = FlywayVersion.class.getClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
