package com.techzone.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.techzone.core.order.OrderStatus;
import com.techzone.testing.TechzoneDatabaseTest;
import java.io.PrintWriter;
import java.io.StringWriter;
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
        assertThat(outcome.report().ordersCount()).isGreaterThanOrEqualTo(1);
        assertThat(text.toString()).contains("Refused", "Order #").doesNotContain("demo-");
    }
}
