package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.CategoryDao;
import com.techzone.core.catalog.NewCategory;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.Product;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.user.NewUser;
import com.techzone.core.user.User;
import com.techzone.migrations.TechzoneMigrations;
import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code Techzone.configure(...).schema(...)}: tenants side by side, a host's Jdbi left as it was, clear refusals. */
class SchemaSettingTest {

    private static TestDatabase database;

    @BeforeAll
    static void twoTenantsAndAHostTable() {
        database = TestPostgres.get().createEmptyDatabase();
        TechzoneMigrations.configure(database.dataSource()).schema("tenant_a").load().migrate();
        TechzoneMigrations.configure(database.dataSource()).schema("tenant_b").load().migrate();
        database.execute("CREATE TABLE public.users (host_id bigint PRIMARY KEY, nickname text)",
                "INSERT INTO public.users VALUES (1, 'host user')");
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @Test
    void shouldKeepTwoTenantsOnOneHostJdbiApart() {
        Jdbi host = Jdbi.create(database.dataSource());
        Techzone a = Techzone.configure(host).schema("tenant_a").build();
        Techzone b = Techzone.configure(host).schema("tenant_b").build();

        a.categories().create(new NewCategory("Audio", "audio", null));
        b.categories().create(new NewCategory("Audio B", "audio", null));
        User buyer = a.users().create(new NewUser("buyer@a.test", Shop.SOME_HASH, "Buyer", null));
        Product speaker = a.products().create(new NewProduct(null, "SPK-1", "Speaker", null, new BigDecimal("30.00"), 5, 1));
        a.carts().add(buyer.id(), speaker.id(), 2);
        a.checkout().checkout(CheckoutRequest.of(buyer.id()));

        assertThat(a.schema()).isEqualTo("tenant_a");
        assertThat(a.categories().findBySlug("audio")).map(Category::name).contains("Audio");
        assertThat(b.categories().findBySlug("audio")).map(Category::name).contains("Audio B");
        assertThat(b.products().findBySku("SPK-1")).isEmpty();
        assertThat(b.users().findByEmail("buyer@a.test")).isEmpty();
        assertThat(a.products().findBySku("SPK-1").orElseThrow().stock()).isEqualTo(3);
        assertThat(count(host, "SELECT count(*) FROM tenant_a.orders")).isEqualTo(1);
        assertThat(count(host, "SELECT count(*) FROM tenant_b.orders")).isZero();
        assertThat(count(host, "SELECT count(*) FROM public.users")).isEqualTo(1);
    }

    @Test
    void shouldLeaveTheHostsTemplatesAndAttributesAlone() {
        Jdbi host = Jdbi.create(database.dataSource());
        host.define("schema", "public");
        Techzone a = Techzone.configure(host).schema("tenant_a").build();
        Techzone b = Techzone.configure(host).schema("tenant_b").build();

        host.useTransaction(h -> {
            CategoryDao inA = a.attach(h, CategoryDao.class);
            CategoryDao inB = b.attach(h, CategoryDao.class);
            inA.create(new NewCategory("Host tx A", "host-tx", null));
            inB.create(new NewCategory("Host tx B", "host-tx", null));
            b.productImport().load(h, List.of(new NewProduct(null, "IMP-1", "Imported", null, new BigDecimal("2.00"), 3, 1)));
            assertThat(h.createQuery("SELECT count(*) FROM tenant_b.products WHERE sku = 'IMP-1'").mapTo(Long.class).one()).isEqualTo(1);
            assertThat(h.createQuery("SELECT count(*) FROM tenant_a.products WHERE sku = 'IMP-1'").mapTo(Long.class).one()).isZero();
            // The host's own statement on the same handle still renders its own <schema> attribute.
            assertThat(h.createQuery("SELECT nickname FROM <schema>.users").mapTo(String.class).one()).isEqualTo("host user");
            assertThat(inA.findBySlug("host-tx")).map(Category::name).contains("Host tx A");
            assertThat(inB.findBySlug("host-tx")).map(Category::name).contains("Host tx B");
            h.rollback();
        });

        assertThat(a.categories().findBySlug("host-tx")).isEmpty();
        assertThat(b.categories().findBySlug("host-tx")).isEmpty();
        String nickname = host.withHandle(h -> h.createQuery("SELECT nickname FROM <schema>.users").mapTo(String.class).one());
        assertThat(nickname).isEqualTo("host user");
    }

    @Test
    void shouldRefuseASchemaWithoutTheTechzoneTablesNamingItAndTheFix() {
        assertThatThrownBy(() -> Techzone.configure(database.dataSource()).schema("nowhere").build())
                .isInstanceOfSatisfying(SchemaNotMigratedException.class, e -> {
                    assertThat(e.schema()).isEqualTo("nowhere");
                    assertThat(e.missingTables()).contains("users", "orders", "products");
                })
                .hasMessageContaining("Schema \"nowhere\" does not hold the TechZone tables")
                .hasMessageContaining("TechzoneMigrations.configure(dataSource).schema(\"nowhere\")");
        // public holds a host table named users, but not TechZone's schema.
        assertThatThrownBy(() -> Techzone.create(database.dataSource()))
                .isInstanceOf(SchemaNotMigratedException.class)
                .hasMessageContaining("Schema \"public\"");
    }

    @Test
    void shouldCheckTheSchemaOnTheFirstCallWhenTheDatabaseWasDownAtBuild() {
        AtomicBoolean down = new AtomicBoolean(true);
        DataSource flaky = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && down.get()) {
                        throw new SQLNonTransientConnectionException("Connection refused", "08001");
                    }
                    try {
                        return method.invoke(database.dataSource(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        Techzone built = Techzone.configure(flaky).schema("nowhere").build();
        down.set(false);

        assertThatThrownBy(() -> built.categories().listAll())
                .isInstanceOf(SchemaNotMigratedException.class)
                .hasMessageContaining("Schema \"nowhere\"");
    }

    @Test
    void shouldRefuseASchemaNameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> Techzone.configure(database.dataSource()).schema("Shop\"; DROP TABLE users; --"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("schema"));
        assertThatThrownBy(() -> Techzone.configure(database.dataSource()).schema(null))
                .isInstanceOf(InvalidInputException.class);
    }

    private static long count(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
