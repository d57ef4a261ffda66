package com.techzone.core.internal.dao;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.core.InvalidInputException;
import com.techzone.core.Shop;
import com.techzone.core.SortOrder;
import com.techzone.core.Techzone;
import com.techzone.core.booking.NewBooking;
import com.techzone.core.catalog.NewCategory;
import com.techzone.core.catalog.NewProduct;
import com.techzone.core.catalog.NewService;
import com.techzone.core.catalog.ProductChanges;
import com.techzone.core.contact.ContactStatus;
import com.techzone.core.contact.NewContactMessage;
import com.techzone.core.internal.SchemaJdbi;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.report.Granularity;
import com.techzone.core.review.NewReview;
import com.techzone.core.review.PurchaseRequirement;
import com.techzone.core.user.NewUser;
import com.techzone.core.user.Role;
import com.techzone.testing.TechzoneDatabaseTest;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract of every public DAO interface, found by reflection so that a method added later is
 * covered without a new test row: the interface carries no SQL and no Jdbi annotation (a caller
 * can reach only validated methods, never a statement taking ids of its choosing), and every
 * reference argument but the documented nullable ones is refused when null, by name, before any
 * SQL runs: through the facade and through the internal SqlObject alone (the DAO's own checks, not
 * only the facade's wrapper).
 */
@TechzoneDatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaoContractTest {

    /** The parameters the DAO Javadoc documents as nullable: a listing's cursor, an order's shipping address. */
    private static final Set<String> NULLABLE = Set.of("cursor", "shippingAddress");

    private static final String TABLE_HASHES = Stream.of("users", "categories", "products", "services",
                    "cart_items", "orders", "order_items", "order_status_history", "inventory_logs", "reviews", "bookings",
                    "contacts", "sales_reports")
            .map(t -> "'" + t + "=' || coalesce((SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) FROM " + t + " r), 'empty')")
            .collect(Collectors.joining(" || ' ' || ", "SELECT ", ""));

    private static final Instant NOON = Instant.parse("2030-01-01T12:00:00Z");
    private static final BigDecimal PRICE = new BigDecimal("10.00");

    private Techzone tz;
    private SchemaJdbi schemaJdbi;
    /** A valid, non-null argument of each parameter type the DAOs take. */
    private final Map<Class<?>, Object> samples = new HashMap<>();

    @BeforeAll
    void setUp(DataSource dataSource) {
        Shop shop = Shop.on(dataSource);
        tz = shop.techzone();
        schemaJdbi = SchemaJdbi.of(tz.jdbi(), tz.schema());
        UUID user = shop.customer().id();
        UUID product = shop.product("5.00", 3).id();
        UUID service = shop.service().id();
        samples.put(UUID.class, UUID.randomUUID());
        samples.put(String.class, "someone@example.com");
        samples.put(int.class, 1);
        samples.put(long.class, 1L);
        samples.put(Instant.class, NOON);
        samples.put(LocalDate.class, LocalDate.of(2030, 1, 1));
        samples.put(List.class, List.of());
        samples.put(Consumer.class, (Consumer<Object>) row -> { });
        samples.put(SortOrder.class, SortOrder.NEWEST_FIRST);
        samples.put(OrderStatus.class, OrderStatus.PENDING);
        samples.put(ContactStatus.class, ContactStatus.values()[0]);
        samples.put(Granularity.class, Granularity.values()[0]);
        samples.put(Role.class, Role.values()[0]);
        samples.put(PurchaseRequirement.class, PurchaseRequirement.NONE);
        samples.put(NewCategory.class, new NewCategory("Contract", "contract", null));
        samples.put(NewProduct.class, new NewProduct(null, "SKU-CONTRACT", "Contract", null, PRICE, 1, 1));
        samples.put(ProductChanges.class, new ProductChanges(null, "Contract", null, PRICE, 1));
        samples.put(NewService.class, new NewService(null, "Contract", null, PRICE, 30));
        samples.put(NewContactMessage.class, new NewContactMessage(null, "Ada", "ada@example.com", "Hi", "Hello"));
        samples.put(NewReview.class, NewReview.ofProduct(user, product, 5, null, null));
        samples.put(NewUser.class, new NewUser("contract@example.com", "hash", "Contract", Role.values()[0]));
        samples.put(NewBooking.class, new NewBooking(service, user, "Ada", "ada@example.com", NOON, NOON.plusSeconds(3600), null));
    }

    @Test
    void shouldMapEveryDaoOfTheFacadeToAnInternalSqlObject() {
        List<Class<?>> facadeDaos = Arrays.stream(Techzone.class.getMethods())
                .filter(m -> m.getParameterCount() == 0 && m.getReturnType().isInterface()
                        && m.getReturnType().getSimpleName().endsWith("Dao"))
                .<Class<?>>map(Method::getReturnType)
                .toList();

        assertThat(facadeDaos).hasSize(13);
        assertThat(SqlObjects.apis()).containsExactlyInAnyOrderElementsOf(facadeDaos);
        for (Class<?> api : facadeDaos) {
            Class<?> sql = SqlObjects.implementationOf(api);
            assertThat(sql.getPackageName()).as("%s is implemented in an internal package", api.getSimpleName())
                    .isEqualTo("com.techzone.core.internal.dao");
            for (Method m : publicMethods(api)) {
                assertThat(method(sql, m).getDeclaringClass()).as("%s overrides %s.%s", sql.getSimpleName(), api.getSimpleName(), m.getName())
                        .isEqualTo(sql);
            }
        }
    }

    @Test
    void shouldCarryNoStatementOnAPublicDaoInterface() {
        List<String> found = new ArrayList<>();
        for (Class<?> api : SqlObjects.apis()) {
            for (Method m : api.getDeclaredMethods()) {
                if (m.isSynthetic()) {
                    continue;
                }
                if (m.isDefault() || Modifier.isStatic(m.getModifiers())) {
                    found.add(api.getSimpleName() + "." + m.getName() + " has a body (it belongs in the internal SqlObject)");
                }
                for (Annotation a : m.getAnnotations()) {
                    if (a.annotationType().getName().startsWith("org.jdbi.")) {
                        found.add(api.getSimpleName() + "." + m.getName() + " @" + a.annotationType().getSimpleName());
                    }
                }
                for (Annotation[] onParameter : m.getParameterAnnotations()) {
                    for (Annotation a : onParameter) {
                        if (a.annotationType().getName().startsWith("org.jdbi.")) {
                            found.add(api.getSimpleName() + "." + m.getName() + " parameter @" + a.annotationType().getSimpleName());
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> shouldRefuseEveryNullArgumentByNameBeforeAnySql() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> api : SqlObjects.apis().stream().sorted(Comparator.comparing(Class::getSimpleName)).toList()) {
            for (Method m : publicMethods(api)) {
                Parameter[] parameters = m.getParameters();
                for (int i = 0; i < parameters.length; i++) {
                    Parameter p = parameters[i];
                    if (p.getType().isPrimitive() || NULLABLE.contains(p.getName())) {
                        continue;
                    }
                    int nulled = i;
                    tests.add(DynamicTest.dynamicTest(api.getSimpleName() + "." + m.getName() + "(" + p.getName() + " = null)", () -> {
                        Object[] args = arguments(m, nulled);
                        String before = snapshot();

                        assertRefused(p.getName(), callThroughFacade(api, m, args));
                        assertRefused(p.getName(), callOnSqlObject(api, m, args));

                        assertThat(snapshot()).as("rows after the refused calls").isEqualTo(before);
                    }));
                }
            }
        }
        assertThat(tests).as("null cases found, as docs/reliability.md states").hasSize(90);
        return tests.stream();
    }

    private static void assertRefused(String parameter, Throwable thrown) {
        assertThat(thrown).isInstanceOf(InvalidInputException.class);
        InvalidInputException e = (InvalidInputException) thrown;
        assertThat(e.field()).contains(parameter);
        assertThat(e.getMessage()).startsWith(parameter + ": ");
    }

    private Object[] arguments(Method m, int nulled) {
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            if (i != nulled) {
                assertThat(samples).as("a sample argument of type %s for %s", types[i].getName(), m).containsKey(types[i]);
                args[i] = samples.get(types[i]);
            }
        }
        return args;
    }

    private Throwable callThroughFacade(Class<?> api, Method m, Object[] args) {
        return thrownBy(() -> m.invoke(tz.dao(api), args));
    }

    /** The internal SqlObject attached without the facade's wrapper: only the DAO's own checks stand. */
    private Throwable callOnSqlObject(Class<?> api, Method m, Object[] args) {
        return thrownBy(() -> schemaJdbi.withHandle(h -> m.invoke(h.attach(SqlObjects.implementationOf(api)), args)));
    }

    private static Throwable thrownBy(ReflectiveCall call) {
        try {
            call.run();
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }

    private String snapshot() {
        return tz.jdbi().withHandle(h -> h.createQuery(TABLE_HASHES).mapTo(String.class).one());
    }

    private static List<Method> publicMethods(Class<?> api) {
        return Arrays.stream(api.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .sorted(Comparator.comparing(Method::toString))
                .toList();
    }

    private static Method method(Class<?> type, Method like) {
        try {
            return type.getMethod(like.getName(), like.getParameterTypes());
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    @FunctionalInterface
    private interface ReflectiveCall {
        void run() throws Exception;
    }
}
