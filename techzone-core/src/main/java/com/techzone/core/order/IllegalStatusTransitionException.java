package com.techzone.core.order;

import com.techzone.TechzoneException;
import java.util.UUID;

/** An order was asked to move to a status its current status does not lead to. Nothing was changed. */
public class IllegalStatusTransitionException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    private final UUID orderId;
    private final OrderStatus from;
    private final OrderStatus to;

    /**
     * @param orderId the order
     * @param from its current status
     * @param to the refused target
     */
    public IllegalStatusTransitionException(UUID orderId, OrderStatus from, OrderStatus to) {
        super("Order " + orderId + " cannot move from " + from + " to " + to
                + (from.isFinal() ? ": " + from + " is final" : "; allowed from " + from + ": " + from.next()));
        this.orderId = orderId;
        this.from = from;
        this.to = to;
    }

    /** The order. */
    public UUID orderId() {
        return orderId;
    }

    /** Its status, unchanged. */
    public OrderStatus from() {
        return from;
    }

    /** The refused target status. */
    public OrderStatus to() {
        return to;
    }
}
