package com.techzone.core.internal;

import com.techzone.TechzoneException;
import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;

/**
 * Binds and maps the Java enums of this library: constant {@code ON_HOLD} is the database label
 * {@code on_hold}. Bound as {@link Types#OTHER}, so PostgreSQL accepts the label for an enum type
 * column ({@code order_status}) as well as for a text column with a check constraint; SQL casts
 * explicitly where the type cannot be inferred ({@code :status::<schema>.order_status}).
 */
public final class EnumSupport {

    private static final String OUR_PACKAGE = "com.techzone.core.";

    private EnumSupport() {
    }

    /** The database label of a constant. */
    public static String label(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} whose label is {@code label}. */
    public static <E extends Enum<E>> E fromLabel(Class<E> type, String label) {
        for (E constant : type.getEnumConstants()) {
            if (label(constant).equals(label)) {
                return constant;
            }
        }
        throw new TechzoneException("The database holds " + type.getSimpleName() + " '" + label
                + "', which this version of the library does not know");
    }

    private static boolean ours(Type type) {
        Class<?> raw = GenericTypes.getErasedType(type);
        return raw.isEnum() && raw.getName().startsWith(OUR_PACKAGE);
    }

    /** The argument factory to register on a Jdbi; preparable, so it takes precedence over the built-in enum binding. */
    public static ArgumentFactory arguments() {
        return new ArgumentFactory.Preparable() {
            @Override
            public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
                if (!ours(type)) {
                    return Optional.empty();
                }
                return Optional.of(value -> {
                    String label = value == null ? null : label((Enum<?>) value);
                    return (position, statement, context) -> statement.setObject(position, label, Types.OTHER);
                });
            }
        };
    }

    /** The column mapper factory to register on a Jdbi. */
    public static ColumnMapperFactory columns() {
        return new ColumnMapperFactory() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
                if (!ours(type)) {
                    return Optional.empty();
                }
                Class enumType = GenericTypes.getErasedType(type);
                return Optional.of((rs, column, context) -> {
                    String label = rs.getString(column);
                    return label == null ? null : fromLabel(enumType, label);
                });
            }
        };
    }
}
