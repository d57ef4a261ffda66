package com.techzone.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchServerTest {

    @Test
    void shouldReplaceTheDatabaseAndKeepTheParameters() {
        assertThat(BenchServer.withDatabase("jdbc:postgresql://db:5432/shop?user=a&password=b", "other"))
                .isEqualTo("jdbc:postgresql://db:5432/other?user=a&password=b");
        assertThat(BenchServer.withDatabase("jdbc:postgresql://db:5432", "other")).isEqualTo("jdbc:postgresql://db:5432/other");
        assertThat(BenchServer.withDatabase("jdbc:postgresql://h1,h2:5433/shop", "x")).isEqualTo("jdbc:postgresql://h1,h2:5433/x");
        assertThat(BenchServer.withDatabase("jdbc:postgresql:shop", "other")).isEqualTo("jdbc:postgresql:other");
    }

    @Test
    void shouldReadTheGivenDatabaseAndMaskThePassword() {
        BenchServer server = BenchServer.external("jdbc:postgresql://db/shop?password=hunter2", null, null);

        assertThat(server.givenDatabase()).isEqualTo("shop");
        assertThat(server.maskedUrl()).doesNotContain("hunter2");
        assertThat(server.toString()).doesNotContain("hunter2");
    }

    @Test
    void shouldRefuseAUrlThatIsNotPostgres() {
        assertThatThrownBy(() -> BenchServer.external("jdbc:mysql://db/shop?password=hunter2", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--jdbc-url")
                .hasMessageNotContaining("hunter2");
    }
}
