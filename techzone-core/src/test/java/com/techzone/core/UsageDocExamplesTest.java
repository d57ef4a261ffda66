package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.NewCategory;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.ProductDao;
import com.techzone.core.cart.CartDao;
import com.techzone.core.inventory.InsufficientStockException;
import com.techzone.core.inventory.Shortage;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.CheckoutResult;
import com.techzone.core.review.RatingSummary;
import com.techzone.core.user.User;
import com.techzone.migrations.TechzoneMigrations;
import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The examples of docs/usage.md: each snippet between tag markers is copied there verbatim. */
@TechzoneDatabaseTest
class UsageDocExamplesTest {

    @Test
    void shouldBuildTheFacadeFromAPool(TestDatabase database) {
        String jdbcUrl = database.jdbcUrl();
        String user = database.user();
        String password = database.password();
        // tag::facade[]
        try (HikariDataSource pool = TechzonePool.create(jdbcUrl, user, password, "shop-web")) {
            Techzone techzone = Techzone.create(pool);
            ProductDao products = techzone.products();
            assertThat(products.findBySku("NO-SUCH-SKU")).isEmpty();
        }
        // end::facade[]
    }

    @Test
    void shouldUseTheTablesOfANonPublicSchema() {
        try (TestDatabase database = TestPostgres.get().createMigratedDatabase("shop")) {   // public: a host's own users, orders, ...
            DataSource dataSource = database.dataSource();
            // tag::schema[]
            TechzoneMigrations.configure(dataSource).schema("shop").load().migrate();
            Techzone techzone = Techzone.configure(dataSource).schema("shop").build();
            Category audio = techzone.categories().create(new NewCategory("Audio", "audio", null));  // INSERT INTO shop.categories
            assertThat(techzone.categories().findBySlug("audio")).contains(audio);
            // end::schema[]
            assertThat(techzone.schema()).isEqualTo("shop");
        }
    }

    @Test
    void shouldCheckOutAndHandleShortStock(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        User customer = shop.customer();
        Product mouse = shop.product("19.99", 10);
        java.io.StringWriter shown = new java.io.StringWriter();
        java.io.PrintWriter out = new java.io.PrintWriter(shown, true);   // what the host would show its user
        // tag::checkout[]
        techzone.carts().add(customer.id(), mouse.id(), 2);
        CheckoutRequest request = CheckoutRequest.of(customer.id())
                .withIdempotencyKey("order-form-7f3a")          // the same key again returns the same order
                .withTaxRate(new java.math.BigDecimal("0.08"));
        try {
            CheckoutResult result = techzone.checkout().checkout(request);
            out.println("Order #" + result.order().orderNumber() + " total " + result.order().total());
        } catch (InsufficientStockException e) {
            for (Shortage s : e.shortages()) {
                out.println(s.sku() + ": asked " + s.requested() + ", only " + s.available() + " left");
            }
        }
        // end::checkout[]
        assertThat(techzone.products().findById(mouse.id()).orElseThrow().stock()).isEqualTo(8);
        assertThat(shown.toString()).startsWith("Order #").contains("total 43.18");
    }

    @Test
    void shouldRunOurCallsInsideTheHostsTransaction(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        User customer = shop.customer();
        Product cable = shop.product("5.00", 10);
        // tag::host-transaction[]
        assertThatThrownBy(() -> techzone.jdbi().useTransaction(handle -> {
            CartDao cart = techzone.attach(handle, CartDao.class);      // same connection, same transaction
            cart.add(customer.id(), cable.id(), 3);
            techzone.checkout().checkout(handle, CheckoutRequest.of(customer.id()));
            handle.execute("INSERT INTO contacts (name, email, subject, message) VALUES (?, ?, ?, ?)",
                    "Audit", "audit@shop.test", "Order placed", "by the host");
            throw new IllegalStateException("the host changes its mind");  // everything above rolls back
        })).hasMessageContaining("changes its mind");
        // end::host-transaction[]
        assertThat(techzone.products().findById(cable.id()).orElseThrow().stock()).isEqualTo(10);
        assertThat(techzone.carts().listForUser(customer.id())).isEmpty();
        assertThat(shop.count("SELECT count(*) FROM orders WHERE user_id = '" + customer.id() + "'")).isZero();
    }

    @Test
    void shouldPageThroughACategory(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Techzone techzone = shop.techzone();
        Category category = shop.category();
        for (int i = 0; i < 45; i++) {
            shop.product(category, "1.00", 1);
        }
        List<UUID> seen = new ArrayList<>();
        // tag::pagination[]
        String cursor = null;                                   // null: the first page
        do {
            Page<Product> page = techzone.products().listActiveByCategory(category.id(), cursor, 20);
            page.items().forEach(p -> seen.add(p.id()));
            cursor = page.nextCursor();                         // opaque; null after the last page
        } while (cursor != null);
        // end::pagination[]
        assertThat(seen).hasSize(45).doesNotHaveDuplicates();
    }

    @Test
    void shouldRouteListingsToAReplica(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        Category category = shop.category();
        UUID productId = shop.product(category, "5.00", 3).id();
        shop.product(category, "6.00", 3);
        DataSource primary = dataSource;
        DataSource replica = dataSource;   // the rules on a real streaming replica: ReadReplicasTest
        // tag::read-replicas[]
        Techzone techzone = Techzone.configure(primary)
                .readReplicas(replica)                        // pooled data sources of streaming replicas
                .maxReplicaLag(Duration.ofSeconds(5))         // the default: a replica further behind gets no reads
                .build();
        Page<Product> page = techzone.products().listActiveByCategory(category.id(), null, 20);   // @ReplicaRead: a replica
        techzone.products().deactivate(page.items().get(0).id());                                 // a write: the primary
        Page<Product> after = techzone.products().listActiveByCategory(category.id(), null, 20);  // this thread, in the window: the primary
        RatingSummary rating = techzone.onPrimary(() -> techzone.reviews().ratingSummaryForProduct(productId));
        // end::read-replicas[]
        assertThat(page.items()).hasSize(2);
        assertThat(after.items()).hasSize(1);
        assertThat(rating.count()).isZero();
    }

    @Test
    void shouldReportConstraintViolationsByName(DataSource dataSource) {
        Techzone techzone = Shop.on(dataSource).techzone();
        UUID unknownUser = UUID.randomUUID();
        UUID unknownProduct = UUID.randomUUID();
        String refused = null;
        // tag::errors[]
        try {
            techzone.carts().add(unknownUser, unknownProduct, 1);
        } catch (ConstraintViolationException e) {
            refused = e.constraint().orElse("?") + " / SQLState " + e.sqlState().orElse("?");
        } catch (InvalidInputException e) {
            refused = "bad input: " + e.field().orElse("?");
        }
        // end::errors[]
        assertThat(refused).isEqualTo("fk_cart_items_user_id / SQLState 23503");
    }

    @Test
    void shouldImportACatalogueInBulk(DataSource dataSource) {
        Techzone techzone = Shop.on(dataSource).techzone();
        // tag::bulk-import[]
        List<NewProduct> rows = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            rows.add(new NewProduct(null, "BULK-" + i, "Cable " + i, null, new BigDecimal("4.99"), 100, 10));
        }
        long imported = techzone.productImport().load(rows);   // COPY; one transaction, all or nothing
        // end::bulk-import[]
        assertThat(imported).isEqualTo(10_000);
        assertThat(techzone.products().findBySku("BULK-10000")).isPresent();
    }
}
