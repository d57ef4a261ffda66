package com.techzone.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void shouldMaskPasswordParameters() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db:5432/shop?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/shop?user=app&password=****&ssl=true");
        assertThat(JdbcUrls.mask("jdbc:postgresql://db/shop?sslpassword=key&PASSWORD=x"))
                .isEqualTo("jdbc:postgresql://db/shop?sslpassword=****&PASSWORD=****");
    }

    @Test
    void shouldMaskUserInfoCredentials() {
        assertThat(JdbcUrls.mask("postgresql://app:s3cret@db:5432/shop")).isEqualTo("postgresql://app:****@db:5432/shop");
        // pgjdbc takes "app:s3cret@db" for a host name and quotes it alone in its UnknownHostException.
        assertThat(JdbcUrls.mask("Caused by: java.net.UnknownHostException: app:s3cret@127.0.0.1\n\tat java.base/x.Y(Y.java:1)"))
                .isEqualTo("Caused by: java.net.UnknownHostException: app:****@127.0.0.1\n\tat java.base/x.Y(Y.java:1)");
        assertThat(JdbcUrls.mask("(app:s3cret@db)")).isEqualTo("(app:****@db)");
    }

    @Test
    void shouldLeaveTextWithoutSecretsAlone() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db:5432/shop?user=app")).isEqualTo("jdbc:postgresql://db:5432/shop?user=app");
        assertThat(JdbcUrls.mask("error: mail bob@example.com, at x.Y(Y.java:12), jdbc:postgresql://db:5432/shop"))
                .isEqualTo("error: mail bob@example.com, at x.Y(Y.java:12), jdbc:postgresql://db:5432/shop");
        assertThat(JdbcUrls.mask(null)).isEmpty();
    }
}
