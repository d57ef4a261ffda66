package com.techzone.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void shouldTakeTheMiddleSampleOfAnOddCount() {
        LatencyStats stats = LatencyStats.of(30, 10, 20);

        assertThat(stats.medianNanos()).isEqualTo(20.0);
        assertThat(stats.minNanos()).isEqualTo(10);
        assertThat(stats.maxNanos()).isEqualTo(30);
        assertThat(stats.count()).isEqualTo(3);
    }

    @Test
    void shouldAverageTheTwoMiddleSamplesOfAnEvenCount() {
        assertThat(LatencyStats.of(4, 1, 3, 2).medianNanos()).isEqualTo(2.5);
    }

    @Test
    void shouldTakeTheNearestRankForTheNinetyFifthPercentile() {
        long[] oneToHundred = LongStream.rangeClosed(1, 100).toArray();
        long[] oneToTwenty = LongStream.rangeClosed(1, 20).toArray();

        assertThat(LatencyStats.of(oneToHundred).p95Nanos()).isEqualTo(95);
        assertThat(LatencyStats.of(oneToTwenty).p95Nanos()).isEqualTo(19);
        assertThat(LatencyStats.of(7).p95Nanos()).isEqualTo(7);
        assertThat(LatencyStats.of(1, 2).p95Nanos()).isEqualTo(2);
    }

    @Test
    void shouldNotReorderTheCallersSamples() {
        long[] samples = {3, 1, 2};
        LatencyStats.of(samples);

        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void shouldConvertToMilliseconds() {
        LatencyStats stats = LatencyStats.of(1_500_000, 2_500_000);

        assertThat(stats.medianMillis()).isEqualTo(2.0);
        assertThat(stats.p95Millis()).isEqualTo(2.5);
    }

    @Test
    void shouldRefuseNoSamples() {
        assertThatThrownBy(LatencyStats::of).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--iterations");
    }
}
