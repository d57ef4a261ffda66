package com.techzone.core.order;

import com.techzone.core.Page;
import com.techzone.core.SortOrder;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code orders} table. Orders are created only by {@link Checkout} and change status only
 * through {@link OrderLifecycle}, which keep items, stock, ledger and history consistent; they are
 * never deleted.
 * Every method refuses a null argument (but {@code cursor} and {@code shippingAddress}) with an {@link
 * com.techzone.core.InvalidInputException} naming it, before any SQL runs.
 */
public interface OrderDao {

    /** The order with this id, if any. */
    Optional<Order> findById(UUID id);

    /**
     * The order with this human-facing number, if any.
     *
     * @throws com.techzone.core.InvalidInputException naming {@code orderNumber} unless it is positive (numbers start at 1)
     */
    Optional<Order> findByNumber(long orderNumber);

    /** The order a user's checkout with this idempotency key created, if any (index {@code uq_orders_idempotency_key}). */
    Optional<Order> findByIdempotencyKey(UUID userId, String idempotencyKey);

    /**
     * A user's orders in one status (index {@code idx_orders_user_status}).
     *
     * @param order newest or oldest first
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    Page<Order> listByUserAndStatus(UUID userId, OrderStatus status, SortOrder order, String cursor, int pageSize);

    /**
     * All orders in one status, oldest first: a fulfilment queue (index {@code idx_orders_status}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    Page<Order> listByStatus(OrderStatus status, String cursor, int pageSize);

    /** How many orders are in each status; every status is present, with 0 where none are. */
    Map<OrderStatus, Long> countByStatus();

    /**
     * The number of orders in one status.
     *
     * @param status which status
     * @param count how many orders are in it
     */
    record StatusCount(OrderStatus status, long count) {
    }

    /**
     * Changes where an order goes, while it has not shipped (pending, on hold, processing, layaway).
     *
     * @param shippingAddress at most 1000 characters, or null
     * @return the updated order, empty if none has this id or it has shipped already
     */
    Optional<Order> changeShippingAddress(UUID id, String shippingAddress);

}
