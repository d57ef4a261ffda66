package com.techzone.core.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import com.techzone.core.ReplicaRead;
import com.techzone.core.internal.Uuids;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code categories} table. A category is small reference data: listed whole, in name order.
 * Deleting one leaves its products and services uncategorised ({@code ON DELETE SET NULL}).
 */
public interface CategoryDao {

    /**
     * Creates a category.
     *
     * @throws com.techzone.core.ConstraintViolationException {@code uq_categories_slug} if the slug is taken
     */
    default Category create(NewCategory category) {
        return insert(Uuids.v7(), category);
    }

    /** The insert behind {@link #create(NewCategory)}, with the id chosen by the caller. */
    @SqlQuery("""
            INSERT INTO <schema>.categories (id, name, slug, description)
            VALUES (:id, :c.name, :c.slug, :c.description)
            RETURNING *""")
    Category insert(UUID id, @BindMethods("c") NewCategory category);

    /** The category with this id, if any. */
    @SqlQuery("SELECT * FROM <schema>.categories WHERE id = :id")
    Optional<Category> findById(UUID id);

    /** The category with this slug, if any (exact, case-sensitive: slugs are lowercase). */
    @SqlQuery("SELECT * FROM <schema>.categories WHERE slug = :slug")
    Optional<Category> findBySlug(String slug);

    /** All categories in name order. */
    @ReplicaRead
    @SqlQuery("SELECT * FROM <schema>.categories ORDER BY name, id")
    List<Category> listAll();

    /**
     * Rewrites name, slug and description.
     *
     * @return the updated category, empty if none has this id
     */
    @SqlQuery("""
            UPDATE <schema>.categories SET name = :c.name, slug = :c.slug, description = :c.description
            WHERE id = :id
            RETURNING *""")
    Optional<Category> update(UUID id, @BindMethods("c") NewCategory category);

    /** Deletes the category; its products and services keep existing, uncategorised. Returns whether a row was deleted. */
    @SqlUpdate("DELETE FROM <schema>.categories WHERE id = :id")
    boolean delete(UUID id);
}
