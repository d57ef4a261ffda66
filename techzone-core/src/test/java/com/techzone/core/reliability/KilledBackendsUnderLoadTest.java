package com.techzone.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.TechzoneException;
import com.techzone.core.ConcurrencyFailureException;
import com.techzone.core.DatabaseUnavailableException;
import com.techzone.core.Shop;
import com.techzone.core.Techzone;
import com.techzone.core.TechzonePool;
import com.techzone.core.catalog.Product;
import com.techzone.core.inventory.InsufficientStockException;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.CheckoutResult;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Checkouts from several threads while another session terminates the pool's backends at random:
 * whatever fails, fails typed, and the invariants hold afterwards (stock never negative, ledger
 * reconciles, totals add up, every order complete).
 */
@TechzoneDatabaseTest
class KilledBackendsUnderLoadTest {

    private static final String APPLICATION = "killed-load-test";
    private static final int THREADS = 4;
    private static final int CHECKOUTS_PER_THREAD = 15;
    private static final int PRODUCTS = 4;

    @Test
    void shouldKeepEveryInvariantWhileBackendsAreKilledDuringCheckouts(TestDatabase database) throws Exception {
        AtomicInteger placed = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger shortStock = new AtomicInteger();
        AtomicInteger kills = new AtomicInteger();
        Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        Queue<CheckoutResult> results = new ConcurrentLinkedQueue<>();
        try (HikariDataSource pool = TechzonePool.create(database.jdbcUrl(), database.user(), database.password(), APPLICATION)) {
            pool.setMaximumPoolSize(THREADS);
            Shop shop = Shop.on(pool);
            Techzone tz = shop.techzone();
            List<Product> products = new ArrayList<>();
            for (int i = 0; i < PRODUCTS; i++) {
                products.add(shop.product("1" + i + ".25", 40));   // fewer units than the load asks for: some checkouts run short
            }
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService executor = Executors.newFixedThreadPool(THREADS + 1);
            Future<?> killer = executor.submit(() -> killAtRandom(database, running, kills));
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = 1000L + t;
                workers.add(executor.submit(() -> {
                    Random random = new Random(seed);
                    for (int n = 0; n < CHECKOUTS_PER_THREAD; n++) {
                        try {
                            User customer = shop.customer();
                            for (int line = 0; line <= random.nextInt(3); line++) {
                                tz.carts().add(customer.id(), products.get(random.nextInt(PRODUCTS)).id(), 1 + random.nextInt(3));
                            }
                            results.add(tz.checkout().checkout(CheckoutRequest.of(customer.id())
                                    .withIdempotencyKey(UUID.randomUUID().toString())
                                    .withTaxRate(new java.math.BigDecimal("0.0725"))));
                            placed.incrementAndGet();
                        } catch (DatabaseUnavailableException | ConcurrencyFailureException e) {
                            unavailable.incrementAndGet();
                        } catch (InsufficientStockException e) {
                            shortStock.incrementAndGet();
                        } catch (TechzoneException e) {
                            unexpected.add(e);
                        } catch (RuntimeException e) {
                            unexpected.add(e);              // untyped: the library let something through
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(120, TimeUnit.SECONDS);
            }
            running.set(false);
            killer.get(30, TimeUnit.SECONDS);
            executor.shutdown();

            assertThat(unexpected).as("errors that were not typed as unavailable, short stock or concurrency").isEmpty();
            assertThat(kills.get()).as("backends killed").isPositive();
            assertThat(placed.get() + unavailable.get() + shortStock.get()).isEqualTo(THREADS * CHECKOUTS_PER_THREAD);
            assertThat(placed.get()).as("orders placed despite the kills").isPositive();
            // Checked on fresh connections: the killer's last victim may still sit idle in the pool.
            Techzone check = Techzone.create(database.dataSource());
            assertThat(Invariants.violations(check.jdbi())).isEmpty();
            for (CheckoutResult result : results) {
                assertThat(check.orders().findById(result.order().id())).as("a reported order is stored").isPresent();
                assertThat(check.orderItems().listByOrder(result.order().id())).hasSameSizeAs(result.items());
                assertThat(check.orderHistory().listByOrder(result.order().id())).hasSize(1);
                assertThat(check.inventoryLogs().listByOrder(result.order().id())).hasSameSizeAs(result.items());
            }
        }
    }

    /** Every few milliseconds, terminates one backend of the pool, busy or idle. */
    private static Void killAtRandom(TestDatabase database, AtomicBoolean running, AtomicInteger kills) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            while (running.get()) {
                try (ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid) FROM ("
                        + "SELECT pid FROM pg_stat_activity WHERE application_name = '" + APPLICATION + "' "
                        + "ORDER BY random() LIMIT 1) victim")) {
                    if (rs.next() && rs.getBoolean(1)) {
                        kills.incrementAndGet();
                    }
                }
                LockSupport.parkNanos(15_000_000L + (long) (Math.random() * 25_000_000L));
            }
        }
        return null;
    }
}
