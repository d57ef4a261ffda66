package com.techzone.core.review;

import java.math.BigDecimal;

/**
 * The approved reviews of a product or service in two numbers.
 *
 * @param count how many approved reviews
 * @param average their mean rating rounded to 2 places, or null if there are none
 */
public record RatingSummary(long count, BigDecimal average) {
}
