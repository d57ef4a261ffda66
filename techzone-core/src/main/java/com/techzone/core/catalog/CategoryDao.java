package com.techzone.core.catalog;

import com.techzone.core.ReplicaRead;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code categories} table. A category is small reference data: listed whole, in name order.
 * Deleting one leaves its products and services uncategorised ({@code ON DELETE SET NULL}).
 * Every method refuses a null argument with an {@link com.techzone.core.InvalidInputException}
 * naming it, before any SQL runs.
 */
public interface CategoryDao {

    /**
     * Creates a category.
     *
     * @throws com.techzone.core.ConstraintViolationException {@code uq_categories_slug} if the slug is taken
     */
    Category create(NewCategory category);

    /** The category with this id, if any. */
    Optional<Category> findById(UUID id);

    /** The category with this slug, if any (exact, case-sensitive: slugs are lowercase). */
    Optional<Category> findBySlug(String slug);

    /** All categories in name order. */
    @ReplicaRead
    List<Category> listAll();

    /**
     * Rewrites name, slug and description.
     *
     * @return the updated category, empty if none has this id
     */
    Optional<Category> update(UUID id, NewCategory category);

    /** Deletes the category; its products and services keep existing, uncategorised. Returns whether a row was deleted. */
    boolean delete(UUID id);
}
