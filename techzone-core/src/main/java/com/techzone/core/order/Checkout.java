package com.techzone.core.order;

import com.techzone.core.ConstraintViolationException;
import com.techzone.core.InvalidInputException;
import com.techzone.core.inventory.InsufficientStockException;
import org.jdbi.v3.core.Handle;

/**
 * Turns a user's cart into an order, in one transaction of three statements: lock the cart's
 * products in product id order and read their stock and prices; then write order, lines (with
 * name, SKU and price snapshots), stock decrements, ledger rows, the first status history row and
 * the emptied cart in one data-modifying statement. Not enough stock refuses the whole order with
 * every shortage listed. Totals, each in the currency's minor units (ISO 4217: JPY 0 places, USD
 * 2): line total = price x quantity (a price with more places than the currency has is refused);
 * tax = tax base x tax rate, rounded HALF_EVEN to the currency's places, where the tax base is
 * subtotal - discount (at least 0) by default, or the subtotal ({@link TaxBase}); total = subtotal
 * + tax + shipping - discount.
 *
 * <p>With an idempotency key, a repeated checkout by the same user returns the order the first one
 * placed ({@link CheckoutResult#replayed()} true), also when both run at the same time: the unique
 * index {@code uq_orders_idempotency_key} lets only one insert win, and the loser returns the
 * winner's order. A repeat must be the same request: the order stores a fingerprint of what was
 * asked ({@code orders.idempotency_fingerprint}: every {@link CheckoutRequest} value but the key,
 * and the cart lines as product and quantity); a request with other values, or a cart holding other
 * lines, fails with {@link IdempotencyKeyConflictException}. An empty cart on a repeat is the cart
 * the first attempt emptied, so then the request values alone are compared. Orders placed before
 * schema version 8 have no fingerprint and are returned without comparison.
 *
 * <p>Deadlocks and serialization failures are retried, 5 attempts in all.
 * Get one from {@link com.techzone.core.Techzone#checkout()}.
 */
public interface Checkout {

    /**
     * Checks out the cart in a transaction of its own.
     *
     * @throws EmptyCartException if the cart is empty (and the key, if any, was not used before)
     * @throws IdempotencyKeyConflictException if the key placed an order for a different request
     * @throws InsufficientStockException if any product has fewer units than the cart asks for, or is no longer sold
     * @throws InvalidInputException if the discount exceeds subtotal + tax + shipping
     * @throws com.techzone.core.ConcurrencyFailureException if it lost to concurrent transactions on every attempt
     */
    CheckoutResult checkout(CheckoutRequest request);

    /**
     * Checks out the cart inside the transaction {@code handle} holds (or a new one on it). Not
     * retried: a failure leaves the host's transaction to be rolled back by the host. A concurrent
     * checkout with the same idempotency key fails here with a
     * {@link ConstraintViolationException} on {@code uq_orders_idempotency_key}.
     *
     * @throws EmptyCartException if the cart is empty
     * @throws IdempotencyKeyConflictException if the key placed an order for a different request
     * @throws InsufficientStockException if any product is short
     */
    CheckoutResult checkout(Handle handle, CheckoutRequest request);
}
