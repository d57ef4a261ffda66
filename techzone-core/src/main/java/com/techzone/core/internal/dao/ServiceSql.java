package com.techzone.core.internal.dao;

import com.techzone.core.Page;
import com.techzone.core.catalog.NewService;
import com.techzone.core.catalog.Service;
import com.techzone.core.catalog.ServiceDao;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Keyset;
import com.techzone.core.internal.Uuids;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SqlObject behind {@link ServiceDao}: its checks, then its SQL. */
public interface ServiceSql extends ServiceDao {

    @Override
    default Service create(NewService service) {
        return insert(Uuids.v7(), Checks.notNull("service", service));
    }

    @SqlQuery("""
            INSERT INTO <schema>.services (id, category_id, name, description, price, duration_minutes)
            VALUES (:id, :s.categoryId, :s.name, :s.description, :s.price, :s.durationMinutes)
            RETURNING id, category_id, name, description, price, duration_minutes, is_active, created_at,
                      updated_at""")
    Service insert(UUID id, @BindMethods("s") NewService service);

    @Override
    default Optional<Service> findById(UUID id) {
        return byId(Checks.notNull("id", id));
    }

    @SqlQuery("""
            SELECT id, category_id, name, description, price, duration_minutes, is_active, created_at,
                   updated_at
            FROM <schema>.services
            WHERE id = :id""")
    Optional<Service> byId(UUID id);

    @Override
    default Optional<Service> update(UUID id, NewService service) {
        Checks.notNull("id", id);
        Checks.notNull("service", service);
        return updateRow(id, service);
    }

    @SqlQuery("""
            UPDATE <schema>.services
            SET category_id = :s.categoryId, name = :s.name, description = :s.description,
                price = :s.price, duration_minutes = :s.durationMinutes
            WHERE id = :id
            RETURNING id, category_id, name, description, price, duration_minutes, is_active, created_at,
                      updated_at""")
    Optional<Service> updateRow(UUID id, @BindMethods("s") NewService service);

    @Override
    default boolean deactivate(UUID id) {
        return setInactive(Checks.notNull("id", id));
    }

    @SqlUpdate("UPDATE <schema>.services SET is_active = false WHERE id = :id AND is_active")
    boolean setInactive(UUID id);

    @Override
    default Page<Service> listActiveByCategory(UUID categoryId, String cursor, int pageSize) {
        Checks.notNull("categoryId", categoryId);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_TEXT);
        return Keyset.page(activeByCategoryAfter(categoryId, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Service::id, Service::name);
    }

    @SqlQuery("""
            SELECT id, category_id, name, description, price, duration_minutes, is_active, created_at,
                   updated_at
            FROM <schema>.services
            WHERE category_id = :categoryId AND is_active AND (name, id) > (:afterName, :afterId)
            ORDER BY name, id
            LIMIT :limit""")
    List<Service> activeByCategoryAfter(UUID categoryId, String afterName, UUID afterId, int limit);
}
