package com.techzone.core.internal.workflow;

import com.techzone.core.order.CheckoutRequest;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a checkout request ordered, as SHA-256 hex (64 characters): every component of
 * {@link CheckoutRequest} except the user and the key (so a component added later is covered
 * without touching this class), amounts compared by value ({@code 0.08} = {@code 0.080}), and the
 * cart lines as (product id, quantity) in product id order. Prices are not part of it: they are
 * the shop's, not the request's.
 */
final class RequestFingerprint {

    private static final RecordComponent[] COMPONENTS = CheckoutRequest.class.getRecordComponents();

    private RequestFingerprint() {
    }

    /** @param lines quantity per product */
    static String of(CheckoutRequest request, Map<UUID, Integer> lines) {
        StringBuilder canonical = new StringBuilder("checkout-v1");
        for (RecordComponent component : COMPONENTS) {
            String name = component.getName();
            if (name.equals("userId") || name.equals("idempotencyKey")) {
                continue;
            }
            field(canonical, name, canonical(value(component, request)));
        }
        SortedMap<UUID, Integer> sorted = new TreeMap<>(lines);
        sorted.forEach((product, quantity) -> field(canonical, "line", product + "*" + quantity));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Length-prefixed, so no value can imitate a separator; null differs from every string. */
    private static void field(StringBuilder out, String name, String value) {
        out.append('|').append(name).append('=');
        if (value == null) {
            out.append('-');
        } else {
            out.append(value.length()).append(':').append(value);
        }
    }

    private static String canonical(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal amount) {
            return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value.toString();
    }

    private static Object value(RecordComponent component, CheckoutRequest request) {
        try {
            return component.getAccessor().invoke(request);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read CheckoutRequest." + component.getName(), e);
        }
    }
}
