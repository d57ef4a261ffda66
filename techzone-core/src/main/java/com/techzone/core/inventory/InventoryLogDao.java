package com.techzone.core.inventory;

import com.techzone.core.Page;
import com.techzone.core.ReplicaRead;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Keyset;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads the {@code inventory_logs} ledger. Rows are written only by {@link Inventory}, checkout and
 * order cancellation/refund, together with the stock they describe; there is no update or delete.
 */
public interface InventoryLogDao {

    /**
     * A product's stock history, newest first (index {@code idx_inventory_logs_product_date}): in
     * the reverse of the order the rows were written ({@code seq}, migration V7), so two changes made
     * in one transaction, which share {@code created_at}, still list in their order; rows written
     * before V7 have no {@code seq} and come last, newest first by time.
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    @ReplicaRead
    default Page<InventoryLog> history(UUID productId, String cursor, int pageSize) {
        Checks.notNull("productId", productId);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_DESC_TIME);
        return Keyset.page(historyBefore(productId, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, InventoryLog::id, InventoryLog::createdAt);
    }

    /** The keyset query behind {@link #history}. */
    @ReplicaRead
    @SqlQuery("""
            WITH after AS (
                SELECT coalesce((SELECT coalesce(seq, 0) FROM <schema>.inventory_logs WHERE id = :afterId),
                                9223372036854775807) AS seq
            )
            SELECT l.* FROM <schema>.inventory_logs l, after a
            WHERE l.product_id = :productId
              AND (coalesce(l.seq, 0), l.created_at, l.id) < (a.seq, :afterCreatedAt::timestamptz, :afterId)
            ORDER BY coalesce(l.seq, 0) DESC, l.created_at DESC, l.id DESC
            LIMIT :limit""")
    List<InventoryLog> historyBefore(UUID productId, String afterCreatedAt, UUID afterId, int limit);

    /** The ledger rows an order caused (sale, cancellation, refund), oldest first: in the order they were written. */
    @SqlQuery("SELECT * FROM <schema>.inventory_logs WHERE order_id = :orderId ORDER BY seq NULLS FIRST, created_at, id")
    List<InventoryLog> listByOrder(UUID orderId);

    /** The sum of all changes of a product: equals its stock when the ledger reconciles. */
    @SqlQuery("SELECT coalesce(sum(change), 0) FROM <schema>.inventory_logs WHERE product_id = :productId")
    long sumOfChanges(UUID productId);
}
