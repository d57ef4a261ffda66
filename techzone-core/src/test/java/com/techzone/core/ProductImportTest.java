package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.Product;
import com.techzone.testing.TechzoneDatabaseTest;
import com.techzone.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@TechzoneDatabaseTest
class ProductImportTest {

    private final Shop shop;
    private final Techzone tz;

    ProductImportTest(TestDatabase database) {
        this.shop = Shop.on(database.dataSource());
        this.tz = shop.techzone();
    }

    @Test
    void shouldImportThousandsOfProductsWithTheirInitialLedgerRows() {
        Category category = shop.category();
        List<NewProduct> rows = IntStream.range(0, 5_000)
                .mapToObj(i -> new NewProduct(i % 2 == 0 ? category.id() : null, "IMP-" + i, "Imported " + i,
                        i % 3 == 0 ? null : "desc " + i, new BigDecimal("1.05").add(BigDecimal.valueOf(i)), i % 7, 3))
                .toList();
        long before = shop.count("SELECT count(*) FROM products");

        long imported = tz.productImport().load(rows);

        assertThat(imported).isEqualTo(5_000);
        assertThat(shop.count("SELECT count(*) FROM products") - before).isEqualTo(5_000);
        Product p = tz.products().findBySku("IMP-10").orElseThrow();
        assertThat(p.price()).isEqualByComparingTo("11.05");
        assertThat(p.stock()).isEqualTo(3);
        assertThat(p.description()).isEqualTo("desc 10");
        assertThat(p.categoryId()).isEqualTo(category.id());
        assertThat(tz.products().findBySku("IMP-9").orElseThrow().description()).isNull();
        assertThat(shop.count("SELECT count(*) FROM inventory_logs l JOIN products p ON p.id = l.product_id "
                + "WHERE p.sku LIKE 'IMP-%' AND l.reason = 'initial'")).isEqualTo(rows.stream().filter(r -> r.initialStock() > 0).count());
        assertThat(shop.ledgerReconciles()).isTrue();
    }

    @Test
    void shouldStoreQuotesCommasNewlinesAndUnicodeVerbatim() {
        String hostile = "Say \"hi\", then\n'; DROP TABLE products; -- \u00e9\u4e2d\ud83d\ude00";
        tz.productImport().load(List.of(new NewProduct(null, "IMP-HOSTILE", hostile, hostile, BigDecimal.TEN, 1, 0)));

        Product p = tz.products().findBySku("IMP-HOSTILE").orElseThrow();
        assertThat(p.name()).isEqualTo(hostile);
        assertThat(p.description()).isEqualTo(hostile);
    }

    @Test
    void shouldImportNothingWhenOneRowIsRefused() {
        shop.product("5.00", 1);
        String taken = tz.products().findById(shop.product("5.00", 1).id()).orElseThrow().sku();
        long products = shop.count("SELECT count(*) FROM products");
        long ledger = shop.count("SELECT count(*) FROM inventory_logs");
        List<NewProduct> rows = Arrays.asList(
                new NewProduct(null, "IMP-OK-1", "Fine", null, BigDecimal.ONE, 5, 0),
                new NewProduct(null, taken, "Duplicate SKU", null, BigDecimal.ONE, 5, 0));

        assertThatThrownBy(() -> tz.productImport().load(rows))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).contains("uq_products_sku"));
        assertThat(shop.count("SELECT count(*) FROM products")).isEqualTo(products);
        assertThat(shop.count("SELECT count(*) FROM inventory_logs")).isEqualTo(ledger);
    }

    @Test
    void shouldRefuseANullRowBeforeWritingAnything() {
        long products = shop.count("SELECT count(*) FROM products");

        assertThatThrownBy(() -> tz.productImport().load(Arrays.asList(
                new NewProduct(null, "IMP-N-1", "Fine", null, BigDecimal.ONE, 0, 0), null)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("products[1]");
        assertThat(shop.count("SELECT count(*) FROM products")).isEqualTo(products);
    }
}
