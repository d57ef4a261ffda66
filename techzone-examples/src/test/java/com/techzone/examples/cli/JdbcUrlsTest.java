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
    }

    @Test
    void shouldLeaveTextWithoutSecretsAlone() {
        assertThat(JdbcUrls.mask("jdbc:postgresql://db:5432/shop?user=app")).isEqualTo("jdbc:postgresql://db:5432/shop?user=app");
        assertThat(JdbcUrls.mask(null)).isEmpty();
    }
}
