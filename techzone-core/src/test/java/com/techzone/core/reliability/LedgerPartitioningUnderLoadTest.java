package com.techzone.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.core.Shop;
import com.techzone.core.Techzone;
import com.techzone.core.TechzonePool;
import com.techzone.core.catalog.Product;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.CheckoutResult;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.user.User;
import com.techzone.migrations.LedgerPartitioning;
import com.techzone.migrations.PartitioningResult;
import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The online conversion of the ledgers while checkouts, restocks and status moves run from several
 * threads: not one of them fails, every order placed before, during and after has its ledger and
 * history rows, and the invariants hold on the partitioned layout. The conversion's longest blocking
 * lock is what {@link PartitioningResult#longestLock()} measured (docs/schema.md reports it).
 */
@TechzoneDatabaseTest
class LedgerPartitioningUnderLoadTest {

    private static final int CHECKOUT_THREADS = 3;
    private static final int PRODUCTS = 4;
    private static final int BEFORE = 20;
    private static final int AFTER = 20;

    @Test
    void shouldConvertTheLedgersWithoutFailingOneCheckout(TestDatabase database) throws Exception {
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        Queue<CheckoutResult> results = new ConcurrentLinkedQueue<>();
        Queue<CheckoutResult> toMove = new ConcurrentLinkedQueue<>();
        AtomicInteger placed = new AtomicInteger();
        AtomicInteger moves = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        try (HikariDataSource pool = TechzonePool.create(database.jdbcUrl(), database.user(), database.password(), "partition-load")) {
            pool.setMaximumPoolSize(CHECKOUT_THREADS + 1);
            Shop shop = Shop.on(pool);
            Techzone tz = shop.techzone();
            List<Product> products = new ArrayList<>();
            for (int i = 0; i < PRODUCTS; i++) {
                products.add(shop.product("9.50", 100_000));
            }
            ExecutorService executor = Executors.newFixedThreadPool(CHECKOUT_THREADS + 1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < CHECKOUT_THREADS; t++) {
                long seed = 2000L + t;
                workers.add(executor.submit(() -> {
                    Random random = new Random(seed);
                    while (running.get()) {
                        try {
                            User customer = shop.customer();
                            tz.carts().add(customer.id(), products.get(random.nextInt(PRODUCTS)).id(), 1 + random.nextInt(3));
                            CheckoutResult result = tz.checkout().checkout(CheckoutRequest.of(customer.id()));
                            results.add(result);
                            toMove.add(result);
                            placed.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            workers.add(executor.submit(() -> {                // restocks and status moves on the ledgers too
                while (running.get()) {
                    try {
                        tz.inventory().restock(products.get(moves.get() % PRODUCTS).id(), 5, null);
                        CheckoutResult pending = toMove.poll();
                        if (pending != null) {
                            tz.orderLifecycle().transition(pending.order().id(), OrderStatus.PROCESSING, null, "picked");
                        }
                        moves.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
                return null;
            }));

            awaitAtLeast(placed::get, BEFORE, workers);
            PartitioningResult conversion = LedgerPartitioning.configure(database.dataSource()).load().convert();
            int atConversion = placed.get();
            awaitAtLeast(placed::get, atConversion + AFTER, workers);
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
            executor.shutdown();

            assertThat(failures).as("checkouts, restocks or moves that failed during the conversion").isEmpty();
            assertThat(conversion.convertedTables()).containsExactly("inventory_logs", "order_status_history");
            assertThat(conversion.longestLock()).as("measured").isPositive();
            assertThat(moves.get()).as("restocks and status moves ran").isPositive();
            assertThat(shop.count("SELECT count(*) FROM pg_class WHERE relname IN ('inventory_logs', 'order_status_history') "
                    + "AND relkind = 'p'")).isEqualTo(2);
            Techzone check = Techzone.create(database.dataSource());
            assertThat(Invariants.violations(check.jdbi())).isEmpty();
            assertThat(results).hasSize(placed.get());
            for (CheckoutResult result : results) {
                assertThat(check.orderHistory().listByOrder(result.order().id())).isNotEmpty();
                assertThat(check.inventoryLogs().listByOrder(result.order().id())).hasSameSizeAs(result.items());
            }
        }
    }

    /** Polls until the counter reaches the target; fails fast if a worker died. */
    private static void awaitAtLeast(IntSupplier counter, int target, List<Future<?>> workers) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (counter.getAsInt() < target) {
            for (Future<?> worker : workers) {
                if (worker.isDone()) {
                    worker.get();
                    throw new AssertionError("a load thread stopped early");
                }
            }
            assertThat(System.nanoTime()).as("the load reaches " + target).isLessThan(deadline);
            LockSupport.parkNanos(5_000_000L);
        }
    }
}
