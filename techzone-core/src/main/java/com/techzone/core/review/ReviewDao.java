package com.techzone.core.review;

import com.techzone.core.Page;
import com.techzone.core.ReplicaRead;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code reviews} table: one review per user per product and per service, written unapproved,
 * shown and counted once a moderator approves it. Rejecting deletes it. Each review is marked as a
 * verified purchase or not when it is written: verified when the author has an order in status
 * {@code delivered} containing the product (for a service: a booking of it in status
 * {@code completed}); the host may accept verified purchases only.
 * Every method refuses a null argument (but a {@code cursor}) with an {@link
 * com.techzone.core.InvalidInputException} naming it, before any SQL runs.
 */
public interface ReviewDao {

    /**
     * Writes a review, not yet approved, from anyone; marked verified or not. Same as
     * {@code create(review, PurchaseRequirement.NONE)}.
     *
     * @throws com.techzone.core.ConstraintViolationException {@code uq_reviews_product_user} /
     *         {@code uq_reviews_service_user} if the user already reviewed it; a foreign key for an
     *         unknown user, product or service; {@code chk_reviews_rating_range} if a rating outside
     *         1..5 reached the database
     */
    Review create(NewReview review);

    /**
     * Writes a review, not yet approved, marked as a verified purchase or not; with
     * {@link PurchaseRequirement#VERIFIED_PURCHASE} only from a verified buyer. The check and the
     * insert are one statement.
     *
     * @throws UnverifiedPurchaseException if a verified purchase is required and the user has none
     *         (also for an unknown user, product or service, which have no orders)
     * @throws com.techzone.core.ConstraintViolationException as {@link #create(NewReview)}
     */
    Review create(NewReview review, PurchaseRequirement requirement);

    /** The review with this id, approved or not. */
    Optional<Review> findById(UUID id);

    /** Approves a review; empty if none has this id or it was approved already. */
    Optional<Review> approve(UUID id);

    /** Rejects (deletes) a review, approved or not; returns whether it existed. */
    boolean reject(UUID id);

    /**
     * Approved reviews of a product, newest first (index {@code idx_reviews_product_approved}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    @ReplicaRead
    Page<Review> listApprovedForProduct(UUID productId, String cursor, int pageSize);

    /**
     * Approved reviews of a service, newest first (index {@code idx_reviews_service_approved}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    @ReplicaRead
    Page<Review> listApprovedForService(UUID serviceId, String cursor, int pageSize);

    /**
     * The moderation queue: reviews awaiting approval, oldest first (index {@code idx_reviews_created_at}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    Page<Review> listAwaitingModeration(String cursor, int pageSize);

    /** Count and average rating of a product's approved reviews, and of the verified purchases among them. */
    @ReplicaRead
    RatingSummary ratingSummaryForProduct(UUID productId);

    /** Count and average rating of a service's approved reviews, and of the verified purchases among them. */
    @ReplicaRead
    RatingSummary ratingSummaryForService(UUID serviceId);
}
