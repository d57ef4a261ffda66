package com.techzone.core.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.reflect.ColumnName;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps rows to this library's records by column name ({@code created_at} to {@code createdAt}, or
 * a component's {@link ColumnName}), with one typed JDBC getter per column. The column layout of a
 * result is resolved once per distinct list of column labels and cached, so a query pays for a
 * metadata read and an array lookup, not for a reflective match of every column (which is where
 * Jdbi's general-purpose ConstructorMapper spends most of a point lookup's client time).
 */
public final class RecordMappers implements RowMapperFactory {

    private final Set<Class<?>> records;
    private final Map<Class<?>, Shape> shapes = new ConcurrentHashMap<>();

    private RecordMappers(Collection<Class<?>> records) {
        this.records = Set.copyOf(records);
        for (Class<?> type : records) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
        }
    }

    /** A factory mapping exactly these record types. */
    public static RecordMappers of(Collection<Class<?>> records) {
        return new RecordMappers(records);
    }

    @Override
    public Optional<RowMapper<?>> build(Type type, ConfigRegistry config) {
        if (!(type instanceof Class<?> raw) || !records.contains(raw)) {
            return Optional.empty();
        }
        return Optional.of(shapes.computeIfAbsent(raw, Shape::new));
    }

    /** A record type: its canonical constructor and, per result layout, which column feeds which component. */
    private static final class Shape implements RowMapper<Object> {
        private final Constructor<?> constructor;
        private final RecordComponent[] components;
        private final Map<String, Integer> componentByColumn;
        private final Map<String, Layout> layouts = new ConcurrentHashMap<>();
        /** The layout found last: a DAO query's results have the same columns every time, so this is the usual hit. */
        private volatile Layout last;

        Shape(Class<?> type) {
            this.components = type.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                this.constructor = type.getDeclaredConstructor(types);
                this.constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("No canonical constructor on " + type.getName(), e);
            }
            this.componentByColumn = new ConcurrentHashMap<>();
            for (int i = 0; i < components.length; i++) {
                ColumnName named = components[i].getAnnotation(ColumnName.class);
                if (named == null) {
                    named = constructorParameterAnnotation(i);
                }
                componentByColumn.put(named != null ? named.value() : snakeCase(components[i].getName()), i);
            }
        }

        private ColumnName constructorParameterAnnotation(int index) {
            return constructor.getParameters()[index].getAnnotation(ColumnName.class);
        }

        @Override
        public Object map(ResultSet rs, StatementContext ctx) throws SQLException {
            return layout(rs).map(rs);
        }

        @Override
        public RowMapper<Object> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            Layout layout = layout(rs);
            return (row, context) -> layout.map(row);
        }

        private Layout layout(ResultSet rs) throws SQLException {
            ResultSetMetaData meta = rs.getMetaData();
            int count = meta.getColumnCount();
            Layout recent = last;
            if (recent != null && recent.matches(meta, count)) {
                return recent;
            }
            String[] labels = new String[count];
            for (int c = 0; c < count; c++) {
                labels[c] = meta.getColumnLabel(c + 1).toLowerCase(Locale.ROOT);
            }
            Layout layout = layouts.computeIfAbsent(String.join(",", labels), key -> new Layout(this, labels));
            last = layout;
            return layout;
        }
    }

    /** For one list of column labels: the column of each component and how to read it. */
    private static final class Layout {
        private final Shape shape;
        private final String[] labels;
        private final int[] columnOfComponent;
        private final Reader[] readers;

        Layout(Shape shape, String[] labels) {
            this.shape = shape;
            this.labels = labels;
            int n = shape.components.length;
            this.columnOfComponent = new int[n];
            this.readers = new Reader[n];
            Arrays.fill(columnOfComponent, -1);
            for (int c = 0; c < labels.length; c++) {
                Integer component = shape.componentByColumn.get(labels[c]);
                if (component != null) {
                    columnOfComponent[component] = c + 1;
                }
            }
            for (int i = 0; i < n; i++) {
                if (columnOfComponent[i] < 0) {
                    throw new IllegalStateException("No column for " + shape.constructor.getDeclaringClass().getSimpleName()
                            + "." + shape.components[i].getName() + " among " + String.join(", ", labels));
                }
                readers[i] = reader(shape.components[i].getType());
            }
        }

        /** Whether a result with this metadata has exactly this layout's column labels (lower-cased), in order. */
        boolean matches(ResultSetMetaData meta, int count) throws SQLException {
            if (count != labels.length) {
                return false;
            }
            for (int c = 0; c < count; c++) {
                if (!labels[c].equals(meta.getColumnLabel(c + 1).toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
            return true;
        }

        Object map(ResultSet rs) throws SQLException {
            Object[] values = new Object[readers.length];
            for (int i = 0; i < readers.length; i++) {
                values[i] = readers[i].read(rs, columnOfComponent[i]);
            }
            try {
                return shape.constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("Could not build " + shape.constructor.getDeclaringClass().getSimpleName(), cause);
            }
        }
    }

    @FunctionalInterface
    private interface Reader {
        Object read(ResultSet rs, int column) throws SQLException;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Reader reader(Class<?> type) {
        if (type == String.class) {
            return ResultSet::getString;
        }
        if (type == UUID.class) {
            return (rs, c) -> rs.getObject(c, UUID.class);
        }
        if (type == BigDecimal.class) {
            return ResultSet::getBigDecimal;
        }
        if (type == Instant.class) {
            return (rs, c) -> {
                OffsetDateTime value = rs.getObject(c, OffsetDateTime.class);
                return value == null ? null : value.toInstant();
            };
        }
        if (type == LocalDate.class) {
            return (rs, c) -> rs.getObject(c, LocalDate.class);
        }
        if (type == int.class) {
            return ResultSet::getInt;
        }
        if (type == long.class) {
            return ResultSet::getLong;
        }
        if (type == boolean.class) {
            return ResultSet::getBoolean;
        }
        if (type == Integer.class || type == Long.class || type == Boolean.class) {
            return (rs, c) -> rs.getObject(c, type);
        }
        if (type.isEnum()) {
            Class enumType = type;
            return (rs, c) -> {
                String label = rs.getString(c);
                return label == null ? null : EnumSupport.fromLabel(enumType, label);
            };
        }
        throw new IllegalArgumentException("No column reader for record components of type " + type.getName());
    }

    private static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                out.append('_').append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
