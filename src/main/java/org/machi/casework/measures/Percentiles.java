package org.machi.casework.measures;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Percentiles of durations by linear interpolation between the closest ranks: for n values sorted
 * ascending x[0..n-1] and a percentile p (0–100), the position is h = (n − 1) × p / 100 and the
 * percentile is x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋ + 1] − x[⌊h⌋]). This is Excel's {@code PERCENTILE.INC}
 * and {@code MEDIAN} (R's type 7, NumPy's default), chosen so that a department can check a figure
 * of the CSV in a spreadsheet and get the same number. The median is the 50th percentile: with an
 * even number of values, the mean of the two middle ones. The arithmetic is exact to the nanosecond
 * (integers only; the fraction's part is truncated, never rounded up).
 */
final class Percentiles {

    private Percentiles() {
    }

    /** The percentile {@code percent} (0 to 100) of the values; empty when there are none. */
    static Optional<Duration> of(Collection<Duration> values, int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile lies between 0 and 100, not " + percent);
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(null);
        long scaled = (long) (sorted.size() - 1) * percent; // h × 100
        int rank = (int) (scaled / 100);
        long fraction = scaled % 100; // (h − ⌊h⌋) × 100
        Duration lower = sorted.get(rank);
        if (fraction == 0) {
            return Optional.of(lower);
        }
        Duration upper = sorted.get(rank + 1);
        return Optional.of(lower.plus(upper.minus(lower).multipliedBy(fraction).dividedBy(100)));
    }

    static Optional<Duration> median(Collection<Duration> values) {
        return of(values, 50);
    }
}
