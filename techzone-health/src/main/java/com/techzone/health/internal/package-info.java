/**
 * Implementation of techzone-health: not API, may change in any release. The checks live in one
 * package per group ({@code schema}, {@code index}, {@code operations}, {@code domain}), each a small
 * package-private class behind {@link com.techzone.health.internal.HealthCheck} with its SQL in a
 * {@code .sql} resource of the same name.
 */
package com.techzone.health.internal;
