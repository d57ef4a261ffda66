package com.techzone.core.order;

import com.techzone.TechzoneException;
import java.util.UUID;

/** A checkout found nothing in the user's cart (and no earlier order with the same idempotency key). */
public class EmptyCartException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    private final UUID userId;

    /** @param userId whose cart was empty */
    public EmptyCartException(UUID userId) {
        super("The cart of user " + userId + " is empty: nothing to check out");
        this.userId = userId;
    }

    /** Whose cart was empty. */
    public UUID userId() {
        return userId;
    }
}
