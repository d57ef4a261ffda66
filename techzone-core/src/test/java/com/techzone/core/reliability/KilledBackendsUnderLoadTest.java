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
 * Checkouts from several threads while another session terminates the pool's backends: at random,
 * busy or idle, and whenever one is caught inside a checkout's transaction. Whatever fails, fails
 * typed, and the invariants hold afterwards (stock never negative, ledger reconciles, totals add
 * up, every order complete). The load runs until checkouts were really interrupted, so the test
 * cannot pass on kills of idle connections alone.
 */
@TechzoneDatabaseTest
class KilledBackendsUnderLoadTest {

    private static final String APPLICATION = "killed-load-test";
    private static final int THREADS = 4;
    private static final int CHECKOUTS_PER_THREAD = 15;
    /** The load goes on past its quota until this many checkouts were killed mid-transaction (bounded below). */
    private static final int INTERRUPTED_WANTED = 3;
    private static final int CHECKOUTS_PER_THREAD_LIMIT = 300;
    private static final int PRODUCTS = 4;

    @Test
    void shouldKeepEveryInvariantWhileBackendsAreKilledDuringCheckouts(TestDatabase database) throws Exception {
        AtomicInteger placed = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger attempted = new AtomicInteger();
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
                products.add(shop.product("1" + i + ".25", 8));   // fewer units than the load asks for: some checkouts run short
            }
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService executor = Executors.newFixedThreadPool(THREADS + 1);
            Future<?> killer = executor.submit(() -> killAtRandom(database, running, kills, interrupted));
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = 1000L + t;
                workers.add(executor.submit(() -> {
                    Random random = new Random(seed);
                    for (int n = 0; n < CHECKOUTS_PER_THREAD
                            || (interrupted.get() < INTERRUPTED_WANTED && n < CHECKOUTS_PER_THREAD_LIMIT); n++) {
                        attempted.incrementAndGet();
                        boolean inCheckout = false;
                        try {
                            User customer = shop.customer();
                            for (int line = 0; line <= random.nextInt(3); line++) {
                                tz.carts().add(customer.id(), products.get(random.nextInt(PRODUCTS)).id(), 1 + random.nextInt(3));
                            }
                            inCheckout = true;
                            results.add(tz.checkout().checkout(CheckoutRequest.of(customer.id())
                                    .withIdempotencyKey(UUID.randomUUID().toString())
                                    .withTaxRate(new java.math.BigDecimal("0.0725"))));
                            placed.incrementAndGet();
                        } catch (DatabaseUnavailableException e) {
                            unavailable.incrementAndGet();
                            if (inCheckout) {
                                interrupted.incrementAndGet();
                            }
                        } catch (ConcurrencyFailureException e) {
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

            String counts = "placed " + placed + ", unavailable " + unavailable + " (in checkout " + interrupted
                    + "), short stock " + shortStock + ", attempted " + attempted + ", kills " + kills;
            assertThat(unexpected).as("errors that were not typed as unavailable, short stock or concurrency").isEmpty();
            assertThat(kills.get()).as("backends killed").isPositive();
            assertThat(interrupted.get()).as("checkouts whose backend was killed under them: " + counts).isGreaterThanOrEqualTo(INTERRUPTED_WANTED);
            assertThat(shortStock.get()).as("checkouts refused for short stock (the load asks for more than there is): " + counts).isPositive();
            assertThat(placed.get() + unavailable.get() + shortStock.get()).isEqualTo(attempted.get());
            assertThat(attempted.get()).isGreaterThanOrEqualTo(THREADS * CHECKOUTS_PER_THREAD);
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

    /**
     * Every 50-150 ms, terminates one backend of the pool at random, busy or idle; until enough
     * checkouts were interrupted, also every millisecond one caught inside a checkout's transaction.
     */
    private static Void killAtRandom(TestDatabase database, AtomicBoolean running, AtomicInteger kills,
            AtomicInteger interrupted) throws Exception {
        String ofThePool = "FROM pg_stat_activity WHERE application_name = '" + APPLICATION + "' ";
        // A checkout's transaction: its cart lock (lockCart.sql) done or its one write (placeOrder.sql) running.
        String inTransaction = "SELECT pg_terminate_backend(pid) FROM (SELECT pid " + ofThePool
                + "AND state IN ('active', 'idle in transaction') AND xact_start IS NOT NULL "
                + "AND (query LIKE '%p ON p.id = c.product_id%' OR query LIKE '%new_order AS%') LIMIT 1) victim";
        String any = "SELECT pg_terminate_backend(pid) FROM (SELECT pid " + ofThePool + "ORDER BY random() LIMIT 1) victim";
        long nextRandomKill = System.nanoTime();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            while (running.get()) {
                boolean hunting = interrupted.get() < INTERRUPTED_WANTED;
                boolean random = System.nanoTime() >= nextRandomKill;
                if (random || hunting) {
                    try (ResultSet rs = s.executeQuery(random ? any : inTransaction)) {
                        if (rs.next() && rs.getBoolean(1)) {
                            kills.incrementAndGet();
                        }
                    }
                }
                if (random) {
                    nextRandomKill = System.nanoTime() + 50_000_000L + (long) (Math.random() * 100_000_000L);
                }
                LockSupport.parkNanos(1_000_000L);
            }
        }
        return null;
    }
}
