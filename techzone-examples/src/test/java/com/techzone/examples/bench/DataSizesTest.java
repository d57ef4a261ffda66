package com.techzone.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataSizesTest {

    @Test
    void shouldMakeAMidSizedShopAtScaleOne() {
        DataSizes sizes = DataSizes.forScale(1);

        assertThat(sizes.users()).isEqualTo(100_000);
        assertThat(sizes.products()).isEqualTo(10_000);
        assertThat(sizes.categories()).isEqualTo(50);
        assertThat(sizes.services()).isEqualTo(1_000);
        assertThat(sizes.orders()).isEqualTo(1_000_000);
        assertThat(sizes.reviews()).isEqualTo(200_000);
        assertThat(sizes.bookings()).isEqualTo(100_000);
        assertThat(sizes.products() + sizes.ledgerMoves()).isEqualTo(1_000_000);
    }

    @Test
    void shouldKeepFloorsAtATinyScale() {
        DataSizes tiny = DataSizes.forScale(0.00001);

        assertThat(tiny.users()).isEqualTo(20);
        assertThat(tiny.orders()).isEqualTo(50);
        assertThat(tiny.categories()).isEqualTo(10);
    }

    @Test
    void shouldRefuseAScaleOutOfRange() {
        assertThatThrownBy(() -> DataSizes.forScale(0)).hasMessageContaining("--scale");
        assertThatThrownBy(() -> DataSizes.forScale(11)).hasMessageContaining("--scale");
        assertThatThrownBy(() -> DataSizes.forScale(Double.NaN)).hasMessageContaining("--scale");
    }
}
