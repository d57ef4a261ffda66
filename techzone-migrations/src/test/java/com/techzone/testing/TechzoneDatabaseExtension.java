package com.techzone.testing;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives each test class its own database holding the migrated TechZone schema (in the schema
 * {@link TechzoneDatabaseTest#schema()} names), dropped after the class. Test methods, constructors and lifecycle methods can take a {@link TestDatabase} or a
 * {@link DataSource} parameter. Use it through {@link TechzoneDatabaseTest}.
 */
public final class TechzoneDatabaseExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TechzoneDatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == TestDatabase.class || type == DataSource.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        TestDatabase database = database(extensionContext);
        return parameterContext.getParameter().getType() == DataSource.class ? database.dataSource() : database;
    }

    private static TestDatabase database(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        var annotation = AnnotationSupport.findAnnotation(classContext.getRequiredTestClass(), TechzoneDatabaseTest.class);
        String schema = annotation.map(TechzoneDatabaseTest::schema).orElse("public");
        boolean partitioned = annotation.map(TechzoneDatabaseTest::partitionedLedgers).orElse(false);
        return classContext.getStore(NAMESPACE).computeIfAbsent(TestDatabase.class,
                key -> TestPostgres.get().createMigratedDatabase(schema, partitioned), TestDatabase.class);
    }
}
