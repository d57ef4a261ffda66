package com.techzone.core;

import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.NewCategory;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.NewService;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.Service;
import com.techzone.core.user.NewUser;
import com.techzone.core.user.User;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;

/** Named fixtures for the tests: a shop with customers, a category, products and services. */
public final class Shop {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A stored hash the tests use; never a password. */
    public static final String SOME_HASH = "pbkdf2-sha256$1000$c2FsdA$aGFzaA";

    private final Techzone techzone;

    private Shop(Techzone techzone) {
        this.techzone = techzone;
    }

    /**
     * A shop on the facade for the schema TechZone was migrated into there: {@code public}, or the
     * schema of a {@code @TechzoneDatabaseTest(schema = ...)} database.
     */
    public static Shop on(DataSource dataSource) {
        return new Shop(Techzone.configure(dataSource).schema(techzoneSchema(dataSource)).build());
    }

    /** The schema holding the TechZone migration history in that database. */
    public static String techzoneSchema(DataSource dataSource) {
        return Jdbi.create(dataSource).withHandle(h -> h.createQuery("""
                SELECT table_schema FROM information_schema.tables
                WHERE table_name = 'techzone_schema_history' ORDER BY table_schema = 'public' DESC LIMIT 1""")
                .mapTo(String.class).findOne().orElse(Techzone.DEFAULT_SCHEMA));
    }

    /**
     * Runs the test's own SQL (fixtures, checks) on a handle whose search_path is the TechZone
     * schema, so the test's unqualified names reach TechZone's tables rather than a host's decoys;
     * the library's own statements never depend on it.
     */
    public <R> R withTables(HandleCallback<R, RuntimeException> callback) {
        return techzone.jdbi().withHandle(h -> {
            h.execute("SET search_path TO " + techzone.schema());
            try {
                return callback.withHandle(h);
            } finally {
                h.execute("RESET search_path");
            }
        });
    }

    /** {@link #withTables} without a result. */
    public void useTables(HandleConsumer<RuntimeException> consumer) {
        withTables(h -> {
            consumer.useHandle(h);
            return null;
        });
    }

    /**
     * The database server's clock ({@code clock_timestamp()}): read it before and after a call to bound a
     * timestamp the call set with {@code now()}, whose transaction starts between the two reads.
     */
    public Instant databaseClock() {
        return techzone.jdbi().withHandle(h -> h.createQuery("SELECT clock_timestamp()").mapTo(Instant.class).one());
    }

    public Techzone techzone() {
        return techzone;
    }

    public User customer() {
        int n = SEQUENCE.incrementAndGet();
        return techzone.users().create(new NewUser("customer" + n + "@shop.test", SOME_HASH, "Customer " + n, null));
    }

    public Category category() {
        int n = SEQUENCE.incrementAndGet();
        return techzone.categories().create(new NewCategory("Category " + n, "category-" + n, null));
    }

    public Product product(String price, int stock) {
        return product(null, price, stock);
    }

    public Product product(Category category, String price, int stock) {
        int n = SEQUENCE.incrementAndGet();
        return techzone.products().create(new NewProduct(category == null ? null : category.id(), "SKU-" + n,
                "Product " + n, null, new BigDecimal(price), stock, 5));
    }

    public Service service() {
        int n = SEQUENCE.incrementAndGet();
        return techzone.services().create(new NewService(null, "Service " + n, null, new BigDecimal("49.00"), 60));
    }

    /** Runs one SQL query returning a single long, e.g. a count. */
    public long count(String sql) {
        return withTables(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    /** Whether every product's stock equals the sum of its ledger changes. */
    public boolean ledgerReconciles() {
        return withTables((Handle h) -> h.createQuery("""
                SELECT count(*) FROM products p
                WHERE p.stock <> (SELECT coalesce(sum(change), 0) FROM inventory_logs l WHERE l.product_id = p.id)""")
                .mapTo(Long.class).one()) == 0;
    }
}
