package com.techzone.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.core.order.OrderStatus;
import com.techzone.testing.TechzoneDatabaseTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@TechzoneDatabaseTest
class ShoppingFlowTest {

    @Test
    void shouldDeliverOneOrderRefuseTheOverlapAndTheOversellAndReportTheDay(DataSource dataSource) {
        StringWriter text = new StringWriter();

        ShoppingFlow.Outcome outcome = ShoppingFlow.run(dataSource, new PrintWriter(text));

        assertThat(outcome.order().status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(outcome.order().total()).isEqualByComparingTo("1839.89"); // 1698.98 + tax 135.92 + shipping 4.99
        assertThat(outcome.ordersOfCustomer()).isEqualTo(1);
        assertThat(outcome.laptopStockAfter()).isEqualTo(4);
        assertThat(outcome.overlapRefused()).isTrue();
        assertThat(outcome.oversellRefused()).isTrue();
        // This class's own database holds the flow's one delivered order (the oversell was refused): the day's
        // report counts it, unless the order was placed before midnight UTC and the report built after.
        boolean sameDay = outcome.order().createdAt().atZone(ZoneOffset.UTC).toLocalDate().equals(outcome.report().periodStart());
        assertThat(outcome.report().ordersCount()).isEqualTo(sameDay ? 1 : 0);
        assertThat(text.toString()).contains("Refused", "Order #").doesNotContain("demo-");
    }
}
