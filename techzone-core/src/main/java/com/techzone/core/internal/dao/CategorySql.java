package com.techzone.core.internal.dao;

import com.techzone.core.catalog.Category;
import com.techzone.core.catalog.CategoryDao;
import com.techzone.core.catalog.NewCategory;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Uuids;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SqlObject behind {@link CategoryDao}: its checks, then its SQL. */
public interface CategorySql extends CategoryDao {

    @Override
    default Category create(NewCategory category) {
        return insert(Uuids.v7(), Checks.notNull("category", category));
    }

    @SqlQuery("""
            INSERT INTO <schema>.categories (id, name, slug, description)
            VALUES (:id, :c.name, :c.slug, :c.description)
            RETURNING id, name, slug, description, created_at, updated_at""")
    Category insert(UUID id, @BindMethods("c") NewCategory category);

    @Override
    default Optional<Category> findById(UUID id) {
        return byId(Checks.notNull("id", id));
    }

    @SqlQuery("""
            SELECT id, name, slug, description, created_at, updated_at
            FROM <schema>.categories
            WHERE id = :id""")
    Optional<Category> byId(UUID id);

    @Override
    default Optional<Category> findBySlug(String slug) {
        return bySlug(Checks.notNull("slug", slug));
    }

    @SqlQuery("""
            SELECT id, name, slug, description, created_at, updated_at
            FROM <schema>.categories
            WHERE slug = :slug""")
    Optional<Category> bySlug(String slug);

    @Override
    default List<Category> listAll() {
        return all();
    }

    @SqlQuery("""
            SELECT id, name, slug, description, created_at, updated_at
            FROM <schema>.categories
            ORDER BY name, id""")
    List<Category> all();

    @Override
    default Optional<Category> update(UUID id, NewCategory category) {
        Checks.notNull("id", id);
        Checks.notNull("category", category);
        return updateRow(id, category);
    }

    @SqlQuery("""
            UPDATE <schema>.categories SET name = :c.name, slug = :c.slug, description = :c.description
            WHERE id = :id
            RETURNING id, name, slug, description, created_at, updated_at""")
    Optional<Category> updateRow(UUID id, @BindMethods("c") NewCategory category);

    @Override
    default boolean delete(UUID id) {
        return deleteRow(Checks.notNull("id", id));
    }

    @SqlUpdate("DELETE FROM <schema>.categories WHERE id = :id")
    boolean deleteRow(UUID id);
}
