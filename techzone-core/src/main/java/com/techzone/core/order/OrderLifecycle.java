package com.techzone.core.order;

import com.techzone.core.NotFoundException;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Moves orders between statuses, only along the moves {@link OrderStatus} allows. Each move locks
 * the order, writes the new status and an {@code order_status_history} row in one transaction;
 * moving to {@link OrderStatus#CANCELLED} or {@link OrderStatus#REFUNDED} also puts the units back
 * into stock through the ledger (reasons {@code cancellation} / {@code refund}), locking products in
 * id order like checkout does, unless a refund is made with {@link Restock#NO_RESTOCK}. The history
 * row of a cancellation or refund says whether it restocked ({@link OrderStatusChange#restocked()}).
 * A refund covers the whole order; refunds of some lines are not supported yet. A refused move
 * changes nothing. Deadlocks are retried. Get one from
 * {@link com.techzone.core.Techzone#orderLifecycle()}.
 */
public interface OrderLifecycle {

    /**
     * Moves the order to {@code to}; a move to {@link OrderStatus#REFUNDED} restocks (see
     * {@link #refund(UUID, UUID, String, Restock)} to choose).
     *
     * @param changedBy who made the change (staff or customer), or null
     * @param note why, at most 5000 characters, or null
     * @return the order in its new status
     * @throws NotFoundException if no order has this id
     * @throws IllegalStatusTransitionException if its current status does not lead to {@code to}
     */
    Order transition(UUID orderId, OrderStatus to, UUID changedBy, String note);

    /** {@link #transition(UUID, OrderStatus, UUID, String)} inside the transaction {@code handle} holds (joined, not retried). */
    Order transition(Handle handle, UUID orderId, OrderStatus to, UUID changedBy, String note);

    /** Cancels the order and returns its units to stock; see {@link #transition}. */
    Order cancel(UUID orderId, UUID changedBy, String note);

    /** Refunds a delivered order and returns its units to stock; see {@link #transition}. */
    Order refund(UUID orderId, UUID changedBy, String note);

    /**
     * Refunds a delivered order (all of it), returning its units to stock or not as {@code restock}
     * says. With {@link Restock#RESTOCK} each product gets an {@code inventory_logs} row of reason
     * {@code refund}; with {@link Restock#NO_RESTOCK} stock and ledger stay as they are (the ledger
     * holds stock movements only, and none happened). Either way the refund's
     * {@code order_status_history} row records the choice in {@code restocked}.
     *
     * @throws NotFoundException if no order has this id
     * @throws IllegalStatusTransitionException unless the order is delivered
     * @throws com.techzone.core.InvalidInputException if {@code restock} is null
     */
    Order refund(UUID orderId, UUID changedBy, String note, Restock restock);

    /** {@link #refund(UUID, UUID, String, Restock)} inside the transaction {@code handle} holds (joined, not retried). */
    Order refund(Handle handle, UUID orderId, UUID changedBy, String note, Restock restock);
}
