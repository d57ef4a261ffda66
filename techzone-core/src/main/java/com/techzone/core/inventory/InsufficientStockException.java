package com.techzone.core.inventory;

import com.techzone.TechzoneException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stock change or a checkout asked for more units than are on hand. Nothing was written: the
 * whole order (or change) was refused. {@link #shortages()} lists every product that was short,
 * with the numbers.
 */
public class InsufficientStockException extends TechzoneException {

    private static final long serialVersionUID = 1L;

    private final List<Shortage> shortages;

    /** @param shortages every product that was short; at least one */
    public InsufficientStockException(List<Shortage> shortages) {
        super("Insufficient stock: " + shortages.stream()
                .map(s -> (s.sku() == null ? s.productId().toString() : s.sku()) + " requested " + s.requested()
                        + ", available " + s.available())
                .collect(Collectors.joining("; ")));
        this.shortages = List.copyOf(shortages);
    }

    /** Every product that was short, in product id order. */
    public List<Shortage> shortages() {
        return shortages;
    }
}
