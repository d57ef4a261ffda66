package com.techzone.examples.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many rows the {@link DataGenerator} makes at a scale factor. Scale 1 is a mid-sized shop:
 * 100,000 users, 10,000 products in 50 categories, 1,000 services, 1,000,000 orders (about
 * 3,000,000 lines, 1 to 5 each), 200,000 reviews, 100,000 bookings and about 1,000,000 stock
 * ledger entries. Each count has a small floor, so even a tiny scale makes a usable shop.
 *
 * @param scale the scale factor the counts were derived from
 * @param categories categories (50 at scale 0.01 and above)
 * @param users users
 * @param products products
 * @param services services
 * @param orders orders
 * @param reviews reviews (upper bound: duplicates of user and item are dropped)
 * @param bookings bookings
 * @param ledgerMoves stock movements besides each product's initial entry
 * @param contacts contact-form messages
 */
public record DataSizes(double scale, int categories, int users, int products, int services, int orders,
                        int reviews, int bookings, int ledgerMoves, int contacts) {

    /** Scale 0.01: about 25,000 rows, loaded in seconds. */
    public static final double SMALL = 0.01;

    /**
     * The counts for a scale factor.
     *
     * @throws IllegalArgumentException if the scale is not in (0, 10]
     */
    public static DataSizes forScale(double scale) {
        if (!(scale > 0 && scale <= 10)) {
            throw new IllegalArgumentException("--scale must be in (0, 10], got " + scale
                    + " (1 = 100k users and 1M orders; 0.01 = a small shop)");
        }
        int products = count(10_000, scale, 20);
        return new DataSizes(scale, Math.min(50, Math.max(2, products / 2)), count(100_000, scale, 20), products,
                count(1_000, scale, 5), count(1_000_000, scale, 50), count(200_000, scale, 20),
                count(100_000, scale, 10), count(990_000, scale, 100), count(5_000, scale, 5));
    }

    /** The placeholders of the generator's SQL, by name. */
    Map<String, String> placeholders() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("categories", Integer.toString(categories));
        values.put("users", Integer.toString(users));
        values.put("products", Integer.toString(products));
        values.put("services", Integer.toString(services));
        values.put("orders", Integer.toString(orders));
        values.put("reviews", Integer.toString(reviews));
        values.put("bookings", Integer.toString(bookings));
        values.put("ledger_moves", Integer.toString(ledgerMoves));
        values.put("contacts", Integer.toString(contacts));
        return values;
    }

    private static int count(int atScaleOne, double scale, int floor) {
        return (int) Math.max(floor, Math.round(atScaleOne * scale));
    }
}
