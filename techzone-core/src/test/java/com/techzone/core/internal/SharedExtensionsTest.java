package com.techzone.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.Techzone;
import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.CategoryDao;
import com.techzone.core.internal.dao.CategorySql;
import com.techzone.core.catalog.NewCategory;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.Product;
import com.techzone.core.catalog.ProductDao;
import com.techzone.migrations.TechzoneMigrations;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DAOs attached once per facade and type, run on the handle of each call. */
class SharedExtensionsTest {

    private static TestDatabase database;

    @BeforeAll
    static void twoTenants() {
        database = TestPostgres.get().createEmptyDatabase();
        TechzoneMigrations.configure(database.dataSource()).schema("tenant_a").load().migrate();
        TechzoneMigrations.configure(database.dataSource()).schema("tenant_b").load().migrate();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void shouldNotAttachAJdbiExtensionPerCall() {
        Jdbi host = Jdbi.create(database.dataSource());
        Techzone tz = Techzone.configure(host).schema("tenant_a").build();
        tz.categories().create(new NewCategory("Cables", "cables-once", null));

        // From now on any Jdbi proxy made from the host's configuration fails: a per-call attach would.
        host.getConfig(Extensions.class).setAllowProxy(false);

        assertThat(tz.categories().findBySlug("cables-once")).isPresent();
        Optional<Category> attached = host.withHandle(h -> tz.attach(h, CategoryDao.class).findBySlug("cables-once"));
        assertThat(attached).isPresent();
        assertThatThrownBy(() -> host.useHandle(h -> h.attach(CategorySql.class)))
                .hasMessageContaining("onDemand proxy");
    }

    @Test
    void shouldRunACallMadeInsideAnotherOnItsOwnHandleAndGiveTheOuterCallItsHandleBack() {
        Jdbi host = Jdbi.create(database.dataSource());
        Techzone a = Techzone.configure(host).schema("tenant_a").build();
        Techzone b = Techzone.configure(host).schema("tenant_b").build();
        a.products().create(new NewProduct(null, "NEST-1", "Outer", null, new BigDecimal("1.00"), 1, 0));
        a.products().create(new NewProduct(null, "NEST-2", "Outer", null, new BigDecimal("1.00"), 1, 0));
        b.products().create(new NewProduct(null, "NEST-1", "Other tenant", null, new BigDecimal("2.00"), 1, 0));

        List<String> seen = new ArrayList<>();
        long exported = a.products().exportAll(p -> {
            if (p.sku().startsWith("NEST-")) {
                // The same DAO type of the same facade, and of another facade, called while the export streams.
                Optional<Product> again = a.products().findById(p.id());
                Optional<Product> other = b.products().findBySku(p.sku());
                seen.add(p.sku() + ":" + again.map(Product::name).orElse("?") + ":" + other.map(Product::name).orElse("-"));
            }
        });

        assertThat(exported).isGreaterThanOrEqualTo(2);
        assertThat(seen).containsExactlyInAnyOrder("NEST-1:Outer:Other tenant", "NEST-2:Outer:-");
        assertThat(a.products().findBySku("NEST-2")).map(Product::name).contains("Outer");
    }

    @Test
    void shouldLeaveTheConfigurationOfTheHostsJdbiAndHandleAsTheyWere() {
        Jdbi host = Jdbi.create(database.dataSource());
        TemplateEngine hostEngine = host.getConfig(SqlStatements.class).getTemplateEngine();
        Techzone tz = Techzone.configure(host).schema("tenant_b").build();

        try (Handle h = host.open()) {
            TemplateEngine handleEngine = h.getConfig(SqlStatements.class).getTemplateEngine();
            ProductDao products = tz.attach(h, ProductDao.class);
            products.create(new NewProduct(null, "CFG-1", "Config", null, new BigDecimal("3.00"), 0, 0));
            assertThat(products.findBySku("CFG-1")).isPresent();
            assertThat(h.getConfig(SqlStatements.class).getTemplateEngine()).isSameAs(handleEngine);
        }
        assertThat(tz.products().findBySku("CFG-1")).isPresent();
        assertThat(host.getConfig(SqlStatements.class).getTemplateEngine()).isSameAs(hostEngine);
    }
}
