package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.core.catalog.Product;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.CheckoutResult;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

/**
 * The library runs every statement through the host's Jdbi, so what the host configured there (an
 * {@link SqlLogger}, timing, statement customizers) sees the library's statements too: the hot
 * paths included (the point lookup, the listing page, both statements of a checkout). This is why
 * no hot path bypasses Jdbi for plain JDBC (docs/benchmarks.md, issue 12).
 */
@TechzoneDatabaseTest
class HostJdbiInstrumentationTest {

    private final DataSource dataSource;
    private final Shop shop;

    HostJdbiInstrumentationTest(DataSource dataSource) {
        this.dataSource = dataSource;
        this.shop = Shop.on(dataSource);
    }

    @Test
    void shouldRunTheHotPathsThroughTheHostsJdbiWhereItsSqlLoggerSeesEachStatement() {
        List<String> logged = Collections.synchronizedList(new ArrayList<>());
        Jdbi host = Jdbi.create(dataSource);
        host.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                logged.add(context.getRenderedSql());
            }
        });
        Techzone tz = Techzone.configure(host).schema(shop.techzone().schema()).build();
        User user = shop.customer();
        Product product = shop.product(shop.category(), "12.50", 5);
        tz.carts().add(user.id(), product.id(), 2);
        logged.clear();

        assertThat(tz.products().findById(product.id())).isPresent();
        assertThat(tz.products().listActiveByCategory(product.categoryId(), null, 20).items())
                .extracting(Product::id).contains(product.id());
        CheckoutResult result = tz.checkout().checkout(CheckoutRequest.of(user.id()));

        assertThat(result.items()).hasSize(1);
        String schema = tz.schema() + ".";
        assertThat(logged).anySatisfy(sql -> assertThat(sql).contains("FROM " + schema + "products").contains("WHERE id = "))
                .anySatisfy(sql -> assertThat(sql).contains("WHERE category_id = ").contains("ORDER BY name, id"))
                .anySatisfy(sql -> assertThat(sql).contains("FOR UPDATE OF p, c"))
                .anySatisfy(sql -> assertThat(sql).contains("INSERT INTO " + schema + "orders"));
    }
}
