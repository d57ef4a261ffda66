package com.techzone.core.review;

/** Who may write a review; see {@link ReviewDao#create(NewReview, PurchaseRequirement)}. */
public enum PurchaseRequirement {
    /** Anyone with an account; the review is marked verified or not. */
    NONE,
    /**
     * Only a verified buyer: a user with a delivered order containing the product, or a completed
     * booking of the service. Anyone else is refused with {@link UnverifiedPurchaseException}.
     */
    VERIFIED_PURCHASE
}
