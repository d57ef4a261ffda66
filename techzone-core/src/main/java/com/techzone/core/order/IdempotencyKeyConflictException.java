package com.techzone.core.order;

import com.techzone.TechzoneException;
import java.util.UUID;

/**
 * A checkout reused an idempotency key for a different request: other cart lines, another tax
 * rate, shipping or discount amount, address or currency than the order the key first placed.
 * The same key with the same request is a retry and returns that order instead; a new order needs
 * a new key. Nothing was written.
 */
public class IdempotencyKeyConflictException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    private final String idempotencyKey;
    private final UUID userId;
    private final UUID orderId;

    /**
     * @param idempotencyKey the reused key
     * @param userId whose key it is
     * @param orderId the order the key placed first
     * @param orderNumber that order's number, for the message
     */
    public IdempotencyKeyConflictException(String idempotencyKey, UUID userId, UUID orderId, long orderNumber) {
        super("Idempotency key '" + idempotencyKey + "' of user " + userId + " already placed order #" + orderNumber
                + " for a different request (cart lines, amounts, address or currency differ); use a new key for a new order");
        this.idempotencyKey = idempotencyKey;
        this.userId = userId;
        this.orderId = orderId;
    }

    /** The reused key. */
    public String idempotencyKey() {
        return idempotencyKey;
    }

    /** The user whose key it is. */
    public UUID userId() {
        return userId;
    }

    /** The order the key placed first. */
    public UUID orderId() {
        return orderId;
    }
}
