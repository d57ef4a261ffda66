package com.techzone.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which statements open the read-your-writes window: {@link SchemaJdbi.SchemaEngine#writes}. */
class SchemaEngineTest {

    @Test
    void shouldCountPlainReadsAsReads() {
        assertThat(SchemaJdbi.SchemaEngine.writes("SELECT * FROM shop.products WHERE id = :id")).isFalse();
        assertThat(SchemaJdbi.SchemaEngine.writes("\n  select 1")).isFalse();
        assertThat(SchemaJdbi.SchemaEngine.writes("-- the dashboard\nSELECT count(*) FROM shop.orders")).isFalse();
        assertThat(SchemaJdbi.SchemaEngine.writes("/* keyset */ (SELECT 1) UNION ALL (SELECT 2)")).isFalse();
        assertThat(SchemaJdbi.SchemaEngine.writes("""
                WITH after AS (SELECT coalesce(seq, 0) AS seq FROM shop.inventory_logs WHERE id = :afterId)
                SELECT l.* FROM shop.inventory_logs l, after a WHERE l.updated_at > now()""")).isFalse();
    }

    @Test
    void shouldCountEverythingElseAsAWrite() {
        assertThat(SchemaJdbi.SchemaEngine.writes("INSERT INTO shop.reviews (id) VALUES (:id) RETURNING *")).isTrue();
        assertThat(SchemaJdbi.SchemaEngine.writes("update shop.products SET is_active = false")).isTrue();
        assertThat(SchemaJdbi.SchemaEngine.writes("DELETE FROM shop.reviews WHERE id = :id")).isTrue();
        assertThat(SchemaJdbi.SchemaEngine.writes("""
                WITH product AS (UPDATE shop.products SET stock = stock + :change RETURNING id)
                INSERT INTO shop.inventory_logs SELECT * FROM product""")).isTrue();
        assertThat(SchemaJdbi.SchemaEngine.writes("COPY shop.products FROM STDIN")).isTrue();
        assertThat(SchemaJdbi.SchemaEngine.writes("SET LOCAL lock_timeout = '1s'")).isTrue();
    }
}
