package com.techzone.health.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Secrets are removed from any text a report may carry (moved here from {@code RenderersTest}: it needs the internal class). */
class MaskingTest {

    @Test
    void shouldMaskPasswordsInUrlsAndSql() {
        assertThat(Masking.mask("jdbc:postgresql://h/db?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=****&ssl=true");
        assertThat(Masking.mask("postgresql://ann:s3cret@h/db")).isEqualTo("postgresql://ann:****@h/db");
        assertThat(Masking.mask("java.net.UnknownHostException: ann:s3cret@h")).isEqualTo("java.net.UnknownHostException: ann:****@h");
        assertThat(Masking.mask("mail ann@h, at x.Y(Y.java:12)")).isEqualTo("mail ann@h, at x.Y(Y.java:12)");
        assertThat(Masking.mask("ALTER ROLE app PASSWORD 'it''s secret'")).isEqualTo("ALTER ROLE app PASSWORD '****'");
    }
}
