package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.catalog.ProductDao;
import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

@TechzoneDatabaseTest
class TechzonePoolTest {

    @Test
    void shouldConfigureProductionDefaults() {
        HikariConfig config = TechzonePool.config("jdbc:postgresql://db:5432/shop", "app", "secret", "shop-web");

        assertThat(config.getMaximumPoolSize()).as("the pool of 10 the README promises").isEqualTo(10);
        assertThat(config.getMaxLifetime()).isEqualTo(30 * 60_000L);
        assertThat(config.getKeepaliveTime()).isEqualTo(2 * 60_000L);
        assertThat(config.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true")
                .containsEntry("tcpKeepAlive", "true").containsEntry("ApplicationName", "shop-web");
        assertThatThrownBy(() -> TechzonePool.config("jdbc:mysql://db/shop", "app", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("jdbcUrl");
        assertThatThrownBy(() -> TechzonePool.config("jdbc:postgresql://db/shop", null, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("user"));
    }

    @Test
    void shouldTurnServerSidePreparedStatementsOffOnlyBehindATransactionPooler() {
        assertThat(TechzonePool.config("jdbc:postgresql://db:6432/shop", "app", null, "web", Pooler.TRANSACTION)
                .getDataSourceProperties()).containsEntry("prepareThreshold", "0").containsEntry("reWriteBatchedInserts", "true");
        assertThat(TechzonePool.config("jdbc:postgresql://db:6432/shop", "app", null, "web", Pooler.SESSION)
                .getDataSourceProperties()).doesNotContainKey("prepareThreshold");
        assertThat(TechzonePool.config("jdbc:postgresql://db:5432/shop", "app", null, "web")
                .getDataSourceProperties()).doesNotContainKey("prepareThreshold");
        assertThat(Pooler.of(" Transaction ")).isEqualTo(Pooler.TRANSACTION);
        assertThatThrownBy(() -> Pooler.of("statement")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pooler").hasMessageContaining("statement");
        assertThatThrownBy(() -> TechzonePool.config("jdbc:postgresql://db/shop", "app", null, "web", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("pooler");
    }

    @Test
    void shouldConnectWithTheApplicationNameAndServeTheFacade(TestDatabase database) {
        try (HikariDataSource pool = TechzonePool.create(database.jdbcUrl(), database.user(), database.password(), "pool-test")) {
            Techzone tz = Techzone.create(pool);
            String name = tz.jdbi().withHandle(h -> h.createQuery("SELECT current_setting('application_name')")
                    .mapTo(String.class).one());
            assertThat(name).isEqualTo("pool-test");
            assertThat(tz.orders().findById(UUID.randomUUID())).isEmpty();
        }
    }

    @Test
    void shouldRefuseTheFacadesBadArgumentsNamingThem(TestDatabase database) {
        Techzone tz = Techzone.create(database.dataSource());
        assertRefused(() -> tz.dao(Hidden.class), "daoType");
        assertRefused(() -> tz.dao(null), "daoType");
        assertRefused(() -> tz.dao(Object.class), "daoType");
        assertRefused(() -> tz.onPrimary(null), "work");
        assertRefused(() -> tz.accounts(null), "hasher");
        assertRefused(() -> tz.attach(null, ProductDao.class), "handle");
        tz.jdbi().useHandle(handle -> {
            assertRefused(() -> tz.attach(handle, Hidden.class), "daoType");
            assertRefused(() -> tz.attach(handle, null), "daoType");
            assertThat(tz.attach(handle, ProductDao.class).findBySku("no-such-sku")).isEmpty();
        });
    }

    private static void assertRefused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(field + ": ")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).contains(field));
    }

    interface Hidden {
    }
}
