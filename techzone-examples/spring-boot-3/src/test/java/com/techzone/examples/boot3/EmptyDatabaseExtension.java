package com.techzone.examples.boot3;

import com.techzone.testing.TestDatabase;
import com.techzone.testing.TestPostgres;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Gives each test class an empty database of its own on the test server (see {@link TestPostgres}),
 * as a host's database is before its first start, and drops it after the class. Declare it before
 * {@code @SpringBootTest} (with {@code @DirtiesContext}): the database then exists before Spring
 * starts the application, and is dropped after Spring closed it and its pool. Where the test server
 * cannot be had (Testcontainers without Docker), the class is skipped, as every module's tests are.
 */
final class EmptyDatabaseExtension implements BeforeAllCallback, AfterAllCallback {

    private static final Map<Class<?>, TestDatabase> DATABASES = new ConcurrentHashMap<>();

    /** The database of a test class that declares this extension. */
    static TestDatabase of(Class<?> testClass) {
        TestDatabase database = DATABASES.get(testClass);
        if (database == null) {
            throw new IllegalStateException(testClass.getSimpleName()
                    + " must declare @ExtendWith(EmptyDatabaseExtension.class) before @SpringBootTest");
        }
        return database;
    }

    /** Points Boot's {@code spring.datasource.*} at the class's database; for a {@code @DynamicPropertySource} method. */
    static void register(Class<?> testClass, DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> of(testClass).jdbcUrl());
        registry.add("spring.datasource.username", () -> of(testClass).user());
        registry.add("spring.datasource.password", () -> of(testClass).password());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        DATABASES.put(context.getRequiredTestClass(), TestPostgres.get().createEmptyDatabase());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestDatabase database = DATABASES.remove(context.getRequiredTestClass());
        if (database != null) {
            database.close();
        }
    }
}
