package com.techzone.core.internal.dao;

import com.techzone.core.Page;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Keyset;
import com.techzone.core.inventory.InventoryLog;
import com.techzone.core.inventory.InventoryLogDao;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The SqlObject behind {@link InventoryLogDao}: its checks, then its SQL. */
public interface InventoryLogSql extends InventoryLogDao {

    @Override
    default Page<InventoryLog> history(UUID productId, String cursor, int pageSize) {
        Checks.notNull("productId", productId);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_DESC_TIME);
        return Keyset.page(historyBefore(productId, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, InventoryLog::id, InventoryLog::createdAt);
    }

    @SqlQuery("""
            WITH after AS (
                SELECT coalesce((SELECT coalesce(seq, 0) FROM <schema>.inventory_logs
                                 WHERE id = :afterId AND created_at = :afterCreatedAt::timestamptz),
                                9223372036854775807) AS seq
            )
            SELECT l.id, l.product_id, l.change, l.reason, l.stock_after, l.order_id, l.note,
                   l.created_by, l.created_at
            FROM <schema>.inventory_logs l, after a
            WHERE l.product_id = :productId
              AND (l.created_at, coalesce(l.seq, 0), l.id) < (:afterCreatedAt::timestamptz, a.seq, :afterId)
            ORDER BY l.created_at DESC, coalesce(l.seq, 0) DESC, l.id DESC
            LIMIT :limit""")
    List<InventoryLog> historyBefore(UUID productId, String afterCreatedAt, UUID afterId, int limit);

    @Override
    default List<InventoryLog> listByOrder(UUID orderId) {
        return byOrder(Checks.notNull("orderId", orderId));
    }

    @SqlQuery("""
            SELECT id, product_id, change, reason, stock_after, order_id, note, created_by, created_at
            FROM <schema>.inventory_logs
            WHERE order_id = :orderId
            ORDER BY seq NULLS FIRST, created_at, id""")
    List<InventoryLog> byOrder(UUID orderId);

    @Override
    default long sumOfChanges(UUID productId) {
        return changeSum(Checks.notNull("productId", productId));
    }

    @SqlQuery("SELECT coalesce(sum(change), 0) FROM <schema>.inventory_logs WHERE product_id = :productId")
    long changeSum(UUID productId);
}
