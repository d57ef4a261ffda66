package com.techzone.core.order;

import com.techzone.core.InvalidInputException;
import com.techzone.core.internal.EnumSupport;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Where an order stands ({@code order_status}), and where it may go next. The allowed moves:
 * <pre>
 * pending    -&gt; processing | on_hold | cancelled
 * processing -&gt; layaway | shipped | on_hold | cancelled
 * layaway    -&gt; processing | cancelled
 * on_hold    -&gt; pending | processing | cancelled
 * shipped    -&gt; delivered
 * delivered  -&gt; refunded
 * cancelled, refunded: final
 * </pre>
 */
public enum OrderStatus {
    /** Placed, not yet worked on. The status of every new order. */
    PENDING,
    /** Being picked and packed. */
    PROCESSING,
    /** Reserved while the customer pays in instalments. */
    LAYAWAY,
    /** Handed to the carrier. */
    SHIPPED,
    /** Received by the customer. */
    DELIVERED,
    /** Called off before shipping; stock returned. Final. */
    CANCELLED,
    /** Paid back after delivery; stock returned. Final. */
    REFUNDED,
    /** Paused (payment check, customer question). */
    ON_HOLD;

    /** The statuses this one may move to; empty for a final status. */
    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(PROCESSING, ON_HOLD, CANCELLED);
            case PROCESSING -> EnumSet.of(LAYAWAY, SHIPPED, ON_HOLD, CANCELLED);
            case LAYAWAY -> EnumSet.of(PROCESSING, CANCELLED);
            case ON_HOLD -> EnumSet.of(PENDING, PROCESSING, CANCELLED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED -> EnumSet.of(REFUNDED);
            case CANCELLED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    /**
     * The status with this database label ({@code on_hold} is {@link #ON_HOLD}), for hosts that
     * receive statuses as text (a query parameter, a form field).
     *
     * @throws InvalidInputException naming {@code status} and the allowed labels if {@code label}
     *         is null or not one of them (labels are lowercase; no other spelling is guessed)
     */
    public static OrderStatus fromLabel(String label) {
        for (OrderStatus status : values()) {
            if (EnumSupport.label(status).equals(label)) {
                return status;
            }
        }
        StringJoiner allowed = new StringJoiner(", ");
        for (OrderStatus status : values()) {
            allowed.add(EnumSupport.label(status));
        }
        throw new InvalidInputException("status", "must be one of " + allowed + ", was "
                + (label == null ? "null" : "'" + label + "'"));
    }

    /** The database label, e.g. {@code on_hold}. */
    public String label() {
        return EnumSupport.label(this);
    }

    /** Whether an order in this status may move to {@code target}. */
    public boolean canMoveTo(OrderStatus target) {
        return target != null && next().contains(target);
    }

    /** Whether no move leads out of this status. */
    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Whether moving into this status puts the order's units back into stock. */
    public boolean returnsStock() {
        return this == CANCELLED || this == REFUNDED;
    }
}
