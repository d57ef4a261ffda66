package com.techzone.examples.boot4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * This host runs Flyway, HikariCP and pgjdbc at the versions Spring Boot 4.0.7 manages (the
 * point of the example), not the library's own newest ones that the parent pom pins.
 */
class ManagedVersionsTest {

    @Test
    void shouldRunTheFlywayHikariAndDriverVersionsThatBootManages() throws IOException, ReflectiveOperationException {
        assertThat(SpringBootVersion.getVersion()).isEqualTo("4.0.7");
        assertThat(jarVersion("org.flywaydb", "flyway-core")).isEqualTo("11.14.1");
        assertThat(jarVersion("com.zaxxer", "HikariCP")).isEqualTo("7.0.2");
        assertThat(org.postgresql.util.DriverInfo.class.getField("DRIVER_VERSION").get(null)).as("read at run time, not inlined").isEqualTo("42.7.11");
    }

    private static String jarVersion(String groupId, String artifactId) throws IOException {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = ManagedVersionsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        }
    }
}
