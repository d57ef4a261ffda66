package com.techzone.health.internal.domain;

import com.techzone.health.internal.CheckContext;
import com.techzone.health.internal.Issue;
import java.sql.SQLException;
import java.util.List;

/** Every product's stock equals the sum of its inventory_logs changes: the ledger is the truth. */
final class InventoryLedgerCheck extends DomainCheck {

    InventoryLedgerCheck() {
        super("inventory-ledger", "Product stock reconciles with the inventory ledger");
    }

    @Override
    public List<Issue> run(CheckContext context) throws SQLException {
        return query(context, getClass(), rs -> {
            long stock = rs.getLong("stock");
            long ledger = rs.getLong("ledger_stock");
            String product = "products." + rs.getString("sku");
            return Issue.critical(product, "Product " + rs.getString("sku") + " has stock " + stock
                            + " but its inventory ledger sums to " + ledger + more(LISTED, rs.getLong("total")))
                    .measured("stock " + stock).threshold("ledger " + ledger)
                    .fix("Count the shelf, then record the difference in the ledger and the stock in one transaction: "
                            + "INSERT INTO " + context.qualified("inventory_logs") + " (product_id, change, reason, stock_after, note) VALUES ('"
                            + rs.getString("id") + "', <counted - " + ledger + ">, 'adjustment', <counted>, 'stock count'); "
                            + "UPDATE " + context.qualified("products") + " SET stock = <counted> WHERE id = '" + rs.getString("id") + "'");
        });
    }
}
