package com.techzone.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlanSummaryTest {

    @Test
    void shouldNameEachScanWithItsIndexAndTable() {
        String explain = """
                [{"Plan": {"Node Type": "Limit", "Plans": [
                  {"Node Type": "Bitmap Heap Scan", "Relation Name": "orders", "Alias": "orders", "Plans": [
                    {"Node Type": "Bitmap Index Scan", "Index Name": "idx_orders_user_status", "Index Cond": "(user_id = $1)"}]},
                  {"Node Type": "Seq Scan", "Relation Name": "products"}]}}]""";

        assertThat(PlanSummary.scans(explain)).isEqualTo("Bitmap Heap Scan on orders"
                + " + Bitmap Index Scan using idx_orders_user_status + Seq Scan on products");
    }

    @Test
    void shouldSayWhenThereIsNoScan() {
        assertThat(PlanSummary.scans("[{\"Plan\": {\"Node Type\": \"Result\"}}]")).isEqualTo("(no scan)");
    }
}
