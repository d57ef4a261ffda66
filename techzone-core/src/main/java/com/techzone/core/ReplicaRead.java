package com.techzone.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a read-only DAO method whose answer may be a few seconds old: a catalogue listing, reviews
 * and rating summaries, a report, a product's stock history. On a facade built with
 * {@link Techzone.Builder#readReplicas}, a call of such a method through {@link Techzone#dao} (and the
 * shortcuts such as {@link Techzone#products()}) runs on a read replica, unless the rules of
 * {@code readReplicas} send it to the primary (a write by the same thread within the window,
 * {@link Techzone#onPrimary}, no replica within the lag bound). Unmarked methods, attached DAOs
 * ({@link Techzone#attach}) and every workflow always run on the primary.
 *
 * <p>A host may mark the methods of its own DAO interfaces used through {@link Techzone#dao} too; a
 * marked method must not write (a replica refuses it with SQLState {@code 25006}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReplicaRead {
}
