package com.techzone.core.review;

import com.techzone.core.InvalidInputException;
import com.techzone.core.internal.Checks;
import java.util.UUID;

/**
 * A review to write. Validated on construction; use {@link #ofProduct} or {@link #ofService}.
 *
 * @param userId the author, required
 * @param productId the product, or null if a service is reviewed
 * @param serviceId the service, or null if a product is reviewed
 * @param rating 1..5
 * @param title at most 200 characters, or null
 * @param body at most 5000 characters, or null
 * @throws InvalidInputException if not exactly one subject is given or a value breaks those rules
 */
public record NewReview(UUID userId, UUID productId, UUID serviceId, int rating, String title, String body) {

    /** Validates the values. */
    public NewReview {
        Checks.notNull("userId", userId);
        if ((productId == null) == (serviceId == null)) {
            throw new InvalidInputException("productId/serviceId", "exactly one of them must be given");
        }
        Checks.between("rating", rating, 1, 5);
        Checks.optionalText("title", title, 0, 200);
        Checks.optionalText("body", body, 0, 5000);
    }

    /** A review of a product. */
    public static NewReview ofProduct(UUID userId, UUID productId, int rating, String title, String body) {
        return new NewReview(userId, productId, null, rating, title, body);
    }

    /** A review of a service. */
    public static NewReview ofService(UUID userId, UUID serviceId, int rating, String title, String body) {
        return new NewReview(userId, null, serviceId, rating, title, body);
    }
}
