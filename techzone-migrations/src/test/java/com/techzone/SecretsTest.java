package com.techzone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Masking for every module (it had a copy in three modules, with different coverage, until session 8). */
class SecretsTest {

    @Test
    void shouldMaskPasswordParameters() {
        assertThat(Secrets.mask("jdbc:postgresql://db:5432/shop?user=app&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/shop?user=app&password=****&ssl=true");
        assertThat(Secrets.mask("jdbc:postgresql://db/shop?sslpassword=key&PASSWORD=x"))
                .isEqualTo("jdbc:postgresql://db/shop?sslpassword=****&PASSWORD=****");
        assertThat(Secrets.mask("jdbc:postgresql://db/shop?password=s3c;ret&ssl=true")).isEqualTo("jdbc:postgresql://db/shop?password=****&ssl=true");
    }

    @Test
    void shouldMaskUserInfoCredentials() {
        assertThat(Secrets.mask("postgresql://app:s3cret@db:5432/shop")).isEqualTo("postgresql://app:****@db:5432/shop");
        // pgjdbc takes "app:s3cret@db" for a host name and quotes it alone in its UnknownHostException.
        assertThat(Secrets.mask("Caused by: java.net.UnknownHostException: app:s3cret@127.0.0.1\n\tat java.base/x.Y(Y.java:1)"))
                .isEqualTo("Caused by: java.net.UnknownHostException: app:****@127.0.0.1\n\tat java.base/x.Y(Y.java:1)");
        assertThat(Secrets.mask("(app:s3cret@db)")).isEqualTo("(app:****@db)");
        // Found by the second fresh-user trial: an empty user, and a password holding an @, kept the password.
        assertThat(Secrets.mask("got jdbc:postgresql://:s3cret@db:5432/shop")).isEqualTo("got jdbc:postgresql://:****@db:5432/shop");
        assertThat(Secrets.mask("jdbc:postgresql://app:s3c@ret@db:5432/shop")).isEqualTo("jdbc:postgresql://app:****@db:5432/shop");
        assertThat(Secrets.mask("UnknownHostException: app:s3c@ret@127.0.0.1\n\tat x.Y(Y.java:1)"))
                .isEqualTo("UnknownHostException: app:****@127.0.0.1\n\tat x.Y(Y.java:1)");
    }

    @Test
    void shouldMaskSqlPasswordLiterals() {
        assertThat(Secrets.mask("ALTER ROLE app PASSWORD 'it''s secret'")).isEqualTo("ALTER ROLE app PASSWORD '****'");
        assertThat(Secrets.mask("create role app login password 's3cret'")).isEqualTo("create role app login password '****'");
        assertThat(Secrets.mask("ALTER ROLE app PASSWORD E'it\\'s s3cret' VALID UNTIL 'infinity'"))
                .isEqualTo("ALTER ROLE app PASSWORD '****' VALID UNTIL 'infinity'");
        assertThat(Secrets.mask("ALTER ROLE app PASSWORD $$s3cret$$;")).isEqualTo("ALTER ROLE app PASSWORD '****';");
        assertThat(Secrets.mask("ALTER ROLE app PASSWORD $pw$s3$cret$pw$;")).isEqualTo("ALTER ROLE app PASSWORD '****';");
    }

    @Test
    void shouldChangeNothingWhenMaskingMaskedText() {
        // A URL masked alone, then quoted in a message that is masked as a whole (as TechzoneException does).
        String message = Secrets.mask("jdbc:postgresql://db/shop?password=s3cret") + ": refused, app:s3cret@db, PASSWORD 's3cret'";
        String masked = Secrets.mask(message);

        assertThat(masked).isEqualTo("jdbc:postgresql://db/shop?password=****: refused, app:****@db, PASSWORD '****'");
        assertThat(Secrets.mask(masked)).isEqualTo(masked);
    }

    @Test
    void shouldLeaveTextWithoutSecretsAlone() {
        assertThat(Secrets.mask("jdbc:postgresql://db:5432/shop?user=app")).isEqualTo("jdbc:postgresql://db:5432/shop?user=app");
        assertThat(Secrets.mask("error: mail bob@example.com, at x.Y(Y.java:12), jdbc:postgresql://db:5432/shop"))
                .isEqualTo("error: mail bob@example.com, at x.Y(Y.java:12), jdbc:postgresql://db:5432/shop");
        assertThat(Secrets.mask(null)).isNull();
    }

    @Test
    void shouldTellAUrlThatCarriesCredentialsBeforeTheHost() {
        assertThat(Secrets.hasUserInfo("jdbc:postgresql://app:s3cret@db:5432/shop")).isTrue();
        assertThat(Secrets.hasUserInfo("jdbc:postgresql://app@db/shop")).isTrue();
        assertThat(Secrets.hasUserInfo("jdbc:postgresql://db:5432/shop?user=app&password=s3cret")).isFalse();
        assertThat(Secrets.hasUserInfo("jdbc:postgresql://db/shop?options=-c%20search_path%3Da@b")).isFalse();
        assertThat(Secrets.hasUserInfo(null)).isFalse();
        assertThat(Secrets.userInfoRefusal("jdbc:postgresql://app:s3cret@db/shop"))
                .startsWith("must not carry a user or password before the host (got jdbc:postgresql://app:****@db/shop)")
                .doesNotContain("s3cret");
    }

    @Test
    void shouldMaskEveryTechzoneExceptionMessage() {
        TechzoneException e = new TechzoneException("Could not connect: java.net.UnknownHostException: app:s3cret@db, "
                + "jdbc:postgresql://db/shop?password=s3cret and ALTER ROLE app PASSWORD 's3cret'");

        assertThat(e.getMessage()).doesNotContain("s3cret")
                .isEqualTo("Could not connect: java.net.UnknownHostException: app:****@db, "
                        + "jdbc:postgresql://db/shop?password=**** and ALTER ROLE app PASSWORD '****'");
        assertThat(new TechzoneException(null).getMessage()).isNull();
    }
}
