package com.techzone.core.review;

import java.math.BigDecimal;

/**
 * The approved reviews of a product or service: all of them, and those by verified buyers.
 *
 * @param count how many approved reviews
 * @param average their mean rating rounded to 2 places, or null if there are none
 * @param verifiedCount how many of them are verified purchases ({@link Review#verifiedPurchase()})
 * @param verifiedAverage the mean rating of those, rounded to 2 places, or null if there are none
 */
public record RatingSummary(long count, BigDecimal average, long verifiedCount, BigDecimal verifiedAverage) {
}
