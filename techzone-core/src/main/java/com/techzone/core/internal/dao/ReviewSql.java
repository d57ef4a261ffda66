package com.techzone.core.internal.dao;

import com.techzone.core.Page;
import com.techzone.core.internal.Checks;
import com.techzone.core.internal.Keyset;
import com.techzone.core.internal.Uuids;
import com.techzone.core.review.NewReview;
import com.techzone.core.review.PurchaseRequirement;
import com.techzone.core.review.RatingSummary;
import com.techzone.core.review.Review;
import com.techzone.core.review.ReviewDao;
import com.techzone.core.review.UnverifiedPurchaseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SqlObject behind {@link ReviewDao}: its checks, then its SQL. */
public interface ReviewSql extends ReviewDao {

    @Override
    default Review create(NewReview review) {
        return create(review, PurchaseRequirement.NONE);
    }

    @Override
    default Review create(NewReview review, PurchaseRequirement requirement) {
        Checks.notNull("review", review);
        Checks.notNull("requirement", requirement);
        return insert(Uuids.v7(), review, requirement == PurchaseRequirement.VERIFIED_PURCHASE)
                .orElseThrow(() -> new UnverifiedPurchaseException(review.userId(), review.productId(), review.serviceId()));
    }

    /**
     * Empty when {@code verifiedOnly} and the purchase is not verified. Served by
     * {@code idx_orders_user_status}, {@code idx_order_items_order_id} and {@code idx_bookings_user_id}.
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
            RETURNING id, user_id, product_id, service_id, rating, title, body, is_approved, approved_at,
                      created_at, updated_at, verified_purchase""")
    Optional<Review> insert(UUID id, @BindMethods("r") NewReview review, boolean verifiedOnly);

    @Override
    default Optional<Review> findById(UUID id) {
        return byId(Checks.notNull("id", id));
    }

    @SqlQuery("""
            SELECT id, user_id, product_id, service_id, rating, title, body, is_approved, approved_at,
                   created_at, updated_at, verified_purchase
            FROM <schema>.reviews
            WHERE id = :id""")
    Optional<Review> byId(UUID id);

    @Override
    default Optional<Review> approve(UUID id) {
        return setApproved(Checks.notNull("id", id));
    }

    @SqlQuery("""
            UPDATE <schema>.reviews
            SET is_approved = true, approved_at = now()
            WHERE id = :id AND NOT is_approved
            RETURNING id, user_id, product_id, service_id, rating, title, body, is_approved, approved_at,
                      created_at, updated_at, verified_purchase""")
    Optional<Review> setApproved(UUID id);

    @Override
    default boolean reject(UUID id) {
        return deleteRow(Checks.notNull("id", id));
    }

    @SqlUpdate("DELETE FROM <schema>.reviews WHERE id = :id")
    boolean deleteRow(UUID id);

    @Override
    default Page<Review> listApprovedForProduct(UUID productId, String cursor, int pageSize) {
        Checks.notNull("productId", productId);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_DESC_TIME);
        return Keyset.page(approvedForProductBefore(productId, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Review::id, Review::createdAt);
    }

    @SqlQuery("""
            SELECT id, user_id, product_id, service_id, rating, title, body, is_approved, approved_at,
                   created_at, updated_at, verified_purchase
            FROM <schema>.reviews
            WHERE product_id = :productId AND is_approved
              AND (created_at, id) < (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<Review> approvedForProductBefore(UUID productId, String afterCreatedAt, UUID afterId, int limit);

    @Override
    default Page<Review> listApprovedForService(UUID serviceId, String cursor, int pageSize) {
        Checks.notNull("serviceId", serviceId);
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_DESC_TIME);
        return Keyset.page(approvedForServiceBefore(serviceId, after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Review::id, Review::createdAt);
    }

    @SqlQuery("""
            SELECT id, user_id, product_id, service_id, rating, title, body, is_approved, approved_at,
                   created_at, updated_at, verified_purchase
            FROM <schema>.reviews
            WHERE service_id = :serviceId AND is_approved
              AND (created_at, id) < (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at DESC, id DESC
            LIMIT :limit""")
    List<Review> approvedForServiceBefore(UUID serviceId, String afterCreatedAt, UUID afterId, int limit);

    @Override
    default Page<Review> listAwaitingModeration(String cursor, int pageSize) {
        Keyset.Position after = Keyset.decode(cursor, Keyset.FIRST_ASC_TIME);
        return Keyset.page(awaitingModerationAfter(after.key(), after.id(), Keyset.fetchSize(pageSize)),
                pageSize, Review::id, Review::createdAt);
    }

    @SqlQuery("""
            SELECT id, user_id, product_id, service_id, rating, title, body, is_approved, approved_at,
                   created_at, updated_at, verified_purchase
            FROM <schema>.reviews
            WHERE NOT is_approved AND (created_at, id) > (:afterCreatedAt::timestamptz, :afterId)
            ORDER BY created_at, id
            LIMIT :limit""")
    List<Review> awaitingModerationAfter(String afterCreatedAt, UUID afterId, int limit);

    @Override
    default RatingSummary ratingSummaryForProduct(UUID productId) {
        return productRating(Checks.notNull("productId", productId));
    }

    @SqlQuery("""
            SELECT count(*) AS count, round(avg(rating), 2) AS average,
                   count(*) FILTER (WHERE verified_purchase) AS verified_count,
                   round(avg(rating) FILTER (WHERE verified_purchase), 2) AS verified_average
            FROM <schema>.reviews WHERE product_id = :productId AND is_approved""")
    RatingSummary productRating(UUID productId);

    @Override
    default RatingSummary ratingSummaryForService(UUID serviceId) {
        return serviceRating(Checks.notNull("serviceId", serviceId));
    }

    @SqlQuery("""
            SELECT count(*) AS count, round(avg(rating), 2) AS average,
                   count(*) FILTER (WHERE verified_purchase) AS verified_count,
                   round(avg(rating) FILTER (WHERE verified_purchase), 2) AS verified_average
            FROM <schema>.reviews WHERE service_id = :serviceId AND is_approved""")
    RatingSummary serviceRating(UUID serviceId);
}
