package com.techzone.core.user;

/** What a user may do ({@code user_role}). */
public enum Role {
    /** A customer. */
    USER,
    /** Staff: moderates reviews, moves orders along. */
    ADMIN
}
