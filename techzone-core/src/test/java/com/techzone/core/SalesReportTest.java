package com.techzone.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.core.catalog.Product;
import com.techzone.core.order.CheckoutRequest;
import com.techzone.core.order.OrderStatus;
import com.techzone.core.report.DashboardCounts;
import com.techzone.core.report.Granularity;
import com.techzone.core.report.SalesReport;
import com.techzone.core.user.User;
import com.techzone.testing.TechzoneDatabaseTest;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@TechzoneDatabaseTest
class SalesReportTest {

    private static final LocalDate DAY = LocalDate.of(2030, 5, 15); // a Wednesday

    private final Shop shop;
    private final Techzone tz;

    SalesReportTest(DataSource dataSource) {
        this.shop = Shop.on(dataSource);
        this.tz = shop.techzone();
    }

    @Test
    void shouldRebuildDayWeekAndMonthIdempotentlyCountingRefundsAndSkippingCancellations() {
        UUID kept = placeOrderOn(DAY, "10.00", 2);      // 20.00
        UUID refunded = placeOrderOn(DAY, "5.00", 1);   // 5.00, refunded
        UUID cancelled = placeOrderOn(DAY, "7.00", 1);  // not counted
        placeOrderOn(DAY.plusDays(1), "3.00", 1);       // next day, same week and month
        setStatus(refunded, OrderStatus.REFUNDED);
        setStatus(cancelled, OrderStatus.CANCELLED);

        SalesReport day = tz.reports().rebuild(Granularity.DAY, DAY);
        SalesReport again = tz.reports().rebuild(Granularity.DAY, DAY);
        SalesReport week = tz.reports().rebuild(Granularity.WEEK, DAY);
        SalesReport month = tz.reports().rebuild(Granularity.MONTH, DAY);

        assertThat(day.periodStart()).isEqualTo(DAY);
        assertThat(day.periodEnd()).isEqualTo(DAY.plusDays(1));
        assertThat(day.ordersCount()).isEqualTo(2);
        assertThat(day.itemsSold()).isEqualTo(3);
        assertThat(day.grossRevenue()).isEqualByComparingTo("25.00");
        assertThat(day.refunds()).isEqualByComparingTo("5.00");
        assertThat(day.netRevenue()).isEqualByComparingTo("20.00");
        assertThat(day.averageOrderValue()).isEqualByComparingTo("12.50");
        assertThat(again.id()).isEqualTo(day.id());
        assertThat(shop.count("SELECT count(*) FROM sales_reports WHERE granularity = 'day' AND period_start = '" + DAY + "'"))
                .as("one row for the day, however often it is rebuilt").isEqualTo(1);
        assertThat(week.periodStart()).isEqualTo(LocalDate.of(2030, 5, 13));
        assertThat(week.ordersCount()).isEqualTo(3);
        assertThat(month.periodStart()).isEqualTo(LocalDate.of(2030, 5, 1));
        assertThat(month.periodEnd()).isEqualTo(LocalDate.of(2030, 6, 1));
        assertThat(month.grossRevenue()).isEqualByComparingTo("28.00");
        assertThat(tz.reports().find(Granularity.DAY, DAY)).hasValueSatisfying(r -> assertThat(r.ordersCount()).isEqualTo(2));
        assertThat(tz.reports().list(Granularity.DAY, DAY.minusDays(3), DAY.plusDays(3))).hasSize(1);
    }

    @Test
    void shouldBuildAnEmptyReportForADayWithoutOrders() {
        SalesReport empty = tz.reports().rebuild(Granularity.DAY, LocalDate.of(2001, 1, 1));

        assertThat(empty.ordersCount()).isZero();
        assertThat(empty.averageOrderValue()).isEqualByComparingTo("0");
    }

    @Test
    void shouldCountTheDashboardNumbers() {
        DashboardCounts before = tz.reports().dashboard();
        User user = shop.customer();
        Product p = shop.product("1.00", 1);
        tz.carts().add(user.id(), p.id(), 1);
        tz.checkout().checkout(CheckoutRequest.of(user.id()));

        DashboardCounts after = tz.reports().dashboard();

        assertThat(after.activeUsers()).isEqualTo(before.activeUsers() + 1);
        assertThat(after.activeProducts()).isEqualTo(before.activeProducts() + 1);
        assertThat(after.lowStockProducts()).isEqualTo(before.lowStockProducts() + 1);
        assertThat(after.pendingOrders()).isEqualTo(before.pendingOrders() + 1);
    }

    private UUID placeOrderOn(LocalDate day, String price, int quantity) {
        User user = shop.customer();
        Product p = shop.product(price, 10);
        tz.carts().add(user.id(), p.id(), quantity);
        UUID id = tz.checkout().checkout(CheckoutRequest.of(user.id())).order().id();
        shop.useTables(h -> h.execute("UPDATE orders SET created_at = (?::date + time '12:00') AT TIME ZONE 'UTC' WHERE id = ?",
                day.toString(), id));
        return id;
    }

    private void setStatus(UUID orderId, OrderStatus status) {
        shop.useTables(h -> h.createUpdate("UPDATE orders SET status = :s::order_status WHERE id = :id")
                .bind("s", status).bind("id", orderId).execute());
    }
}
