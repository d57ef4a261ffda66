package com.techzone.core.review;

import com.techzone.core.Page;
import com.techzone.core.ReplicaRead;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Keyset;
import com.techzone.core.internal.Uuids;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code reviews} table: one review per user per product and per service, written unapproved,
 * shown and counted once a moderator approves it. Rejecting deletes it. Each review is marked as a
 * verified purchase or not when it is written: verified when the author has an order in status
 * {@code delivered} containing the product (for a service: a booking of it in status
 * {@code completed}); the host may accept verified purchases only.
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
    default Review create(NewReview review) {
        return create(review, PurchaseRequirement.NONE);
    }

    /**
     * Writes a review, not yet approved, marked as a verified purchase or not; with
     * {@link PurchaseRequirement#VERIFIED_PURCHASE} only from a verified buyer. The check and the
     * insert are one statement.
     *
     * @throws UnverifiedPurchaseException if a verified purchase is required and the user has none
     *         (also for an unknown user, product or service, which have no orders)
     * @throws com.techzone.core.ConstraintViolationException as {@link #create(NewReview)}
     */
    default Review create(NewReview review, PurchaseRequirement requirement) {
        Checks.notNull("review", review);
        Checks.notNull("requirement", requirement);
        return insert(Uuids.v7(), review, requirement == PurchaseRequirement.VERIFIED_PURCHASE)
                .orElseThrow(() -> new UnverifiedPurchaseException(review.userId(), review.productId(), review.serviceId()));
    }

    /**
     * The insert behind {@link #create}: empty when {@code verifiedOnly} and the purchase is not
     * verified. Served by {@code idx_orders_user_status}, {@code idx_order_items_order_id} and
     * {@code idx_bookings_user_id}.
     */
    @SqlQuery("""
            WITH purchase AS MATERIALIZED (
                SELECT EXISTS (
                           SELECT 1 FROM <schema>.orders o JOIN <schema>.order_items i ON i.order_id = o.id
                           WHERE o.user_id = :r.userId AND o.status = 'delivered' AND i.product_id = :r.productId::uuid)
                       OR EXISTS (
                           SELECT 1 FROM <schema>.bookings b
                           WHERE b.user_id = :r.userId AND b.status = 'completed' AND b.service_id = :r.serviceId::uuid)
                       AS verified
            )
            INSERT INTO <schema>.reviews (id, user_id, product_id, service_id, rating, title, body, verified_purchase)
            SELECT :id, :r.userId, :r.productId::uuid, :r.serviceId::uuid, :r.rating, :r.title, :r.body, purchase.verified
            FROM purchase
            WHERE purchase.verified OR NOT :verifiedOnly
            RETURNING *""")
    Optional<Review> insert(UUID id, @BindMethods("r") NewReview review, boolean verifiedOnly);

    /** The review with this id, approved or not. */
    @SqlQuery("SELECT * FROM <schema>.reviews WHERE id = :id")
    Optional<Review> findById(UUID id);

    /** Approves a review; empty if none has this id or it was approved already. */
    @SqlQuery("UPDATE <schema>.reviews SET is_approved = true, approved_at = now() WHERE id = :id AND NOT is_approved RETURNING *")
    Optional<Review> approve(UUID id);

    /** Rejects (deletes) a review, approved or not; returns whether it existed. */
    @SqlUpdate("DELETE FROM <schema>.reviews WHERE id = :id")
    boolean reject(UUID id);

    /**
     * Approved reviews of a product, newest first (index {@code idx_reviews_product_approved}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    @ReplicaRead
    default Page<Review> listApprovedForProduct(UUID productId, String cursor, int pageSize) {
        Checks.notNull("productId", productId);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_DESC_TIME);
        return Keyset.page(approvedForProductBefore(productId, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Review::id, Review::createdAt);
    }

    /** The keyset query behind {@link #listApprovedForProduct}. */
    @ReplicaRead
    @SqlQuery("""
            SELECT * FROM <schema>.reviews
            WHERE product_id = :productId AND is_approved
              AND (created_at, id) < (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<Review> approvedForProductBefore(UUID productId, String afterCreatedAt, UUID afterId, int limit);

    /**
     * Approved reviews of a service, newest first (index {@code idx_reviews_service_approved}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    @ReplicaRead
    default Page<Review> listApprovedForService(UUID serviceId, String cursor, int pageSize) {
        Checks.notNull("serviceId", serviceId);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_DESC_TIME);
        return Keyset.page(approvedForServiceBefore(serviceId, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Review::id, Review::createdAt);
    }

    /** The keyset query behind {@link #listApprovedForService}. */
    @ReplicaRead
    @SqlQuery("""
            SELECT * FROM <schema>.reviews
            WHERE service_id = :serviceId AND is_approved
              AND (created_at, id) < (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<Review> approvedForServiceBefore(UUID serviceId, String afterCreatedAt, UUID afterId, int limit);

    /**
     * The moderation queue: reviews awaiting approval, oldest first (index {@code idx_reviews_created_at}).
     *
     * @param cursor null for the first page, else {@link Page#nextCursor()} of the previous page
     * @param pageSize 1..{@value Page#MAX_PAGE_SIZE}
     */
    default Page<Review> listAwaitingModeration(String cursor, int pageSize) {
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_TIME);
        return Keyset.page(awaitingModerationAfter(after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Review::id, Review::createdAt);
    }

    /** The keyset query behind {@link #listAwaitingModeration}. */
    @SqlQuery("""
            SELECT * FROM <schema>.reviews
            WHERE NOT is_approved AND (created_at, id) > (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at, id
            LIMIT :limit""")
    List<Review> awaitingModerationAfter(String afterCreatedAt, UUID afterId, int limit);

    /** Count and average rating of a product's approved reviews, and of the verified purchases among them. */
    @ReplicaRead
    @SqlQuery("""
            SELECT count(*) AS count, round(avg(rating), 2) AS average,
                   count(*) FILTER (WHERE verified_purchase) AS verified_count,
                   round(avg(rating) FILTER (WHERE verified_purchase), 2) AS verified_average
            FROM <schema>.reviews WHERE product_id = :productId AND is_approved""")
    RatingSummary ratingSummaryForProduct(UUID productId);

    /** Count and average rating of a service's approved reviews, and of the verified purchases among them. */
    @ReplicaRead
    @SqlQuery("""
            SELECT count(*) AS count, round(avg(rating), 2) AS average,
                   count(*) FILTER (WHERE verified_purchase) AS verified_count,
                   round(avg(rating) FILTER (WHERE verified_purchase), 2) AS verified_average
            FROM <schema>.reviews WHERE service_id = :serviceId AND is_approved""")
    RatingSummary ratingSummaryForService(UUID serviceId);
}
