package com.techzone.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.Pooler;
import com.techzone.core.Shop;
import com.techzone.core.Techzone;
import com.techzone.core.TechzonePool;
import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.Product;
import com.techzone.core.inventory.InsufficientStockException;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.user.User;
import com.techzone.testing.PgBouncer;
import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * The library through a real PgBouncer in transaction pooling mode: the named-statement clash that
 * {@link Pooler#TRANSACTION} avoids, workflows, a concurrent checkout load with its invariants checked
 * afterwards, and the COPY import. Skipped where PgBouncer is not installed.
 */
@TechzoneDatabaseTest
class PgBouncerTest {

    /** More than pgjdbc's default prepareThreshold (5): the statement is then named on the server. */
    private static final int EXECUTIONS = 8;
    private static final String REPEATED = "SELECT count(*) FROM products WHERE price > :price";

    private static HikariDataSource pool(PgBouncer bouncer, Pooler pooler, int size) {
        HikariConfig config = TechzonePool.config(bouncer.jdbcUrl(), bouncer.user(), null, "pgbouncer-test", pooler);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    @Test
    void shouldReproduceTheNamedStatementClashWithoutTheSettingAndAvoidItWithIt(TestDatabase database) {
        // One server connection: both client connections' statements meet on it.
        try (PgBouncer bouncer = PgBouncer.start(database, "transaction", 1)) {
            try (HikariDataSource direct = pool(bouncer, Pooler.NONE, 2)) {
                assertThatThrownBy(() -> repeatOnTwoConnections(Techzone.create(direct)))
                        .hasStackTraceContaining("prepared statement \"S_1\" already exists");
            }
            try (HikariDataSource pooled = pool(bouncer, Pooler.TRANSACTION, 2)) {
                assertThat(repeatOnTwoConnections(Techzone.create(pooled))).isEqualTo(2 * EXECUTIONS);
            }
        }
    }

    private static int repeatOnTwoConnections(Techzone tz) {
        int done = 0;
        try (Handle first = tz.jdbi().open(); Handle second = tz.jdbi().open()) {
            for (Handle handle : List.of(first, second)) {
                for (int i = 0; i < EXECUTIONS; i++) {
                    handle.createQuery(REPEATED).bind("price", BigDecimal.ONE).mapTo(Long.class).one();
                    done++;
                }
            }
        }
        return done;
    }

    @Test
    void shouldRunTheShopWorkflowsThroughTransactionPooling(TestDatabase database) {
        try (PgBouncer bouncer = PgBouncer.start(database, "transaction", 2);
             HikariDataSource pool = pool(bouncer, Pooler.TRANSACTION, 4)) {
            Shop shop = Shop.on(pool);
            Techzone tz = shop.techzone();
            User admin = shop.customer();
            for (int round = 0; round < EXECUTIONS; round++) {
                User customer = shop.customer();
                Product product = shop.product("10.00", 5);
                tz.carts().add(customer.id(), product.id(), 2);
                var order = tz.checkout().checkout(CheckoutRequest.of(customer.id())).order();
                tz.orderLifecycle().transition(order.id(), OrderStatus.PROCESSING, admin.id(), null);
                tz.orderLifecycle().transition(order.id(), OrderStatus.SHIPPED, admin.id(), null);
                assertThat(tz.orders().findById(order.id()).orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
                assertThat(tz.products().findById(product.id()).orElseThrow().stock()).isEqualTo(3);
                assertThat(tz.orderHistory().listByOrder(order.id())).extracting(c -> c.toStatus())
                        .containsExactly(OrderStatus.PENDING, OrderStatus.PROCESSING, OrderStatus.SHIPPED);
            }
            assertThat(Invariants.violations(tz.jdbi())).isEmpty();
        }
    }

    @Test
    void shouldKeepTheInvariantsUnderACheckoutLoadThroughTransactionPooling(TestDatabase database) throws Exception {
        int threads = 8;
        int checkoutsPerThread = 15;
        int stock = 60;
        try (PgBouncer bouncer = PgBouncer.start(database, "transaction", 3);
             HikariDataSource pool = pool(bouncer, Pooler.TRANSACTION, threads)) {
            Shop shop = Shop.on(pool);
            Techzone tz = shop.techzone();
            Product scarce = shop.product("4.00", stock);
            Product plenty = shop.product("1.00", 10_000);
            AtomicInteger sold = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    for (int i = 0; i < checkoutsPerThread; i++) {
                        User buyer = shop.customer();
                        tz.carts().add(buyer.id(), plenty.id(), 1);
                        tz.carts().add(buyer.id(), scarce.id(), 1);
                        try {
                            tz.checkout().checkout(CheckoutRequest.of(buyer.id()));
                            sold.incrementAndGet();
                        } catch (InsufficientStockException e) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            executor.shutdown();
            for (Future<?> future : futures) {
                future.get();                                   // rethrows any unexpected failure
            }
            // the saving: more application connections than server backends (PgBouncer pool of 3)
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isGreaterThan(3);
            assertThat(serverBackends(database)).isBetween(1L, 3L);

            int attempts = threads * checkoutsPerThread;
            assertThat(sold.get()).isEqualTo(stock);
            assertThat(refused.get()).isEqualTo(attempts - stock);
            assertThat(tz.products().findById(scarce.id()).orElseThrow().stock()).isZero();
            assertThat(tz.products().findById(plenty.id()).orElseThrow().stock()).isEqualTo(10_000 - stock);
            assertThat(shop.ledgerReconciles()).isTrue();
            assertThat(Invariants.violations(tz.jdbi())).isEmpty();
        }
    }

    /** Client backends on the database, other than the one asking. */
    private static long serverBackends(TestDatabase database) {
        return Techzone.create(database.dataSource()).jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()""")
                .mapTo(Long.class).one());
    }

    @Test
    void shouldImportProductsWithCopyThroughTransactionPooling(TestDatabase database) {
        try (PgBouncer bouncer = PgBouncer.start(database, "transaction", 2);
             HikariDataSource pool = pool(bouncer, Pooler.TRANSACTION, 2)) {
            Shop shop = Shop.on(pool);
            Techzone tz = shop.techzone();
            Category category = shop.category();
            List<NewProduct> rows = IntStream.range(0, 2_000)
                    .mapToObj(i -> new NewProduct(category.id(), "PGB-" + i, "Pooled " + i, null,
                            new BigDecimal("2.50"), i % 4, 1))
                    .toList();
            for (int batch = 0; batch < 3; batch++) {
                int from = batch * 600;
                assertThat(tz.productImport().load(rows.subList(from, from + 600))).isEqualTo(600);
            }
            assertThat(tz.productImport().load(rows.subList(1_800, 2_000))).isEqualTo(200);
            assertThat(shop.count("SELECT count(*) FROM products WHERE sku LIKE 'PGB-%'")).isEqualTo(2_000);
            assertThat(shop.ledgerReconciles()).isTrue();
        }
    }
}
