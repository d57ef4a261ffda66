package com.techzone.core.booking;

/**
 * Where a booking stands ({@code bookings.status}). Only {@link #PENDING} and {@link #CONFIRMED}
 * bookings hold their slot; the others free it.
 */
public enum BookingStatus {
    /** Requested, holds the slot. */
    PENDING,
    /** Accepted by the shop, holds the slot. */
    CONFIRMED,
    /** Took place. */
    COMPLETED,
    /** Called off; the slot is free again. */
    CANCELLED,
    /** The customer did not come. */
    NO_SHOW
}
