package com.techzone.examples.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The checkout of the previous release (0.1.0, schema V5), over plain JDBC: during a live deploy the
 * migrations of the new release run while the old release still serves, so that is the load
 * {@code migrate-live} applies them under. Same statements as that release: the cart's product rows
 * locked in id order, then one statement that writes the order, its lines, the stock, the ledger and
 * the history. It reads and writes only V5 columns, which every later migration keeps.
 */
final class PreviousReleaseCheckout {

    private static final String LOCK_CART = """
            SELECT p.id AS product_id, p.sku, p.name, p.price, p.stock, p.is_active, c.quantity
            FROM cart_items c
            JOIN products p ON p.id = c.product_id
            WHERE c.user_id = ?
            ORDER BY p.id
            FOR UPDATE OF p, c""";
    private static final NamedSql PLACE_ORDER = NamedSql.resource(PreviousReleaseCheckout.class, "placeOrder");

    private PreviousReleaseCheckout() {
    }

    /**
     * Checks out the user's cart in one transaction on {@code c} (committed here).
     *
     * @return false, with nothing written, when the cart is empty or a product is short
     * @throws SQLException if the server refuses; the transaction is rolled back
     */
    static boolean checkout(Connection c, UUID user) throws SQLException {
        c.setAutoCommit(false);
        try {
            List<UUID> products = new ArrayList<>();
            List<Integer> quantities = new ArrayList<>();
            List<String> prices = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> skus = new ArrayList<>();
            BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
            try (PreparedStatement lock = c.prepareStatement(LOCK_CART)) {
                lock.setObject(1, user);
                try (ResultSet rs = lock.executeQuery()) {
                    while (rs.next()) {
                        int quantity = rs.getInt("quantity");
                        if (!rs.getBoolean("is_active") || rs.getInt("stock") < quantity) {
                            c.rollback();
                            return false;
                        }
                        BigDecimal price = rs.getBigDecimal("price");
                        products.add(rs.getObject("product_id", UUID.class));
                        quantities.add(quantity);
                        prices.add(price.toPlainString());
                        names.add(rs.getString("name"));
                        skus.add(rs.getString("sku"));
                        subtotal = subtotal.add(price.multiply(BigDecimal.valueOf(quantity)));
                    }
                }
            }
            if (products.isEmpty()) {
                c.rollback();
                return false;
            }
            List<UUID> itemIds = new ArrayList<>();
            List<UUID> logIds = new ArrayList<>();
            for (int i = 0; i < products.size(); i++) {
                itemIds.add(UUID.randomUUID());
                logIds.add(UUID.randomUUID());
            }
            try (PreparedStatement place = c.prepareStatement(PLACE_ORDER.jdbc())) {
                bind(place, "orderId", UUID.randomUUID());
                bind(place, "userId", user);
                bind(place, "currency", "USD");
                bind(place, "subtotal", subtotal);
                bind(place, "tax", BigDecimal.ZERO.setScale(2));
                bind(place, "shipping", BigDecimal.ZERO.setScale(2));
                bind(place, "discount", BigDecimal.ZERO.setScale(2));
                bind(place, "total", subtotal);
                bind(place, "shippingAddress", null);
                bind(place, "idempotencyKey", null);
                bind(place, "historyId", UUID.randomUUID());
                bind(place, "itemIds", c.createArrayOf("uuid", itemIds.toArray()));
                bind(place, "logIds", c.createArrayOf("uuid", logIds.toArray()));
                bind(place, "productIds", c.createArrayOf("uuid", products.toArray()));
                bind(place, "quantities", c.createArrayOf("int4", quantities.toArray()));
                bind(place, "prices", c.createArrayOf("text", prices.toArray()));
                bind(place, "names", c.createArrayOf("text", names.toArray()));
                bind(place, "skus", c.createArrayOf("text", skus.toArray()));
                place.executeQuery().close();
            }
            c.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void bind(PreparedStatement statement, String name, Object value) throws SQLException {
        for (int position : PLACE_ORDER.positions(name)) {
            statement.setObject(position, value);
        }
    }
}
