package com.techzone.examples.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * This host runs Flyway, HikariCP and pgjdbc at the versions Spring Boot 3.5.7 manages (the
 * point of the example), not the library's own newest ones that the parent pom pins.
 */
class ManagedVersionsTest {

    @Test
    void shouldRunTheFlywayHikariAndDriverVersionsThatBootManages() throws IOException, ReflectiveOperationException {
        assertThat(SpringBootVersion.getVersion()).isEqualTo("3.5.7");
        assertThat(jarVersion("org.flywaydb", "flyway-core")).isEqualTo("11.7.2");
        assertThat(jarVersion("com.zaxxer", "HikariCP")).isEqualTo("6.3.3");
        assertThat(org.postgresql.util.DriverInfo.class.getField("DRIVER_VERSION").get(null)).as("read at run time, not inlined").isEqualTo("42.7.8");
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
