package com.techzone.core.review;

import com.techzone.TechzoneException;
import java.util.UUID;

/**
 * A review was refused because the host requires a verified purchase
 * ({@link PurchaseRequirement#VERIFIED_PURCHASE}) and the user has no delivered order with the
 * product (or no completed booking of the service). Nothing was written.
 */
public class UnverifiedPurchaseException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    private final UUID userId;
    private final UUID productId;
    private final UUID serviceId;

    /**
     * @param userId the would-be author
     * @param productId the product reviewed, or null
     * @param serviceId the service reviewed, or null
     */
    public UnverifiedPurchaseException(UUID userId, UUID productId, UUID serviceId) {
        super("User " + userId + " may not review " + (productId != null ? "product " + productId : "service " + serviceId)
                + ": reviews require a verified purchase, and the user has "
                + (productId != null ? "no delivered order with this product" : "no completed booking of this service"));
        this.userId = userId;
        this.productId = productId;
        this.serviceId = serviceId;
    }

    /** The user who was refused. */
    public UUID userId() {
        return userId;
    }

    /** The product they tried to review, or null for a service review. */
    public UUID productId() {
        return productId;
    }

    /** The service they tried to review, or null for a product review. */
    public UUID serviceId() {
        return serviceId;
    }
}
