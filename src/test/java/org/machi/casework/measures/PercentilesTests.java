package org.machi.casework.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PercentilesTests {

    private static List<Duration> hours(long... values) {
        List<Duration> list = new ArrayList<>();
        for (long v : values) {
            list.add(Duration.ofHours(v));
        }
        return list;
    }

    @Test
    void noValuesHaveNoPercentile() {
        assertThat(Percentiles.median(List.of())).isEmpty();
        assertThat(Percentiles.of(List.of(), 90)).isEmpty();
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(Percentiles.median(hours(7))).contains(Duration.ofHours(7));
        assertThat(Percentiles.of(hours(7), 90)).contains(Duration.ofHours(7));
        assertThat(Percentiles.of(hours(7), 0)).contains(Duration.ofHours(7));
    }

    @Test
    void theMedianOfAnOddCountIsTheMiddleValueWhateverTheOrder() {
        assertThat(Percentiles.median(hours(50, 10, 30))).contains(Duration.ofHours(30));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheTwoMiddleValuesAsExcelComputesIt() {
        // MEDIAN(1,2,4,10) = 3
        assertThat(Percentiles.median(hours(10, 1, 4, 2))).contains(Duration.ofHours(3));
        // MEDIAN(1,2) hours = 1.5 hours
        assertThat(Percentiles.median(hours(1, 2))).contains(Duration.ofMinutes(90));
    }

    @Test
    void the90thPercentileInterpolatesBetweenTheClosestRanksAsPercentileIncDoes() {
        // PERCENTILE.INC({1..10}, 0.9) = 9.1 : h = 9 × 0.9 = 8.1, x[8] + 0.1 × (x[9] − x[8])
        assertThat(Percentiles.of(hours(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90)).contains(Duration.ofMinutes(9 * 60 + 6));
        // PERCENTILE.INC({1,2,3,4}, 0.9) = 3.7 : h = 2.7
        assertThat(Percentiles.of(hours(4, 3, 2, 1), 90)).contains(Duration.ofMinutes(3 * 60 + 42));
        // PERCENTILE.INC({0, 100}, 0.9) = 90
        assertThat(Percentiles.of(hours(0, 100), 90)).contains(Duration.ofHours(90));
        // eleven values: h = 9 exactly, the tenth value
        assertThat(Percentiles.of(hours(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1000), 90)).contains(Duration.ofHours(9));
    }

    @Test
    void theExtremesAreTheSmallestAndTheLargestValue() {
        assertThat(Percentiles.of(hours(5, 1, 9), 0)).contains(Duration.ofHours(1));
        assertThat(Percentiles.of(hours(5, 1, 9), 100)).contains(Duration.ofHours(9));
    }

    @Test
    void theArithmeticIsExactBelowASecond() {
        // a tenth of one nanosecond is truncated, not rounded
        List<Duration> values = List.of(Duration.ZERO, Duration.ofNanos(1));
        assertThat(Percentiles.of(values, 90)).contains(Duration.ZERO);
        assertThat(Percentiles.of(List.of(Duration.ZERO, Duration.ofNanos(10)), 90)).contains(Duration.ofNanos(9));
    }

    @Test
    void aPercentileOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> Percentiles.of(hours(1), 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(hours(1), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Seeded property: a percentile lies between the values around its position and grows with p. */
    @Test
    void percentilesAreMonotoneAndStayWithinTheValues() {
        Random random = new Random(13);
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(40);
            List<Duration> values = IntStream.range(0, n).mapToObj(i -> Duration.ofSeconds(random.nextInt(1_000_000))).toList();
            Duration min = Collections.min(values);
            Duration max = Collections.max(values);
            Duration previous = min;
            for (int p = 0; p <= 100; p += 5) {
                Duration value = Percentiles.of(values, p).orElseThrow();
                assertThat(value).isBetween(min, max).isGreaterThanOrEqualTo(previous);
                previous = value;
            }
            assertThat(Percentiles.of(values, 0)).contains(min);
            assertThat(Percentiles.of(values, 100)).contains(max);
        }
    }
}
