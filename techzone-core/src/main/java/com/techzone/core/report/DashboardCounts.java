package com.techzone.core.report;

/**
 * The numbers an admin dashboard shows, read in one statement.
 *
 * @param activeUsers users who may log in
 * @param activeProducts products on sale
 * @param lowStockProducts products on sale at or below their low-stock threshold
 * @param pendingOrders orders waiting to be worked on
 * @param processingOrders orders being prepared
 * @param reviewsAwaitingModeration reviews not yet approved
 * @param upcomingBookings pending or confirmed bookings that start in the future
 * @param newContactMessages unread contact-form messages
 */
public record DashboardCounts(long activeUsers, long activeProducts, long lowStockProducts, long pendingOrders,
                              long processingOrders, long reviewsAwaitingModeration, long upcomingBookings,
                              long newContactMessages) {
}
