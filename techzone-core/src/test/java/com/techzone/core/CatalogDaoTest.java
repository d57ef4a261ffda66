package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.CategoryDao;
import com.techzone.core.catalog.NewCategory;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.NewService;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.ProductChanges;
import com.techzone.core.catalog.ProductDao;
import com.techzone.core.catalog.Service;
import com.techzone.core.catalog.ServiceDao;
import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@TechzoneDatabaseTest
class CatalogDaoTest {

    private final Shop shop;
    private final Techzone tz;

    CatalogDaoTest(TestDatabase database) {
        this.shop = Shop.on(database.dataSource());
        this.tz = shop.techzone();
    }

    @Test
    void shouldCreateFindUpdateListAndDeleteCategories() {
        CategoryDao categories = tz.categories();
        Category audio = categories.create(new NewCategory("Audio", "audio-gear", "Speakers and headphones"));

        assertThat(categories.findById(audio.id())).contains(audio);
        assertThat(categories.findBySlug("audio-gear")).contains(audio);
        Category renamed = categories.update(audio.id(), new NewCategory("Audio & Hi-Fi", "audio-gear", null)).orElseThrow();
        assertThat(renamed.name()).isEqualTo("Audio & Hi-Fi");
        assertThat(renamed.description()).isNull();
        assertThat(categories.listAll()).extracting(Category::id).contains(audio.id());
        assertThatThrownBy(() -> categories.create(new NewCategory("Again", "audio-gear", null)))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).contains("uq_categories_slug"));
        assertThatThrownBy(() -> new NewCategory("Bad", "Not A Slug", null)).isInstanceOf(InvalidInputException.class);

        Product product = shop.product(audio, "10.00", 1);
        assertThat(categories.delete(audio.id())).isTrue();
        assertThat(categories.findById(audio.id())).isEmpty();
        assertThat(tz.products().findById(product.id()).orElseThrow().categoryId()).isNull();
        assertThat(categories.delete(audio.id())).isFalse();
    }

    @Test
    void shouldCreateAProductWithItsInitialLedgerRowAndFindIt() {
        ProductDao products = tz.products();
        Product created = products.create(new NewProduct(null, "KB-100", "Keyboard", "Mechanical", new BigDecimal("79.90"), 12, 3));

        assertThat(created.version()).isZero();
        assertThat(created.active()).isTrue();
        assertThat(created.stock()).isEqualTo(12);
        assertThat(products.findById(created.id())).contains(created);
        assertThat(products.findBySku("KB-100")).contains(created);
        assertThat(tz.inventoryLogs().sumOfChanges(created.id())).isEqualTo(12);
        assertThatThrownBy(() -> products.create(new NewProduct(null, "KB-100", "Clone", null, BigDecimal.TEN, 0, 0)))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> {
                    assertThat(e.constraint()).contains("uq_products_sku");
                    assertThat(e.sqlState()).contains("23505");
                });
    }

    @Test
    void shouldRefuseBadProductValuesBeforeSql() {
        assertThatThrownBy(() -> new NewProduct(null, "", "n", null, BigDecimal.ONE, 0, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewProduct(null, "s".repeat(65), "n", null, BigDecimal.ONE, 0, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewProduct(null, "s", "n", null, BigDecimal.ZERO, 0, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewProduct(null, "s", "n", null, new BigDecimal("-1"), 0, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewProduct(null, "s", "n", null, BigDecimal.ONE, -1, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewProduct(null, null, "n", null, BigDecimal.ONE, 0, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NewProduct(null, "s", "n\0", null, BigDecimal.ONE, 0, 0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldStoreHostileTextVerbatim() {
        String hostile = "Robert'); DROP TABLE products;-- \u00e9\u4e2d\ud83d\ude00";
        Product p = tz.products().create(new NewProduct(null, "HOSTILE-1", hostile, hostile, BigDecimal.ONE, 0, 0));
        assertThat(tz.products().findById(p.id()).orElseThrow().name()).isEqualTo(hostile);
        assertThat(shop.count("SELECT count(*) FROM products WHERE sku = 'HOSTILE-1'")).as("the table survived, the row stored once").isEqualTo(1);
    }

    @Test
    void shouldUpdateUnderOptimisticLockingAndRefuseAStaleVersion() {
        ProductDao products = tz.products();
        Product p = shop.product("10.00", 0);

        Product updated = products.update(p.id(), 0, ProductChanges.of(p).withPrice(new BigDecimal("12.50")));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.price()).isEqualByComparingTo("12.50");
        assertThatThrownBy(() -> products.update(p.id(), 0, ProductChanges.of(p).withName("Lost update")))
                .isInstanceOfSatisfying(StaleVersionException.class, e -> {
                    assertThat(e.expectedVersion()).isZero();
                    assertThat(e.actualVersion()).isEqualTo(1);
                });
        assertThat(products.findById(p.id()).orElseThrow().name()).isEqualTo(p.name());
        assertThatThrownBy(() -> products.update(UUID.randomUUID(), 0, ProductChanges.of(p)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldDeactivateAndReactivate() {
        Product p = shop.product("10.00", 0);
        assertThat(tz.products().deactivate(p.id())).isTrue();
        assertThat(tz.products().deactivate(p.id())).isFalse();
        assertThat(tz.products().findById(p.id()).orElseThrow().active()).isFalse();
        assertThat(tz.products().reactivate(p.id())).isTrue();
        assertThat(tz.products().findById(p.id()).orElseThrow().active()).isTrue();
    }

    @Test
    void shouldPageThroughTheActiveProductsOfACategoryInNameOrderWithoutGapsOrRepeats() {
        Category category = shop.category();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = "Item " + (char) ('G' - i);
            names.add(name);
            tz.products().create(new NewProduct(category.id(), "CAT-" + category.slug() + "-" + i, name, null, BigDecimal.ONE, 1, 0));
        }
        Product hidden = shop.product(category, "1.00", 1);
        tz.products().deactivate(hidden.id());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<Product> page = tz.products().listActiveByCategory(category.id(), cursor, 3);
            page.items().forEach(p -> seen.add(p.name()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(names.stream().sorted().toList());
        assertThat(pages).isEqualTo(3);
        assertThatThrownBy(() -> tz.products().listActiveByCategory(category.id(), null, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tz.products().listActiveByCategory(category.id(), null, Page.MAX_PAGE_SIZE + 1))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tz.products().listActiveByCategory(category.id(), "not-a-cursor!", 3))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldListTheActiveCatalogueInBothDirections() {
        List<Product> created = IntStream.range(0, 5).mapToObj(i -> shop.product("2.00", 1)).toList();

        Page<Product> newest = tz.products().listActive(SortOrder.NEWEST_FIRST, null, 2);
        Page<Product> second = tz.products().listActive(SortOrder.NEWEST_FIRST, newest.nextCursor(), 2);
        Page<Product> oldest = tz.products().listActive(SortOrder.OLDEST_FIRST, null, 500);

        assertThat(newest.items()).extracting(Product::id).containsExactly(created.get(4).id(), created.get(3).id());
        assertThat(second.items()).extracting(Product::id).containsExactly(created.get(2).id(), created.get(1).id());
        assertThat(oldest.items()).extracting(Product::createdAt).isSorted();
        assertThat(oldest.hasNext()).isFalse();
    }

    @Test
    void shouldListLowStockProductsEmptiestFirst() {
        Product empty = shop.product("1.00", 0);
        Product low = shop.product("1.00", 2);
        Product plenty = shop.product("1.00", 50);

        List<Product> lowStock = tz.products().listLowStock(500);

        assertThat(lowStock).extracting(Product::id).contains(empty.id(), low.id()).doesNotContain(plenty.id());
        assertThat(lowStock).extracting(Product::stock).isSorted();
    }

    @Test
    void shouldCreateManyProductsInOneBatchWithTheirLedgerRows() {
        List<NewProduct> batch = IntStream.range(0, 50)
                .mapToObj(i -> new NewProduct(null, "BATCH-" + i, "Batch " + i, null, new BigDecimal("3.00"), i, 5)).toList();

        assertThat(tz.products().createAll(batch)).isEqualTo(50);

        assertThat(shop.count("SELECT count(*) FROM products WHERE sku LIKE 'BATCH-%'")).isEqualTo(50);
        assertThat(shop.count("SELECT count(*) FROM inventory_logs l JOIN products p ON p.id = l.product_id WHERE p.sku LIKE 'BATCH-%'"))
                .isEqualTo(49);
        assertThat(shop.ledgerReconciles()).isTrue();
    }

    @Test
    void shouldRollBackTheWholeBatchWhenOneRowIsRefused() {
        List<NewProduct> batch = List.of(new NewProduct(null, "DUP-1", "One", null, BigDecimal.ONE, 1, 0),
                new NewProduct(null, "DUP-1", "Two", null, BigDecimal.ONE, 1, 0));

        assertThatThrownBy(() -> tz.products().createAll(batch)).isInstanceOf(ConstraintViolationException.class);
        assertThat(tz.products().findBySku("DUP-1")).isEmpty();
    }

    @Test
    void shouldExportEveryProductThroughAStreamWithoutLeakingTheConnection(TestDatabase database) throws Exception {
        try (HikariDataSource pool = TechzonePool.create(database.jdbcUrl(), database.user(), database.password(), "export-test")) {
            Techzone pooled = Techzone.configure(pool).schema(shop.techzone().schema()).build();
            long expected = shop.count("SELECT count(*) FROM products") ;
            List<UUID> ids = new ArrayList<>();

            long exported = pooled.products().exportAll(p -> ids.add(p.id()));

            assertThat(exported).isEqualTo(expected);
            assertThat(ids).hasSize((int) expected).doesNotHaveDuplicates();
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
            assertThatThrownBy(() -> pooled.products().exportAll(p -> {
                throw new IllegalStateException("sink failed");
            })).hasMessageContaining("sink failed");
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
    }

    @Test
    void shouldCreateFindUpdateDeactivateAndListServices() {
        ServiceDao services = tz.services();
        Category category = shop.category();
        Service install = services.create(new NewService(category.id(), "Installation", null, new BigDecimal("80.00"), 90));
        Service repair = services.create(new NewService(category.id(), "Repair", null, new BigDecimal("60.00"), 60));

        assertThat(services.findById(install.id())).contains(install);
        Service longer = services.update(install.id(), new NewService(category.id(), "Installation", "On site",
                new BigDecimal("95.00"), 120)).orElseThrow();
        assertThat(longer.durationMinutes()).isEqualTo(120);
        assertThat(services.listActiveByCategory(category.id(), null, 10).items()).extracting(Service::name)
                .containsExactly("Installation", "Repair");
        assertThat(services.deactivate(repair.id())).isTrue();
        assertThat(services.listActiveByCategory(category.id(), null, 10).items()).extracting(Service::id)
                .containsExactly(install.id());
        assertThatThrownBy(() -> new NewService(null, "x", null, BigDecimal.ONE, 0)).isInstanceOf(InvalidInputException.class);
    }
}
