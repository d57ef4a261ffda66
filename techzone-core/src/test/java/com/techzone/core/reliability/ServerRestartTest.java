package com.techzone.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.DatabaseUnavailableException;
import com.techzone.core.Shop;
import com.techzone.core.Techzone;
import com.techzone.core.TechzonePool;
import com.techzone.core.catalog.Product;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.user.User;
import com.techzone.migrations.TechzoneMigrations;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server of its own, stopped and started again on the same data directory and port while the
 * pool stays open: calls fail typed during the outage and work again afterwards, on the same pool.
 */
class ServerRestartTest {

    @TempDir
    Path dataDirectory;

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "off")
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void shouldFailTypedDuringARestartAndServeTheSamePoolAfterIt() throws Exception {
        int port = freePort();
        EmbeddedPostgres server = start(port);
        String url = "jdbc:postgresql://localhost:" + port + "/postgres";
        HikariConfig config = TechzonePool.config(url, "postgres", null, "restart-test");
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(1_000);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            TechzoneMigrations.migrate(pool);
            Shop shop = Shop.on(pool);
            Techzone tz = shop.techzone();
            Product product = shop.product("12.00", 10);
            User customer = shop.customer();
            tz.carts().add(customer.id(), product.id(), 2);

            server.close();                                          // the outage
            assertThatThrownBy(() -> tz.checkout().checkout(CheckoutRequest.of(customer.id())))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining("Database unavailable");
            assertThatThrownBy(() -> tz.products().findById(product.id()))
                    .isInstanceOf(DatabaseUnavailableException.class);

            server = start(port);                                    // back, same directory and port
            assertThat(tz.products().findById(product.id()).orElseThrow().stock()).isEqualTo(10);
            assertThat(tz.checkout().checkout(CheckoutRequest.of(customer.id())).items()).hasSize(1);
            assertThat(tz.products().findById(product.id()).orElseThrow().stock()).isEqualTo(8);
            assertThat(Invariants.violations(tz.jdbi())).isEmpty();
        } finally {
            server.close();
        }
    }
}
