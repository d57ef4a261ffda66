package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.techzone.core.cart.CartDao;
import com.techzone.core.cart.CartItem;
import com.techzone.core.catalog.Product;
import com.techzone.core.inventory.InsufficientStockException;
import com.techzone.core.inventory.InventoryLog;
import com.techzone.core.inventory.InventoryReason;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@TechzoneDatabaseTest
class CartAndInventoryTest {

    private final Shop shop;
    private final Techzone tz;

    CartAndInventoryTest(DataSource dataSource) {
        this.shop = Shop.on(dataSource);
        this.tz = shop.techzone();
    }

    @Test
    void shouldAddSetRemoveListAndClearCartLines() {
        CartDao carts = tz.carts();
        User user = shop.customer();
        Product a = shop.product("1.00", 5);
        Product b = shop.product("2.00", 5);

        carts.add(user.id(), a.id(), 2);
        CartItem summed = carts.add(user.id(), a.id(), 3);
        carts.setQuantity(user.id(), b.id(), 4);
        CartItem set = carts.setQuantity(user.id(), b.id(), 1);

        assertThat(summed.quantity()).isEqualTo(5);
        assertThat(set.quantity()).isEqualTo(1);
        assertThat(carts.listForUser(user.id())).extracting(CartItem::productId).containsExactly(a.id(), b.id());
        assertThat(carts.remove(user.id(), a.id())).isTrue();
        assertThat(carts.remove(user.id(), a.id())).isFalse();
        assertThat(carts.clear(user.id())).isEqualTo(1);
        assertThat(carts.listForUser(user.id())).isEmpty();
    }

    @Test
    void shouldRefuseBadQuantitiesAndUnknownProducts() {
        User user = shop.customer();
        Product a = shop.product("1.00", 5);

        assertThatThrownBy(() -> tz.carts().add(user.id(), a.id(), 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tz.carts().add(user.id(), a.id(), -1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tz.carts().add(null, a.id(), 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tz.carts().add(user.id(), UUID.randomUUID(), 1))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).contains("fk_cart_items_product_id"));
        tz.carts().add(user.id(), a.id(), 10_000);
        assertThatThrownBy(() -> tz.carts().add(user.id(), a.id(), 1))
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        e -> assertThat(e.constraint()).contains("chk_cart_items_quantity_positive"));
        assertThat(tz.carts().listForUser(user.id())).singleElement().extracting(CartItem::quantity).isEqualTo(10_000);
    }

    @Test
    void shouldPurgeAbandonedCartLines() {
        User user = shop.customer();
        Product a = shop.product("1.00", 5);
        tz.carts().add(user.id(), a.id(), 1);
        shop.useTables(h -> h.execute("UPDATE cart_items SET created_at = now() - interval '40 days' WHERE user_id = ?", user.id()));

        assertThat(tz.carts().purgeAbandoned(Instant.now().minus(30, ChronoUnit.DAYS), 100)).isEqualTo(1);
        assertThat(tz.carts().listForUser(user.id())).isEmpty();
    }

    @Test
    void shouldRestockAndAdjustWithLedgerRowsCarryingStockAfter() {
        Product p = shop.product("1.00", 3);
        User clerk = shop.customer();

        InventoryLog restock = tz.inventory().restock(p.id(), 7, clerk.id());
        InventoryLog damage = tz.inventory().adjust(p.id(), -4, "water damage", clerk.id());

        assertThat(restock.reason()).isEqualTo(InventoryReason.RESTOCK);
        assertThat(restock.stockAfter()).isEqualTo(10);
        assertThat(damage.reason()).isEqualTo(InventoryReason.ADJUSTMENT);
        assertThat(damage.stockAfter()).isEqualTo(6);
        assertThat(damage.note()).isEqualTo("water damage");
        assertThat(damage.createdBy()).isEqualTo(clerk.id());
        assertThat(tz.products().findById(p.id()).orElseThrow().stock()).isEqualTo(6);
        assertThat(tz.inventoryLogs().sumOfChanges(p.id())).isEqualTo(6);
    }

    @Test
    void shouldRefuseToTakeStockBelowZeroAndChangeNothing() {
        Product p = shop.product("1.00", 3);

        assertThatThrownBy(() -> tz.inventory().adjust(p.id(), -4, null, null))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> assertThat(e.shortages()).singleElement()
                        .satisfies(s -> {
                            assertThat(s.requested()).isEqualTo(4);
                            assertThat(s.available()).isEqualTo(3);
                        }));
        assertThat(tz.products().findById(p.id()).orElseThrow().stock()).isEqualTo(3);
        assertThat(tz.inventoryLogs().history(p.id(), null, 10).items()).hasSize(1);
    }

    @Test
    void shouldRefuseZeroChangesNonPositiveRestocksAndUnknownProducts() {
        Product p = shop.product("1.00", 3);
        assertThatThrownBy(() -> tz.inventory().adjust(p.id(), 0, null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tz.inventory().restock(p.id(), -2, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tz.inventory().restock(UUID.randomUUID(), 2, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldPageThroughAProductsStockHistoryNewestFirst() {
        Product p = shop.product("1.00", 1);
        for (int i = 1; i <= 4; i++) {
            tz.inventory().restock(p.id(), i, null);
        }
        List<Integer> changes = new ArrayList<>();
        String cursor = null;
        do {
            Page<InventoryLog> page = tz.inventoryLogs().history(p.id(), cursor, 2);
            page.items().forEach(l -> changes.add(l.change()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(changes).containsExactly(4, 3, 2, 1, 1);
    }

    @Test
    void shouldListTwoChangesOfOneTransactionInTheOrderTheyWereMade() {
        Product p = shop.product("1.00", 1);
        tz.jdbi().useTransaction(h -> {
            tz.inventory().adjust(h, p.id(), 2, "first", null);
            tz.inventory().adjust(h, p.id(), 3, "second", null);
            // One transaction: equal created_at; ids that sort against the order of the changes.
            h.execute("UPDATE " + tz.schema() + ".inventory_logs SET id = 'ffffffff-ffff-7fff-bfff-ffffffffffff' WHERE note = 'first' AND product_id = ?", p.id());
            h.execute("UPDATE " + tz.schema() + ".inventory_logs SET id = '00000000-0000-7000-8000-000000000001' WHERE note = 'second' AND product_id = ?", p.id());
        });
        List<Integer> changes = new ArrayList<>();
        String cursor = null;
        do {
            Page<InventoryLog> page = tz.inventoryLogs().history(p.id(), cursor, 1);
            page.items().forEach(l -> changes.add(l.change()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(changes).containsExactly(3, 2, 1);
    }

    @Test
    void shouldJoinTheHostsTransactionAndRollBackWithIt() {
        Product p = shop.product("1.00", 5);

        shop.useTables(h -> {
            h.begin();
            InventoryLog row = tz.inventory().adjust(h, p.id(), 3, "inside host transaction", null);
            assertThat(row).extracting(InventoryLog::change, InventoryLog::stockAfter, InventoryLog::reason)
                    .containsExactly(3, 8, InventoryReason.ADJUSTMENT);
            assertThatThrownBy(() -> tz.inventory().adjust(h, p.id(), 0, null, null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("change"));
            assertThatThrownBy(() -> tz.inventory().adjust(h, p.id(), 1, "n".repeat(5001), null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("note"));
            assertThat(h.createQuery("SELECT stock FROM products WHERE id = :id").bind("id", p.id()).mapTo(Integer.class).one())
                    .isEqualTo(8);
            h.rollback();
        });

        assertThat(tz.products().findById(p.id()).orElseThrow().stock()).isEqualTo(5);
        assertThat(tz.inventoryLogs().history(p.id(), null, 10).items()).hasSize(1);
    }

    @Test
    void shouldRestockInsideTheHostsTransactionAndRollBackWithIt() {
        Product p = shop.product("1.00", 5);

        shop.useTables(h -> {
            h.begin();
            InventoryLog row = tz.inventory().restock(h, p.id(), 4, null);
            assertThat(row).extracting(InventoryLog::change, InventoryLog::stockAfter, InventoryLog::reason)
                    .containsExactly(4, 9, InventoryReason.RESTOCK);
            assertThatThrownBy(() -> tz.inventory().restock(h, p.id(), 0, null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("quantity"));
            assertThatThrownBy(() -> tz.inventory().restock(h, null, 1, null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).contains("productId"));
            assertThat(h.createQuery("SELECT stock FROM products WHERE id = :id").bind("id", p.id()).mapTo(Integer.class).one())
                    .isEqualTo(9);
            h.rollback();
        });
        InventoryLog committed = shop.withTables(h -> h.inTransaction(t -> tz.inventory().restock(t, p.id(), 2, null)));

        assertThat(committed.stockAfter()).isEqualTo(7);
        assertThat(tz.products().findById(p.id()).orElseThrow().stock()).isEqualTo(7);
        assertThat(tz.inventoryLogs().history(p.id(), null, 10).items()).extracting(InventoryLog::reason)
                .containsExactly(InventoryReason.RESTOCK, InventoryReason.INITIAL);
    }
}
