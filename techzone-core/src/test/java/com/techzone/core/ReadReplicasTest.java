package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.ProductDao;
import com.techzone.core.inventory.InventoryLog;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.CheckoutResult;
import com.techzone.core.order.Order;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.user.Role;
import com.techzone.core.user.User;
import com.techzone.testing.TestCluster;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Techzone.configure(primary).readReplicas(replica)} on a real streaming replica. Where a read
 * went is seen from what it returns: while the replica's replay is paused, a row written on the
 * primary is visible there only. Reads are made on fresh threads, so no read-your-writes window of
 * the test thread decides for them.
 */
class ReadReplicasTest {

    private static final Duration LONG = Duration.ofSeconds(60);
    private static final Duration SHORT_CHECKS = Duration.ofMillis(50);

    private static TestCluster primary;
    private static TestCluster replica;
    private static DataSource primaryDataSource;
    private static DataSource replicaDataSource;
    /** Writes the fixtures on the primary; a facade without replicas, so its writes open no window of the routed ones. */
    private static Shop shop;

    private Category category;

    @BeforeAll
    static void startPrimaryAndReplica() {
        primary = TestCluster.start(Map.of());
        primary.createMigratedDatabase("shop");
        replica = primary.startReplica();
        primaryDataSource = primary.dataSource("shop");
        replicaDataSource = replica.dataSource("shop");
        shop = Shop.on(primaryDataSource);
    }

    @AfterAll
    static void stop() {
        if (replica != null) {
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @BeforeEach
    void categoryOnBothServers() {
        category = shop.category();
        caughtUp();
    }

    @Test
    void shouldSendListingsToTheReplicaAndLookupsToThePrimary() {
        Techzone routed = routed(LONG, SHORT_CHECKS);
        Product before = shop.product(category, "10.00", 5);
        caughtUp();
        assertThat(onFreshThread(() -> listed(routed))).as("the replica answers listings").contains(before.sku());

        whileReplayPaused(() -> {
            Product fresh = writtenWhilePaused(() -> shop.product(category, "12.00", 5));

            assertThat(onFreshThread(() -> listed(routed))).contains(before.sku()).doesNotContain(fresh.sku());
            assertThat(onFreshThread(() -> routed.products().findById(fresh.id()))).as("lookup by id on the primary").isPresent();
            assertThat(onFreshThread(() -> routed.onPrimary(() -> listed(routed)))).contains(fresh.sku());
        });
    }

    @Test
    void shouldReadYourOwnWritesOnThePrimaryWithinTheWindow() {
        Techzone routed = routed(LONG, SHORT_CHECKS);
        whileReplayPaused(() -> {
            // A write through the facade, then a listing on the same thread: the primary.
            assertThat(onFreshThread(() -> {
                Product mine = routed.products().create(newProduct("RYW-A-" + UUID.randomUUID()));
                return listed(routed).contains(mine.sku());
            })).isTrue();

            // A write through a DAO attached to the host's handle opens the window too.
            assertThat(onFreshThread(() -> {
                Product mine = routed.jdbi().withHandle(h -> routed.attach(h, ProductDao.class)
                        .create(newProduct("RYW-B-" + UUID.randomUUID())));
                return listed(routed).contains(mine.sku());
            })).isTrue();

            // And a JDBC batch.
            assertThat(onFreshThread(() -> {
                String sku = "RYW-C-" + UUID.randomUUID();
                routed.products().createAll(java.util.List.of(newProduct(sku)));
                return listed(routed).contains(sku);
            })).isTrue();

            // Another thread, which wrote nothing, reads the replica, which has not replayed them.
            assertThat(onFreshThread(() -> listed(routed))).noneMatch(sku -> sku.startsWith("RYW-"));
        });
    }

    @Test
    void shouldKeepReadsOnThePrimaryForTheGivenWindowOnly() {
        Techzone routed = routed(LONG, SHORT_CHECKS);
        whileReplayPaused(() -> {
            Product hostWritten = writtenWhilePaused(() -> shop.product(category, "11.00", 5));
            assertThat(onFreshThread(() -> {
                // Long enough that the first listing falls inside it on a loaded machine (it was 300 ms).
                routed.primaryFor(Duration.ofSeconds(2));
                boolean inWindow = listed(routed).contains(hostWritten.sku());
                // Bounded: once the window is over, the same thread reads the replica again.
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (listed(routed).contains(hostWritten.sku())) {
                    if (System.nanoTime() > deadline) {
                        return false;
                    }
                    pause();
                }
                return inWindow;
            })).isTrue();
        });
    }

    @Test
    void shouldSkipALaggingReplicaAndUseItAgainOnceCaughtUp() {
        Techzone routed = routed(Duration.ofSeconds(2), SHORT_CHECKS);
        Product late = whileReplayPaused(() -> {
            Product p = writtenWhilePaused(() -> shop.product(category, "13.00", 5));
            replica.awaitTrue("shop", "SELECT now() - pg_last_xact_replay_timestamp() > interval '3 s'");

            assertThat(onFreshThread(() -> listed(routed))).as("answered by the primary, no error").contains(p.sku());
            return p;
        });
        caughtUp();

        whileReplayPaused(() -> {
            Product unseen = writtenWhilePaused(() -> shop.product(category, "14.00", 5));
            // Replay paused a moment ago, right after a replayed commit: the lag is under 2 s again.
            awaitTrue(() -> !onFreshThread(() -> listed(routed)).contains(unseen.sku()), "reads back on the replica");
            assertThat(onFreshThread(() -> listed(routed))).contains(late.sku());
        });
    }

    @Test
    void shouldSkipAReplicaThatIsDownAndUseItAgainOnceBack() {
        replica.stop();
        Product written;
        Techzone routed;
        try {
            routed = routed(LONG, SHORT_CHECKS);   // a replica down at start-up does not stop build()
            written = shop.product(category, "15.00", 5);
            for (int i = 0; i < 3; i++) {
                assertThat(onFreshThread(() -> listed(routed))).as("answered by the primary, no error").contains(written.sku());
            }
        } finally {
            replica.restart();
        }
        caughtUp();

        whileReplayPaused(() -> {
            Product unseen = writtenWhilePaused(() -> shop.product(category, "16.00", 5));
            awaitTrue(() -> !onFreshThread(() -> listed(routed)).contains(unseen.sku()), "reads back on the replica");
            assertThat(onFreshThread(() -> listed(routed))).contains(written.sku());
        });
    }

    @Test
    void shouldRunAReadOnThePrimaryWhenTheReplicaDiesBetweenChecks() {
        Techzone routed = routed(LONG, Duration.ofHours(1));
        assertThat(onFreshThread(() -> listed(routed))).isNotNull();   // the replica checked and found usable, for an hour
        replica.stop();
        try {
            Product written = shop.product(category, "17.00", 5);
            assertThat(onFreshThread(() -> listed(routed))).contains(written.sku());
            assertThat(onFreshThread(() -> routed.reviews().ratingSummaryForProduct(written.id()).count())).isZero();
        } finally {
            replica.restart();
        }
    }

    @Test
    void shouldNeverRunWorkflowsOnTheReplica() {
        Techzone routed = routed(LONG, SHORT_CHECKS);
        whileReplayPaused(() -> {
            // Everything the workflows read exists on the primary only.
            User buyer = writtenWhilePaused(shop::customer);
            Product product = shop.product(category, "20.00", 10);
            shop.techzone().carts().add(buyer.id(), product.id(), 2);
            String email = "replica-" + UUID.randomUUID() + "@shop.test";
            shop.techzone().accounts().register(email, "correct horse".toCharArray(), "Replica Reader", Role.USER);
            assertThat(onFreshThread(() -> listed(routed))).as("listings are on the replica meanwhile").doesNotContain(product.sku());

            CheckoutResult checkout = onFreshThread(() -> routed.checkout().checkout(CheckoutRequest.of(buyer.id())));
            assertThat(checkout.items()).singleElement().satisfies(item -> assertThat(item.quantity()).isEqualTo(2));

            Order moved = onFreshThread(() -> routed.orderLifecycle().transition(checkout.order().id(), OrderStatus.PROCESSING, null, null));
            assertThat(moved.status()).isEqualTo(OrderStatus.PROCESSING);

            InventoryLog restock = onFreshThread(() -> routed.inventory().restock(product.id(), 5, null));
            assertThat(restock.stockAfter()).isEqualTo(10 - 2 + 5);

            assertThat(onFreshThread(() -> routed.accounts().authenticate(email, "correct horse".toCharArray()))).isPresent();
        });
    }

    @Test
    void shouldRefuseBadReplicaSettingsByName() {
        assertThatThrownBy(() -> Techzone.configure(primaryDataSource).readReplicas())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("replicas");
        assertThatThrownBy(() -> Techzone.configure(primaryDataSource).readReplicas(replicaDataSource, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("replicas[1]");
        assertThatThrownBy(() -> Techzone.configure(primaryDataSource).maxReplicaLag(Duration.ZERO))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("maxReplicaLag");
        assertThatThrownBy(() -> Techzone.configure(primaryDataSource).replicaCheckInterval(Duration.ofMillis(-1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("replicaCheckInterval");
        assertThatThrownBy(() -> routed(LONG, SHORT_CHECKS).primaryFor(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("duration");
    }

    private static Techzone routed(Duration maxLag, Duration checkInterval) {
        return Techzone.configure(primaryDataSource).readReplicas(replicaDataSource)
                .maxReplicaLag(maxLag).replicaCheckInterval(checkInterval).build();
    }

    private java.util.List<String> listed(Techzone techzone) {
        return techzone.products().listActiveByCategory(category.id(), null, Page.MAX_PAGE_SIZE).items().stream()
                .map(Product::sku).toList();
    }

    private NewProduct newProduct(String sku) {
        return new NewProduct(category.id(), sku, "Product " + sku, null, new BigDecimal("9.00"), 3, 1);
    }

    /** Runs {@code write} on the primary and checks the premise: the paused replica has not replayed it. */
    private static <T> T writtenWhilePaused(Supplier<T> write) {
        T written = write.get();
        String sent = (String) primary.queryValue("shop", "SELECT pg_current_wal_insert_lsn()::text");
        replica.awaitTrue("shop", "SELECT pg_last_wal_receive_lsn() >= '" + sent + "'::pg_lsn");
        assertThat(replica.queryValue("shop", "SELECT pg_last_wal_replay_lsn() < '" + sent + "'::pg_lsn"))
                .as("replay paused before the write").isEqualTo(true);
        return written;
    }

    private static void whileReplayPaused(Runnable work) {
        whileReplayPaused(() -> {
            work.run();
            return null;
        });
    }

    private static <T> T whileReplayPaused(Supplier<T> work) {
        replica.execute("shop", "SELECT pg_wal_replay_pause()");
        try {
            return work.get();
        } finally {
            replica.execute("shop", "SELECT pg_wal_replay_resume()");
        }
    }

    /** The primary commits once and the replica replays it. */
    private static void caughtUp() {
        primary.execute("shop", "CREATE TABLE IF NOT EXISTS heartbeat (x int)", "INSERT INTO heartbeat VALUES (1)");
        String sent = (String) primary.queryValue("shop", "SELECT pg_current_wal_insert_lsn()::text");
        replica.awaitTrue("shop", "SELECT pg_last_wal_replay_lsn() >= '" + sent + "'::pg_lsn");
    }

    private static <T> T onFreshThread(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, runnable -> new Thread(runnable).start()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** Polls (every 20 ms, up to 30 s) until {@code condition} holds. */
    private static void awaitTrue(Supplier<Boolean> condition, String what) {
        for (int i = 0; i < 1500; i++) {
            if (condition.get()) {
                return;
            }
            pause();
        }
        throw new AssertionError("Never true within 30 s: " + what);
    }

    /** 20 ms between two polls. */
    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
